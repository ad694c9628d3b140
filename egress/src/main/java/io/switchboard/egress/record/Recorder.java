package io.switchboard.egress.record;

import io.switchboard.media.codec.opus.OpusRuntime;
import io.switchboard.sfu.room.RoomAudioTap;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongSupplier;

/**
 * One recording to one file. The {@link #tap()} goes on the room (media thread); {@link #drain()}
 * runs on a writer thread a few times a second, encodes what the tap gathered, writes it and makes
 * it crash-safe ({@link RecordingSink#checkpoint}). The file is written while the call runs.
 */
public final class Recorder {
  /** 5 s of frames: how long the disk may stall before audio is dropped. */
  private static final int RING_FRAMES = 256;

  private final Path file;
  private final RecordingSink sink;
  private final FrameRing ring;
  private final RecordingTap tap;
  private long framesWritten;
  private long lostWritten;
  private final short[] silence;
  private boolean finished;

  private Recorder(Path file, int channels, RecordingSink sink, FrameRing ring, RecordingTap tap) {
    this.file = file;
    this.silence = new short[RecordingTap.FRAME * channels];
    this.sink = sink;
    this.ring = ring;
    this.tap = tap;
  }

  /**
   * Creates the file (and its directories) and writes its headers.
   *
   * @throws IOException when the path cannot be written or the disk is full; nothing is left open
   */
  public static Recorder open(
      Path file, RecordingFormat format, ChannelMap map, OpusRuntime opus, String title, LongSupplier nanoTime)
      throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    RecordingSink sink;
    try {
      sink = RecordingSink.open(format, channel, map.channels(), opus, title);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    FrameRing ring = new FrameRing(RING_FRAMES, RecordingTap.FRAME * map.channels());
    return new Recorder(file, map.channels(), sink, ring, new RecordingTap(map, ring, nanoTime));
  }

  public RoomAudioTap tap() {
    return tap;
  }

  public Path file() {
    return file;
  }

  /** Writes every frame gathered so far and makes it survive a crash. */
  public synchronized void drain() throws IOException {
    if (finished) {
      return;
    }
    long lost = tap.dropped() - lostWritten;
    for (short[] frame = ring.peek(); frame != null; frame = ring.peek()) {
      sink.write(frame);
      ring.release();
      framesWritten++;
    }
    if (lost > 0) {
      // The ring was full (the writer was starved): keep the timeline with silence where audio was lost.
      for (long i = 0; i < lost; i++) {
        sink.write(silence);
      }
      framesWritten += lost;
      lostWritten += lost;
    }
    sink.checkpoint();
  }

  /**
   * Writes what is left, pads with silence up to {@code endNanoTime} (the clock reading when the
   * tap came off the room, so the file lasts as long as the recording ran) and closes the file.
   */
  public synchronized void finish(long endNanoTime) throws IOException {
    if (finished) {
      return;
    }
    try {
      drain();
      long due = Math.min(tap.due(endNanoTime) - 1, framesWritten + 50);
      while (framesWritten < due) {
        sink.write(silence);
        framesWritten++;
      }
      finished = true;
      sink.finish();
    } catch (IOException | RuntimeException e) {
      abandon();
      throw e;
    }
  }

  /** Stops writing after a failure: releases the file and encoder, keeps what is on disk. */
  public synchronized void abandon() {
    finished = true;
    sink.abandon();
  }

  public synchronized long size() {
    return sink.size();
  }

  /** Length of the audio written: 20 ms per frame. */
  public synchronized long durationNanos() {
    return framesWritten * 20_000_000L;
  }

  public long droppedFrames() {
    return tap.dropped();
  }
}
