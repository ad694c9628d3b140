package io.switchboard.sfu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.protocol.auth.ClaimGrants;
import io.switchboard.protocol.auth.TokenIssuer;
import io.switchboard.protocol.auth.TokenVerifier;
import io.switchboard.protocol.auth.VideoGrant;
import io.switchboard.protocol.twirp.TwirpRequest;
import io.switchboard.protocol.twirp.TwirpResponse;
import io.switchboard.protocol.twirp.TwirpRouter;
import io.switchboard.sfu.room.RoomEvent;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;

/** A RoomService behind the real Twirp router and real tokens, over rooms run synchronously. */
final class ApiFixture {
  private static final String KEY = "APIkey1";
  private static final String SECRET = "a-secret-of-32-bytes-or-so-12345";

  final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  final RoomManager rooms;
  final List<RoomEvent> events = new CopyOnWriteArrayList<>();
  private final TokenIssuer issuer = new TokenIssuer(KEY, SECRET, clock);
  private final TwirpRouter router = new TwirpRouter(new TokenVerifier(Map.of(KEY, SECRET), clock));

  ApiFixture(ScheduledExecutorService scheduler) {
    rooms = new RoomManager(clock, scheduler, Runnable::run, Runnable::run,
        new RoomOptions(Duration.ofMinutes(5), Duration.ofSeconds(20), 0, ""), new SplittableRandom(7));
    rooms.addListener(events::add);
    new RoomApiService(rooms, false, scheduler).register(router);
  }

  TwirpResponse call(String method, String json, VideoGrant grant) {
    String token = issuer.issue(ClaimGrants.builder().identity("ops").video(grant).build(), Duration.ofMinutes(10));
    return router.handle(new TwirpRequest("/twirp/livekit.RoomService/" + method, "application/json",
        "Bearer " + token, json.getBytes(StandardCharsets.UTF_8)));
  }

  static <T extends Message> T reply(TwirpResponse response, Message.Builder builder) throws Exception {
    String body = new String(response.body(), StandardCharsets.UTF_8);
    assertEquals(200, response.status(), body);
    JsonFormat.parser().merge(body, builder);
    @SuppressWarnings("unchecked")
    T built = (T) builder.build();
    return built;
  }

  /** The Twirp error as {code, msg}, after checking the HTTP status. */
  static Map<String, String> error(TwirpResponse response, int status) throws Exception {
    Struct.Builder s = Struct.newBuilder();
    JsonFormat.parser().merge(new String(response.body(), StandardCharsets.UTF_8), s);
    assertEquals(status, response.status(), s.toString());
    return Map.of("code", s.getFieldsOrThrow("code").getStringValue(), "msg", s.getFieldsOrThrow("msg").getStringValue());
  }

  static VideoGrant admin(String room) {
    return VideoGrant.builder().roomAdmin(true).room(room).build();
  }

  static VideoGrant mover(String room, String destination) {
    return VideoGrant.builder().roomAdmin(true).room(room).destinationRoom(destination).build();
  }

  /** A source of constant frames at {@code level}: what each room hears from it is easy to tell apart. */
  static final class Level implements AudioSource {
    private final short level;
    int reads;

    Level(int level) {
      this.level = (short) level;
    }

    @Override
    public int sampleRate() {
      return 8000;
    }

    @Override
    public boolean read(PcmFrame into) {
      reads++;
      java.util.Arrays.fill(into.samples(), 0, into.length(), level);
      return true;
    }
  }

  /** Keeps the peak of the last frame it was given. */
  static final class Peak implements AudioSink {
    volatile int last;
    int frames;

    @Override
    public int sampleRate() {
      return 8000;
    }

    @Override
    public void write(PcmFrame frame) {
      frames++;
      int peak = 0;
      for (int i = 0; i < frame.length(); i++) {
        peak = Math.max(peak, Math.abs(frame.samples()[i]));
      }
      last = peak;
    }
  }
}
