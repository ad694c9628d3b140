package io.switchboard.media.codec.opus;

/**
 * Encoder tuning for a mono 48 kHz VoIP stream.
 *
 * @param bitrate target bits per second (6000..510000)
 * @param complexity 0 (fastest) to 10 (best)
 * @param inbandFec whether to add low-bitrate redundancy of the previous frame (RFC 6716 §2.1.7),
 *     which {@link OpusDecoder#decodeFec} recovers a lost frame from
 * @param expectedLossPercent the packet loss the encoder plans FEC for (0..100)
 * @param dtx discontinuous transmission: send almost nothing during silence
 * @param voiceHint tell the encoder its input is speech (OPUS_SIGNAL_VOICE), which favours the
 *     SILK and hybrid modes, the only ones that carry FEC; off lets libopus classify the signal
 */
public record OpusEncoderSettings(
    int bitrate, int complexity, boolean inbandFec, int expectedLossPercent, boolean dtx, boolean voiceHint) {

  public OpusEncoderSettings {
    if (bitrate < 6000 || bitrate > 510_000) {
      throw new IllegalArgumentException("Opus bitrate must be within 6000..510000 bit/s: " + bitrate);
    }
    if (complexity < 0 || complexity > 10) {
      throw new IllegalArgumentException("Opus complexity must be within 0..10: " + complexity);
    }
    if (expectedLossPercent < 0 || expectedLossPercent > 100) {
      throw new IllegalArgumentException("expected loss must be within 0..100 %: " + expectedLossPercent);
    }
  }

  /** 32 kbit/s, complexity 9 (libopus's default), in-band FEC planned for 5 % loss, no DTX or hint. */
  public static OpusEncoderSettings defaults() {
    return new OpusEncoderSettings(32_000, 9, true, 5, false, false);
  }
}
