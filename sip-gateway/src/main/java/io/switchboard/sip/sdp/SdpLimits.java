package io.switchboard.sip.sdp;

/**
 * Caps on what the parser accepts, so a hostile body cannot make us allocate without bound.
 *
 * @param maxBytes characters in the whole body
 * @param maxMediaDescriptions {@code m=} lines
 * @param maxAttributes {@code a=} lines in the whole body
 * @param maxFormats formats on one {@code m=} line
 */
public record SdpLimits(int maxBytes, int maxMediaDescriptions, int maxAttributes, int maxFormats) {
  public SdpLimits {
    if (maxBytes <= 0 || maxMediaDescriptions <= 0 || maxAttributes <= 0 || maxFormats <= 0) {
      throw new IllegalArgumentException("SDP limits must be positive");
    }
  }

  /** Generous for any real telephony offer (a few audio/video streams, dozens of attributes). */
  public static SdpLimits defaults() {
    return new SdpLimits(16 * 1024, 8, 128, 32);
  }
}
