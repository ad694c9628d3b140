package io.switchboard.media.audio;

/** Something that consumes 20 ms PCM frames, one per media clock tick. */
public interface AudioSink {
  /** The rate this sink wants its frames at. */
  int sampleRate();

  /** Consumes a frame at {@link #sampleRate()}. The frame is reused after the call returns. */
  void write(PcmFrame frame);
}
