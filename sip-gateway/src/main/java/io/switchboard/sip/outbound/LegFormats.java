package io.switchboard.sip.outbound;

import io.switchboard.media.codec.AudioCodec;
import io.switchboard.media.codec.g711.G711;
import io.switchboard.media.codec.g722.G722;
import io.switchboard.media.net.MediaFormat;
import io.switchboard.sip.sdp.NegotiatedAudio;

/** From what SDP negotiated to the RTP leg's codec and payload types. */
final class LegFormats {
  private LegFormats() {}

  static MediaFormat of(NegotiatedAudio audio) {
    AudioCodec codec = switch (audio.codec()) {
      case PCMU -> G711.PCMU;
      case PCMA -> G711.PCMA;
      case G722 -> G722.codec();
    };
    return new MediaFormat(codec, audio.payloadType(), audio.dtmfPayloadType().orElse(MediaFormat.NONE));
  }
}
