package io.switchboard.sip.sdp;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The outcome of offer/answer for the audio stream, as the media layer needs it.
 *
 * @param payloadType the payload type for {@code codec} in this session (static for our codecs,
 *     but the peer's numbering is kept as sent)
 * @param dtmfPayloadType the telephone-event payload type, if both sides agreed to it
 * @param remoteAddress where to send RTP; "0.0.0.0" when the peer has put us on hold the RFC 2543 way
 * @param direction our direction: whether we send and/or receive
 * @param srtp the SDES keys when the stream is SRTP, null for plain RTP
 * @param dtmfClockRate the telephone-event clock: the codec's, unless the peer only had events
 *     at another (RFC 4733 §2.1 says SHOULD match; baresip 1.0 pairs Opus with events at 8000)
 */
public record NegotiatedAudio(
    SdpCodec codec,
    int payloadType,
    OptionalInt dtmfPayloadType,
    String remoteAddress,
    int remotePort,
    MediaDirection direction,
    int ptimeMillis,
    SrtpKeys srtp,
    int dtmfClockRate) {
  public NegotiatedAudio(SdpCodec codec, int payloadType, OptionalInt dtmfPayloadType, String remoteAddress,
      int remotePort, MediaDirection direction, int ptimeMillis) {
    this(codec, payloadType, dtmfPayloadType, remoteAddress, remotePort, direction, ptimeMillis, null,
        codec.clockRate());
  }

  NegotiatedAudio withSrtp(SrtpKeys keys) {
    return new NegotiatedAudio(codec, payloadType, dtmfPayloadType, remoteAddress, remotePort, direction,
        ptimeMillis, keys, dtmfClockRate);
  }


  public NegotiatedAudio {
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(dtmfPayloadType, "dtmfPayloadType");
    Objects.requireNonNull(remoteAddress, "remoteAddress");
    Objects.requireNonNull(direction, "direction");
    if (dtmfClockRate <= 0) {
      throw new IllegalArgumentException("telephone-event clock rate must be positive, got " + dtmfClockRate);
    }
  }
}
