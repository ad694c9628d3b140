package io.switchboard.egress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.switchboard.egress.s3.S3Target;
import io.switchboard.egress.s3.S3Uploader;
import io.switchboard.media.codec.opus.OpusRuntime;
import io.switchboard.sfu.room.Ids;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import livekit.LivekitEgress.EgressInfo;
import livekit.LivekitEgress.EgressStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finished recordings go to an S3-compatible server (s3rver) before the egress reports COMPLETE. */
class EgressUploadTest {
  private static S3rver s3;
  @TempDir static Path storage;
  @TempDir Path data;

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final Clock clock = Clock.systemUTC();
  private final RoomManager rooms = new RoomManager(clock, scheduler, Runnable::run, Runnable::run,
      new RoomOptions(Duration.ofMinutes(5), Duration.ofSeconds(20), 0, ""), new SplittableRandom(1));
  private EgressManager egress;
  private volatile long nanoTime;
  private final CompletableFuture<EgressInfo> ended = new CompletableFuture<>();

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(S3rver.installed() || System.getenv("CI") != null, "s3rver is not installed (scripts/install-test-tools.sh)");
    s3 = S3rver.start(storage, "calls");
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (s3 != null) {
      s3.close();
    }
  }

  @AfterEach
  void stop() {
    if (egress != null) {
      egress.close();
    }
    scheduler.shutdownNow();
  }

  private EgressInfo recordAndStop(S3Target bucket) throws Exception {
    egress = new EgressManager(rooms, new EgressSettings(data.resolve("rec"), data.resolve("journal"), Optional.of(bucket)),
        OpusRuntime.load(), clock, () -> nanoTime, scheduler, Runnable::run, Executors.newVirtualThreadPerTaskExecutor(),
        S3Uploader.standard(clock), (event, info) -> {
          if (event.equals(EgressListener.ENDED)) {
            ended.complete(info);
          }
        }, new Ids(new SplittableRandom(3)));
    egress.start();
    Room room = rooms.getOrCreate("support", RoomOptions.UNSET);
    TestRoom.phone(room, "caller", ParticipantKind.SIP, 440, new TestRoom.Ears());
    FileTarget target = egress.paths().resolve("{room_name}/call.ogg", "OGG", Map.of("room_name", "support"),
        clock.instant(), egress.defaultUpload());
    EgressInfo info = egress.start(new EgressSource.RoomComposite("support", EgressSource.Mixing.MONO), target, b -> {});
    for (int i = 0; i < 50; i++) {
      room.tick();
      nanoTime += 20_000_000L;
    }
    EgressInfo stopping = egress.stop(info.getEgressId());
    assertEquals(EgressStatus.EGRESS_ENDING, stopping.getStatus(), "still uploading");
    return ended.get(30, TimeUnit.SECONDS);
  }

  @Test
  void aFinishedRecordingIsUploadedThenComplete() throws Exception {
    EgressInfo done = recordAndStop(new S3Target(s3.endpoint(), "", "calls", S3rver.ACCESS_KEY, S3rver.SECRET, true));
    assertEquals(EgressStatus.EGRESS_COMPLETE, done.getStatus(), done.getError());
    String location = done.getFileResults(0).getLocation();
    assertEquals(s3.endpoint() + "/calls/support/call.ogg", location);
    HttpResponse<byte[]> object = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertArrayEquals(Files.readAllBytes(data.resolve("rec/support/call.ogg")), object.body(), "the object is the file");
    assertEquals(object.body().length, done.getFileResults(0).getSize());
  }

  @Test
  void aRefusedUploadFailsTheEgressAndKeepsTheFile() throws Exception {
    EgressInfo done = recordAndStop(new S3Target(s3.endpoint(), "", "calls", "NOBODY", "x", true));
    assertEquals(EgressStatus.EGRESS_FAILED, done.getStatus());
    assertTrue(done.getError().startsWith("uploading support/call.ogg to S3Target[" + s3.endpoint() + " bucket=calls] failed: "),
        done.getError());
    assertTrue(done.getError().contains("InvalidAccessKeyId"), done.getError());
    assertTrue(Files.size(data.resolve("rec/support/call.ogg")) > 1000, "the recording stays on disk");
  }
}
