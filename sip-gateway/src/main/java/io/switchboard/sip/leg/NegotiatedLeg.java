package io.switchboard.sip.leg;

import io.switchboard.media.codec.AudioCodec;
import io.switchboard.media.codec.g711.G711;
import io.switchboard.media.codec.g722.G722;
import io.switchboard.media.net.MediaFormat;
import io.switchboard.media.net.RtpLeg;
import io.switchboard.sip.sdp.NegotiatedAudio;
import io.switchboard.sip.sdp.SdpCodec;
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
  /** One instance, so a re-INVITE that keeps G.722 keeps the leg's codec state. */
  private static final AudioCodec G722_CODEC = G722.codec();

  private final RtpLeg leg;
  private final AudioCodec opus;
  private SrtpKeys keys;

  /**
   * @param opus the process's Opus codec (48 kHz, from media-bridge's OpusRuntime), shared by
   *     every leg so that a re-INVITE keeping Opus keeps the leg's encoder and decoder
   */
  public NegotiatedLeg(RtpLeg leg, AudioCodec opus) {
    this.leg = Objects.requireNonNull(leg, "leg");
    this.opus = requireOpus(opus);
  }

  /** Checks that {@code opus} is the 48 kHz Opus codec the SDP side describes. */
  public static AudioCodec requireOpus(AudioCodec opus) {
    Objects.requireNonNull(opus, "opus codec");
    if (!opus.name().equalsIgnoreCase(SdpCodec.OPUS.encodingName())
        || opus.clockRate() != SdpCodec.OPUS.clockRate()) {
      throw new IllegalArgumentException(
          "expected the opus codec at a 48000 Hz clock, got " + opus.name() + "/" + opus.clockRate());
    }
    return opus;
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
  MediaFormat format(NegotiatedAudio audio) {
    AudioCodec codec = switch (audio.codec()) {
      case PCMU -> G711.PCMU;
      case PCMA -> G711.PCMA;
      case G722 -> G722_CODEC;
      case OPUS -> opus;
    };
    // Telephone events at the clock SDP gave them: the codec's (48000 with Opus) unless the peer
    // only declared another, whose units the leg's RFC 4733 sender then counts durations in.
    return new MediaFormat(codec, audio.payloadType(), audio.dtmfPayloadType().orElse(MediaFormat.NONE),
        audio.dtmfClockRate());
  }
}
