package io.switchboard.sip.testing;

import io.switchboard.sip.inbound.CallEnd;
import io.switchboard.sip.inbound.CallListener;
import io.switchboard.sip.sdp.NegotiatedAudio;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records what a call tells the room side. */
public final class RecordingListener implements CallListener {
  public final BlockingQueue<NegotiatedAudio> answered = new LinkedBlockingQueue<>();
  public final BlockingQueue<NegotiatedAudio> mediaChanges = new LinkedBlockingQueue<>();
  public final BlockingQueue<CallEnd> ended = new LinkedBlockingQueue<>();

  @Override
  public void onAnswered(NegotiatedAudio audio) {
    answered.add(audio);
  }

  @Override
  public void onMediaChanged(NegotiatedAudio audio) {
    mediaChanges.add(audio);
  }

  @Override
  public void onEnded(CallEnd end) {
    ended.add(end);
  }

  public NegotiatedAudio awaitAnswered() throws InterruptedException {
    return require(answered.poll(20, TimeUnit.SECONDS), "onAnswered");
  }

  public CallEnd awaitEnded() throws InterruptedException {
    return require(ended.poll(20, TimeUnit.SECONDS), "onEnded");
  }

  static <T> T require(T value, String what) {
    if (value == null) {
      throw new AssertionError(what + " did not happen within 20 s");
    }
    return value;
  }
}
