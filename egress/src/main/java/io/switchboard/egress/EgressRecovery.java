package io.switchboard.egress;

import io.switchboard.egress.ogg.OggRepair;
import io.switchboard.egress.wav.WavRepair;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import livekit.LivekitEgress.EgressInfo;
import livekit.LivekitEgress.EgressStatus;
import livekit.LivekitEgress.FileInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At startup: every egress the journal shows as still running was cut off by a crash or kill. Its
 * file is finished so it plays (Ogg: torn page cut, last page marked end-of-stream; WAV: sizes
 * fixed) and the egress is reported FAILED, "server stopped while recording".
 */
final class EgressRecovery {
  static final String REASON = "server stopped while recording";
  private static final Logger log = LoggerFactory.getLogger(EgressRecovery.class);

  private final EgressJournal journal;
  private final Clock clock;

  EgressRecovery(EgressJournal journal, Clock clock) {
    this.journal = journal;
    this.clock = clock;
  }

  /** Every egress on record, the unfinished ones now finished and FAILED. */
  List<EgressInfo> recover(EgressListener listener) {
    List<EgressInfo> all = new ArrayList<>();
    for (EgressJournal.Entry entry : journal.load()) {
      if (!EgressStates.active(entry.info().getStatus())) {
        all.add(entry.info());
        continue;
      }
      EgressInfo failed = finish(entry);
      journal.save(new EgressJournal.Entry(failed, entry.localFile(), entry.format()));
      listener.onEgress(EgressListener.ENDED, failed);
      log.warn("egress {} was unfinished at startup: {}", failed.getEgressId(), failed.getError());
      all.add(failed);
    }
    return all;
  }

  private EgressInfo finish(EgressJournal.Entry entry) {
    EgressInfo.Builder b = entry.info().toBuilder().setStatus(EgressStatus.EGRESS_FAILED).setError(REASON);
    long now = nanos(clock.instant());
    long ended = now;
    try {
      if (Files.exists(entry.localFile())) {
        ended = nanos(Files.getLastModifiedTime(entry.localFile()).toInstant());
        long size;
        long duration;
        switch (entry.format()) {
          case OGG -> {
            OggRepair.Result r = OggRepair.finish(entry.localFile());
            size = r.size();
            duration = r.durationNanos();
          }
          case WAV -> {
            WavRepair.Result r = WavRepair.finish(entry.localFile());
            size = r.size();
            duration = r.durationNanos();
          }
          default -> throw new IllegalStateException();
        }
        FileInfo.Builder file = b.getFileResultsCount() > 0 ? b.getFileResults(0).toBuilder() : FileInfo.newBuilder();
        file.setSize(size).setDuration(duration).setEndedAt(ended).setLocation(entry.localFile().toAbsolutePath().toString());
        if (b.getFileResultsCount() > 0) {
          b.setFileResults(0, file);
        } else {
          b.addFileResults(file);
        }
        b.setFile(file);
      } else {
        b.setError(REASON + "; no file was left");
      }
    } catch (IOException | RuntimeException e) {
      b.setError(REASON + "; the file could not be finished: " + IoErrors.describe(e));
    }
    return b.setEndedAt(ended).setUpdatedAt(now).build();
  }

  private static long nanos(java.time.Instant at) {
    return at.getEpochSecond() * 1_000_000_000L + at.getNano();
  }
}
