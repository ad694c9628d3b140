package io.switchboard.media.codec;

import io.switchboard.media.audio.PcmFrame;

/** Decodes RTP payloads into 20 ms PCM frames. One instance per stream: decoders keep state. */
public interface AudioDecoder {
  /** The PCM rate this decoder produces. */
  int sampleRate();

  /** Decodes one payload into {@code out}, whose rate is set to {@link #sampleRate()}. */
  void decode(byte[] payload, int offset, int length, PcmFrame out);

  /** Fills {@code out} with a concealment frame for a lost packet (RFC 3550 loss, not silence). */
  void conceal(PcmFrame out);

  /**
   * Fills {@code out} for a lost packet when the packet after it has arrived: codecs with in-band
   * redundancy (Opus FEC) recover the lost frame from it; others conceal. The next payload is
   * decoded again, as usual, on its own tick.
   */
  default void recover(byte[] nextPayload, int offset, int length, PcmFrame out) {
    conceal(out);
  }
}
