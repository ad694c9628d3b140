package io.switchboard.media.codec;

import io.switchboard.media.audio.PcmFrame;

/** Encodes 20 ms PCM frames into RTP payloads. One instance per stream: encoders keep state. */
public interface AudioEncoder {
  /** The PCM rate this encoder consumes (8000 for G.711, 16000 for G.722). */
  int sampleRate();

  /**
   * Encodes one frame at {@link #sampleRate()} into {@code out} starting at {@code offset}.
   *
   * @return the number of payload bytes written
   */
  int encode(PcmFrame pcm, byte[] out, int offset);
}
