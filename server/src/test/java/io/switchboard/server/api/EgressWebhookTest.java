package io.switchboard.server.api;

import static io.switchboard.server.api.SdkCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.livekit.server.AudioMixing;
import io.livekit.server.EgressServiceClient;
import io.livekit.server.WebhookReceiver;
import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.server.testing.RunningSwitchboard;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.RoomOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import livekit.LivekitEgress.EgressInfo;
import livekit.LivekitEgress.EgressStatus;
import livekit.LivekitEgress.EncodedFileOutput;
import livekit.LivekitEgress.EncodingOptionsPreset;
import livekit.LivekitWebhook.WebhookEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An egress's life arrives as LiveKit's signed egress webhooks, through the server's webhook queue. */
class EgressWebhookTest {
  @TempDir Path data;
  private HttpServer receiver;
  private final BlockingQueue<WebhookEvent> delivered = new LinkedBlockingQueue<>();
  private final WebhookReceiver verifier = new WebhookReceiver(RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      delivered.add(verifier.receive(body, exchange.getRequestHeaders().getFirst("Authorization")));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  @Test
  void startedUpdatedAndEndedAreSentWithTheEgressInfo() throws Exception {
    URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    try (RunningSwitchboard server = RunningSwitchboard.withWebhook(data, url)) {
      server.server().rooms().getOrCreate("support", RoomOptions.UNSET)
          .join(new ParticipantSpec("caller", "", ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE)
          .publishAudio("phone", new Silence());
      EgressServiceClient egress =
          EgressServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
      EgressInfo started = ok(egress.startRoomCompositeEgress("support",
          EncodedFileOutput.newBuilder().setFilepath("support.ogg").build(), "", EncodingOptionsPreset.H264_720P_30,
          null, true, false, "", AudioMixing.DEFAULT_MIXING));
      ok(egress.stopEgress(started.getEgressId()));

      List<WebhookEvent> egressEvents = new ArrayList<>();
      while (egressEvents.size() < 4) {
        WebhookEvent e = delivered.poll(30, TimeUnit.SECONDS);
        assertNotNull(e, "egress webhooks missing; got " + egressEvents);
        if (e.getEvent().startsWith("egress_")) {
          egressEvents.add(e);
        }
      }
      assertEquals(List.of("egress_started", "egress_updated", "egress_updated", "egress_ended"),
          egressEvents.stream().map(WebhookEvent::getEvent).toList());
      assertEquals(List.of(EgressStatus.EGRESS_STARTING, EgressStatus.EGRESS_ACTIVE, EgressStatus.EGRESS_ENDING,
          EgressStatus.EGRESS_COMPLETE), egressEvents.stream().map(e -> e.getEgressInfo().getStatus()).toList());
      assertTrue(egressEvents.stream().allMatch(e -> e.getEgressInfo().getEgressId().equals(started.getEgressId())));
      assertTrue(egressEvents.stream().allMatch(e -> e.getRoom().getName().equals("support")));
      assertEquals("support.ogg", egressEvents.getLast().getEgressInfo().getFileResults(0).getFilename());
    }
  }

  private static final class Silence implements AudioSource {
    @Override
    public int sampleRate() {
      return 8000;
    }

    @Override
    public boolean read(PcmFrame into) {
      return false;
    }
  }
}
