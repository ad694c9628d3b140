package io.switchboard.sip.testing;

import io.switchboard.sip.inbound.InviteInfo;
import io.switchboard.sip.inbound.MediaSession;
import io.switchboard.sip.inbound.MediaSessionFactory;
import io.switchboard.sip.inbound.MediaUnavailableException;
import io.switchboard.sip.sdp.NegotiatedAudio;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A media layer that moves no audio: it hands out port 40000 and records what it is told. */
public final class RecordingMedia implements MediaSessionFactory {
  public static final int RTP_PORT = 40000;
  public final BlockingQueue<Session> opened = new LinkedBlockingQueue<>();
  public volatile boolean exhausted;

  @Override
  public MediaSession open(String callId, InviteInfo invite) throws MediaUnavailableException {
    if (exhausted) {
      throw new MediaUnavailableException("no RTP ports left (test)");
    }
    var session = new Session(callId);
    opened.add(session);
    return session;
  }

  public Session awaitOpened() throws InterruptedException {
    return RecordingListener.require(opened.poll(20, TimeUnit.SECONDS), "media open");
  }

  public static final class Session implements MediaSession {
    public final String callId;
    public final BlockingQueue<NegotiatedAudio> updates = new LinkedBlockingQueue<>();
    public final CountDownLatch closed = new CountDownLatch(1);

    Session(String callId) {
      this.callId = callId;
    }

    @Override
    public String localAddress() {
      return "127.0.0.1";
    }

    @Override
    public int localPort() {
      return RTP_PORT;
    }

    @Override
    public void update(NegotiatedAudio audio) {
      updates.add(audio);
    }

    @Override
    public void close() {
      closed.countDown();
    }

    public NegotiatedAudio awaitUpdate() throws InterruptedException {
      return RecordingListener.require(updates.poll(20, TimeUnit.SECONDS), "media update");
    }

    public boolean awaitClosed() throws InterruptedException {
      return closed.await(20, TimeUnit.SECONDS);
    }
  }
}
