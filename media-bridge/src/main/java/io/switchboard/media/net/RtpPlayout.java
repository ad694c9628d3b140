package io.switchboard.media.net;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.AudioDecoder;
import io.switchboard.media.jitter.JitterBuffer;

/**
 * The play-out side of a leg: pops the jitter buffer once per tick and decodes, recovers (from
 * the next frame's in-band FEC) or conceals, or reports nothing. Runs on one media thread; only the pop itself holds the leg's lock.
 */
final class RtpPlayout {
  private final RtpReceiver receiver;
  private final Object lock;
  private final byte[] payload = new byte[UdpEndpoint.MAX_DATAGRAM];
  private MediaFormat decoderFormat;
  private AudioDecoder decoder;

  RtpPlayout(RtpReceiver receiver, Object lock) {
    this.receiver = receiver;
    this.lock = lock;
  }

  boolean read(PcmFrame into, MediaFormat format) {
    if (format != decoderFormat) {
      if (decoderFormat == null || !decoderFormat.codec().equals(format.codec())) {
        decoder = format.codec().decoders().get();
      }
      decoderFormat = format;
    }
    JitterBuffer.PopResult result;
    int length;
    synchronized (lock) {
      result = receiver.pop(payload);
      length = receiver.poppedLength();
    }
    return switch (result) {
      case FRAME -> {
        if (length == 0) { // a telephone-event packet held this place: play silence
          into.setSampleRate(decoder.sampleRate());
          into.silence();
        } else {
          decoder.decode(payload, 0, length, into);
        }
        yield true;
      }
      case LOST -> {
        if (length > 0) { // the next frame is here: Opus recovers the lost one from its FEC
          decoder.recover(payload, 0, length, into);
        } else {
          decoder.conceal(into);
        }
        yield true;
      }
      case EMPTY -> false;
    };
  }
}
