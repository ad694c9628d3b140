package io.switchboard.sfu.room;

import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.PcmFrame;

/** A participant that hears everyone but itself. Media-thread only. */
final class MixSubscriber {
  final String participantSid;
  final AudioSink sink;
  final PcmFrame out;
  final int[] scratch;

  MixSubscriber(String participantSid, AudioSink sink) {
    this.participantSid = participantSid;
    this.sink = sink;
    this.out = new PcmFrame(sink.sampleRate());
    this.scratch = new int[PcmFrame.MAX_SAMPLES];
  }
}
