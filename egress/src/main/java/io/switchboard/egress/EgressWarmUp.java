package io.switchboard.egress;

import com.google.protobuf.util.JsonFormat;
import io.switchboard.egress.record.ChannelMap;
import io.switchboard.egress.record.Recorder;
import io.switchboard.egress.record.RecordingFormat;
import io.switchboard.media.codec.opus.OpusRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import livekit.LivekitEgress.EgressInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes and deletes one second of silence at startup. The first recording of a run otherwise
 * spends about 200 ms loading classes and linking the encoder before its tap reaches the room,
 * and an automatic participant recording would miss the first 200 ms of its participant.
 */
final class EgressWarmUp {
  private static final Logger log = LoggerFactory.getLogger(EgressWarmUp.class);

  private EgressWarmUp() {}

  static void run(Path directory, OpusRuntime opus, LongSupplier nanoTime) {
    Path file = directory.resolve("warm-up.ogg");
    try {
      Recorder recorder = Recorder.open(file, RecordingFormat.OGG, ChannelMap.everyone(), opus, "warm-up", nanoTime);
      recorder.finish(nanoTime.getAsLong() + 1_000_000_000L);
      JsonFormat.printer().preservingProtoFieldNames().print(EgressInfo.newBuilder().setEgressId("EG_warm").build());
    } catch (IOException | RuntimeException e) {
      log.debug("egress warm-up failed (the first recording starts a little late): {}", e.toString());
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        log.debug("cannot delete {}: {}", file, e.toString());
      }
    }
  }
}
