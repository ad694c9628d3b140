package io.switchboard.sip.room;

import io.switchboard.media.codec.AudioCodec;
import io.switchboard.media.codec.g711.G711;
import io.switchboard.media.codec.g722.G722;
import io.switchboard.media.net.MediaFormat;
import io.switchboard.sip.sdp.NegotiatedAudio;

/** From what SDP negotiated to the codec that carries it. */
final class Codecs {
  private Codecs() {}

  static AudioCodec of(io.switchboard.sip.sdp.SdpCodec codec) {
    return switch (codec) {
      case PCMU -> G711.PCMU;
      case PCMA -> G711.PCMA;
      case G722 -> G722.codec();
    };
  }

  static MediaFormat format(NegotiatedAudio audio) {
    return new MediaFormat(
        of(audio.codec()), audio.payloadType(), audio.dtmfPayloadType().orElse(MediaFormat.NONE));
  }
}
