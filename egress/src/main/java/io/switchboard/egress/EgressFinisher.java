package io.switchboard.egress;

import io.switchboard.egress.s3.S3Target;
import io.switchboard.egress.s3.S3Uploader;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import livekit.LivekitEgress.EgressInfo;
import livekit.LivekitEgress.EgressStatus;
import livekit.LivekitEgress.FileInfo;

/**
 * The end of an egress: closes its file, uploads it when a bucket is set, and records the final
 * state (COMPLETE with the file's size, duration and location, or FAILED with why) in the journal
 * and to the listener.
 */
final class EgressFinisher {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EgressFinisher.class);
  private final EgressJournal journal;
  private final Executor uploads;
  private final S3Uploader uploader;
  private final Clock clock;
  private final EgressListener listener;
  private final Optional<S3Target> defaultUpload;
  private final java.util.concurrent.atomic.LongAdder lostFrames = new java.util.concurrent.atomic.LongAdder();

  EgressFinisher(
      EgressJournal journal, Executor uploads, S3Uploader uploader, Clock clock, EgressListener listener,
      Optional<S3Target> defaultUpload) {
    this.journal = journal;
    this.uploads = uploads;
    this.uploader = uploader;
    this.clock = clock;
    this.listener = listener;
    this.defaultUpload = defaultUpload;
  }

  long lostFrames() {
    return lostFrames.sum();
  }

  Optional<S3Target> defaultUpload() {
    return defaultUpload;
  }

  /**
   * Saves {@code info} to the journal, then tells the listener. A journal that cannot be written
   * (its disk is full too) is logged: the recording itself is what matters, and a restart then
   * cannot finish this one.
   */
  void record(Egress egress, EgressInfo info, String event) {
    try {
      journal.save(new EgressJournal.Entry(info, egress.target.localPath(), egress.target.format()));
    } catch (java.io.UncheckedIOException e) {
      log.warn("egress {}: {}", info.getEgressId(), e.getMessage());
    }
    listener.onEgress(event, info);
  }

  /** Finishes the file; returns the info as it stands (COMPLETE, or ENDING while an upload runs). */
  EgressInfo finish(Egress egress) {
    try {
      egress.recorder.finish(egress.stoppedAt);
    } catch (IOException | RuntimeException e) {
      return fail(egress, "finishing the recording " + egress.target.filename() + " failed: " + IoErrors.describe(e));
    }
    long lost = egress.recorder.droppedFrames();
    lostFrames.add(lost);
    egress.update(b -> {
      b.setUpdatedAt(nanos()).setFileResults(0, fileInfo(egress, b, b.getEndedAt()));
      if (lost > 0) {
        b.setDetails(b.getDetails() + "; " + lost * 20 + " ms of audio lost (silence in its place): the writers fell behind");
      }
    });
    Optional<S3Target> upload = egress.target.upload();
    if (upload.isEmpty()) {
      return complete(egress, egress.target.localPath().toAbsolutePath().toString());
    }
    uploads.execute(() -> {
      try {
        var location = uploader.upload(upload.get(), egress.target.localPath(), egress.target.filename(),
            egress.target.format().contentType());
        complete(egress, location.toString());
      } catch (IOException | RuntimeException e) {
        fail(egress, "uploading " + egress.target.filename() + " to " + upload.get() + " failed: " + IoErrors.describe(e));
      } catch (InterruptedException e) {
        fail(egress, "uploading " + egress.target.filename() + " was interrupted (server shutting down)");
        Thread.currentThread().interrupt();
      }
    });
    return egress.info();
  }

  private EgressInfo complete(Egress egress, String location) {
    long now = nanos();
    EgressInfo done = egress.update(b -> {
      FileInfo file = b.getFileResults(0).toBuilder().setLocation(location).build();
      b.setStatus(EgressStatus.EGRESS_COMPLETE).setUpdatedAt(now).setFileResults(0, file).setFile(file);
    });
    record(egress, done, EgressListener.ENDED);
    return done;
  }

  /** Ends the egress as FAILED with {@code error}; what was written stays on disk. */
  EgressInfo fail(Egress egress, String error) {
    long now = nanos();
    EgressInfo failed = egress.update(b -> {
      if (b.getEndedAt() == 0) {
        b.setEndedAt(now);
      }
      b.setStatus(EgressStatus.EGRESS_FAILED).setError(error).setUpdatedAt(now);
      if (b.getFileResultsCount() > 0) {
        b.setFileResults(0, fileInfo(egress, b, b.getEndedAt()));
      }
    });
    record(egress, failed, EgressListener.ENDED);
    return failed;
  }

  private static FileInfo fileInfo(Egress egress, EgressInfo.Builder b, long ended) {
    FileInfo.Builder file = b.getFileResults(0).toBuilder().setEndedAt(ended);
    if (egress.recorder != null) {
      file.setSize(egress.recorder.size()).setDuration(egress.recorder.durationNanos());
    }
    return file.build();
  }

  private long nanos() {
    var now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
