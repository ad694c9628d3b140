package io.switchboard.sip.room;

import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.dtmf.DtmfDigit;
import io.switchboard.media.filter.AudioFilter;
import io.switchboard.media.net.RtpLeg;

/**
 * A caller's audio as the room sees it: the participant's track (what the caller says) and the
 * sink for the mix the caller hears. The RTP leg is attached once SIP opens media, after
 * dispatch; until then the track is silent and the mix is dropped. Ticks drive the leg, first a
 * PIN lobby's (when the rule has a PIN), then the room's, never both at once: reads pop its
 * jitter buffer, writes packetise and send, and each write also runs the leg's housekeeping
 * (RTCP reports, media timeout).
 */
final class CallMedia implements AudioSource, AudioSink {
  private static final int DEFAULT_RATE = 8000;

  private volatile RtpLeg leg;
  private volatile boolean sending = true;
  private volatile boolean receiving = true;
  /** While set, the caller hears it instead of the room (a transfer's ringing tone). */
  private volatile TransferTone tone;
  /** Noise suppression on what the caller says (krisp_enabled); null for none. */
  private volatile AudioFilter filter;

  void attach(RtpLeg leg) {
    this.leg = leg;
  }

  /**
   * Cleans the caller's audio from now on, once per call whoever listens: the room's media tick
   * hands each frame to the filter, which does the work on its own threads (never the RTP
   * receive thread) and gives back an earlier frame.
   */
  void filterWith(AudioFilter filter) {
    this.filter = filter;
  }

  /** Hold and resume (RFC 3264 §8.4): what we may send and what we should play. */
  void setDirection(boolean send, boolean receive) {
    this.sending = send;
    this.receiving = receive;
  }

  /** The caller hears a ringing tone instead of the room until {@link #stopTone}. */
  void startTone() {
    tone = new TransferTone(sampleRate());
  }

  void stopTone() {
    tone = null;
  }

  /**
   * Keys {@code digit} as RFC 4733 events on the leg. False when the peer negotiated no
   * telephone-event (or media is not up): the caller then falls back to SIP INFO.
   */
  boolean sendDtmf(DtmfDigit digit) {
    RtpLeg l = leg;
    if (l == null) {
      return false;
    }
    try {
      l.sendDtmf(String.valueOf(digit.symbol()));
      return true;
    } catch (IllegalStateException noTelephoneEvent) {
      return false;
    }
  }

  @Override
  public int sampleRate() {
    RtpLeg l = leg;
    return l == null ? DEFAULT_RATE : l.sampleRate();
  }

  @Override
  public boolean read(PcmFrame into) {
    RtpLeg l = leg;
    if (l == null || !receiving || !l.read(into)) {
      return false;
    }
    AudioFilter f = filter;
    if (f != null) {
      f.process(into);
    }
    return true;
  }

  @Override
  public void write(PcmFrame frame) {
    RtpLeg l = leg;
    if (l == null) {
      return;
    }
    if (sending) {
      TransferTone playing = tone;
      l.write(playing == null ? frame : playing.next(l.sampleRate()));
    }
    l.tick();
  }
}
