package io.switchboard.sip.outbound;

import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.filter.AudioFilter;
import io.switchboard.media.net.RtpLeg;
import io.switchboard.sip.room.TransferTone;

/**
 * The callee's audio as the room sees it. Until the far end's audio flows (early media or the
 * answer) the track plays the ringback tone when asked for, silence otherwise; then the RTP
 * leg's audio. The room's mix goes to the leg, which sends once it knows where to (the first
 * SDP answer); every write also runs the leg's housekeeping (RTCP, media timeout).
 */
final class OutboundAudio implements AudioSource, AudioSink {
  private final RtpLeg leg;
  private final RingbackTone ringback;
  private volatile boolean farEnd;
  /** While set, the callee hears it instead of the room (a transfer's ringing tone). */
  private volatile TransferTone tone;
  /** Noise suppression on the far end's audio (krisp_enabled); null for none. */
  private volatile AudioFilter filter;

  /** @param ringback null for silence while ringing */
  OutboundAudio(RtpLeg leg, RingbackTone ringback) {
    this.leg = leg;
    this.ringback = ringback;
  }

  /** Early media or the answer: from now on the room hears the far end. */
  void hearFarEnd() {
    farEnd = true;
  }

  /** Cleans the far end's audio from now on (not the ringback), as {@code CallMedia} does. */
  void filterWith(AudioFilter filter) {
    this.filter = filter;
  }

  /** The callee hears a ringing tone instead of the room until {@link #stopTone}. */
  void startTone() {
    tone = new TransferTone(leg.sampleRate());
  }

  void stopTone() {
    tone = null;
  }

  RtpLeg leg() {
    return leg;
  }

  @Override
  public int sampleRate() {
    return farEnd || ringback == null ? leg.sampleRate() : RingbackTone.RATE;
  }

  @Override
  public boolean read(PcmFrame into) {
    if (farEnd) {
      if (!leg.read(into)) {
        return false;
      }
      AudioFilter f = filter;
      if (f != null) {
        f.process(into);
      }
      return true;
    }
    return ringback != null && ringback.read(into);
  }

  @Override
  public void write(PcmFrame frame) {
    TransferTone playing = tone;
    leg.write(playing == null ? frame : playing.next(leg.sampleRate()));
    leg.tick();
  }
}
