package io.switchboard.sfu.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.protocol.auth.TokenIssuer;
import io.switchboard.protocol.webhook.WebhookSigner;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.Ids;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import io.switchboard.sfu.room.TrackInfo;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import livekit.LivekitModels;
import livekit.LivekitWebhook.WebhookEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A room's life, as the webhooks a receiver gets for it. */
class WebhookNotifierTest {
  private static final AudioSource SILENCE =
      new AudioSource() {
        @Override
        public int sampleRate() {
          return 8000;
        }

        @Override
        public boolean read(PcmFrame into) {
          return false;
        }
      };

  private final FakeTime time = new FakeTime();
  private final ManualExecutor deliveries = new ManualExecutor();
  private final ScriptedTransport transport = new ScriptedTransport();
  private final ScheduledExecutorService unusedScheduler = Executors.newSingleThreadScheduledExecutor();
  private final RoomManager rooms =
      new RoomManager(time, unusedScheduler, Runnable::run, Runnable::run,
          new RoomOptions(Duration.ofMinutes(5), Duration.ofSeconds(20), 0, ""), new SplittableRandom(7));
  private final WebhookNotifier notifier =
      new WebhookNotifier(
          List.of(URI.create("http://a.example/hook"), URI.create("http://b.example/hook")),
          new WebhookSigner(new TokenIssuer("APIkey1", "a-secret-of-32-bytes-or-so-12345", time)),
          transport, deliveries, time, time, WebhookPolicy.DEFAULTS,
          new RoomWebhookEvents(time, new Ids(new SplittableRandom(9))));

  @AfterEach
  void stop() {
    unusedScheduler.shutdownNow();
  }

  @Test
  void aCallersVisitBecomesLiveKitsSequenceOfWebhooks() {
    rooms.addListener(notifier);
    Room room = rooms.getOrCreate("support", new RoomOptions(null, null, 0, "{\"queue\":\"billing\"}"));
    LocalParticipant caller =
        room.join(
            new ParticipantSpec("sip_+15105550100", "Caller", ParticipantKind.SIP, "",
                Map.of("sip.phoneNumber", "+15105550100")),
            ParticipantListener.NONE);
    TrackInfo mic = caller.publishAudio("phone", SILENCE);
    caller.updateMetadata("no webhook for this");
    caller.leave(DisconnectReason.CLIENT_INITIATED);
    rooms.delete("support");
    deliveries.runAll();

    List<WebhookEvent> toA = transport.posts.stream()
        .filter(p -> p.url().getHost().equals("a.example")).map(ScriptedTransport.Post::event).toList();
    assertEquals(
        List.of("room_started", "participant_joined", "track_published", "track_unpublished",
            "participant_left", "room_finished"),
        toA.stream().map(WebhookEvent::getEvent).toList());
    assertEquals(12, transport.posts.size(), "both URLs get every event");

    WebhookEvent started = toA.get(0);
    assertEquals("{\"queue\":\"billing\"}", started.getRoom().getMetadata());
    assertEquals(300, started.getRoom().getEmptyTimeout());
    assertEquals(time.instant().getEpochSecond(), started.getCreatedAt());
    assertTrue(started.getId().matches("EV_[0-9A-Za-z]{12}"), started.getId());
    assertEquals(6, toA.stream().map(WebhookEvent::getId).distinct().count(), "each event has its own id");

    WebhookEvent joined = toA.get(1);
    assertEquals(LivekitModels.ParticipantInfo.Kind.SIP, joined.getParticipant().getKind());
    assertEquals(LivekitModels.ParticipantInfo.State.ACTIVE, joined.getParticipant().getState());
    assertEquals("+15105550100", joined.getParticipant().getAttributesOrThrow("sip.phoneNumber"));
    assertEquals(1, joined.getRoom().getNumParticipants());

    WebhookEvent published = toA.get(2);
    assertEquals(mic.sid(), published.getTrack().getSid());
    assertEquals(LivekitModels.TrackType.AUDIO, published.getTrack().getType());
    assertEquals(LivekitModels.TrackSource.MICROPHONE, published.getTrack().getSource());
    assertEquals("sip_+15105550100", published.getParticipant().getIdentity());
    assertEquals("", published.getParticipant().getName(), "track webhooks carry sid and identity only");
    assertEquals("support", published.getRoom().getName());

    WebhookEvent left = toA.get(4);
    assertEquals(LivekitModels.ParticipantInfo.State.DISCONNECTED, left.getParticipant().getState());
    assertEquals(LivekitModels.DisconnectReason.CLIENT_INITIATED, left.getParticipant().getDisconnectReason());
    assertEquals("no webhook for this", left.getParticipant().getMetadata());
    assertEquals(0, left.getRoom().getNumParticipants());

    assertEquals(room.sid(), toA.get(5).getRoom().getSid());
    assertEquals(12, notifier.delivered());
  }

  @Test
  void aSlowReceiverNeverHoldsUpTheRoom() {
    transport.answer(503, 503);
    rooms.addListener(notifier);
    Room room = rooms.getOrCreate("busy", RoomOptions.UNSET);
    room.join(new ParticipantSpec("p1", "", ParticipantKind.STANDARD, "", Map.of()), ParticipantListener.NONE);

    assertEquals(1, room.participants().size(), "joined while no webhook has been sent yet");
    assertEquals(0, transport.posts.size());
    deliveries.runAll();
    assertEquals(
        List.of("room_started", "room_started"),
        transport.posts.stream().map(p -> p.event().getEvent()).toList(),
        "room_started failed at both URLs; participant_joined waits behind it for its retry");
  }
}
