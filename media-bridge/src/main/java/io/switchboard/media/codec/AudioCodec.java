package io.switchboard.media.codec;

/**
 * A codec as negotiated in SDP (RFC 4566 rtpmap) and the factory for its per-stream state.
 *
 * @param name the rtpmap encoding name, e.g. {@code PCMU}
 * @param staticPayloadType the RFC 3551 static payload type, or -1 for dynamic codecs
 * @param clockRate the RTP clock rate advertised in SDP (8000 for G.722, per RFC 3551 §4.5.2)
 * @param sampleRate the PCM rate the codec works at
 */
public record AudioCodec(
    String name,
    int staticPayloadType,
    int clockRate,
    int sampleRate,
    java.util.function.Supplier<AudioEncoder> encoders,
    java.util.function.Supplier<AudioDecoder> decoders) {

  /** RTP timestamp units in one 20 ms frame. */
  public int timestampsPerFrame() {
    return clockRate / 50;
  }
}
