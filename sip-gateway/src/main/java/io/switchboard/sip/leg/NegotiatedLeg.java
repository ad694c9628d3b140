package io.switchboard.sip.leg;

import io.switchboard.media.codec.AudioCodec;
import io.switchboard.media.codec.g711.G711;
import io.switchboard.media.codec.g722.G722;
import io.switchboard.media.net.MediaFormat;
import io.switchboard.media.net.RtpLeg;
import io.switchboard.sip.sdp.NegotiatedAudio;
import io.switchboard.sip.sdp.SrtpKeys;
import io.switchboard.sip.srtp.SdesSrtpProtection;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Applies what an offer/answer negotiated to a call's RTP leg: where the far end's RTP and RTCP
 * go, the codec and payload types, and the SDES-SRTP keys. Inbound and outbound calls share it.
 * Used only on the call's executor.
 */
public final class NegotiatedLeg {
  private final RtpLeg leg;
  private SrtpKeys keys;

  public NegotiatedLeg(RtpLeg leg) {
    this.leg = Objects.requireNonNull(leg, "leg");
  }

  public void apply(NegotiatedAudio audio) {
    leg.setRemote(
        new InetSocketAddress(audio.remoteAddress(), audio.remotePort()),
        new InetSocketAddress(audio.remoteAddress(), audio.remotePort() + 1));
    leg.setMediaFormat(format(audio));
    if (!Objects.equals(keys, audio.srtp())) { // same keys after a re-INVITE: keep the SRTP state
      keys = audio.srtp();
      leg.setProtection(keys == null ? null : SdesSrtpProtection.of(keys));
    }
  }

  /** The leg's codec and payload types for what SDP negotiated. */
  static MediaFormat format(NegotiatedAudio audio) {
    AudioCodec codec = switch (audio.codec()) {
      case PCMU -> G711.PCMU;
      case PCMA -> G711.PCMA;
      case G722 -> G722.codec();
    };
    return new MediaFormat(codec, audio.payloadType(), audio.dtmfPayloadType().orElse(MediaFormat.NONE));
  }
}
