package io.switchboard.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sip.inbound.CallEnd;
import io.switchboard.sip.sdp.MediaDirection;
import io.switchboard.sip.sdp.NegotiatedAudio;
import io.switchboard.sip.sdp.SdpCodec;
import io.switchboard.sip.testing.GatewayHarness;
import io.switchboard.sip.testing.RecordingMedia;
import io.switchboard.sip.testing.Sipp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Late offer, hold and resume, and RFC 4028 session timers, against the real SIPp. */
class MidCallSippTest {
  private GatewayHarness gateway;

  @BeforeEach
  void start() throws Exception {
    Sipp.assumeInstalled();
    gateway = new GatewayHarness();
  }

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void lateOfferIsAnsweredInTheAck() throws Exception {
    var result = Sipp.run("late_offer.xml", "u1", gateway.port(), Map.of());
    assertTrue(result.passed(), result.describe());
    NegotiatedAudio audio = gateway.handler.listener.awaitAnswered();
    assertEquals(SdpCodec.PCMA, audio.codec());
    assertEquals(6000, audio.remotePort());
    RecordingMedia.Session media = gateway.media.awaitOpened();
    assertEquals(audio, media.awaitUpdate());
    assertEquals(CallEnd.Reason.REMOTE_HANGUP, gateway.handler.listener.awaitEnded().reason());
  }

  @Test
  void holdIsAnsweredRecvonlyAndResumeSendrecv() throws Exception {
    var result = Sipp.run("hold_and_resume.xml", "u1", gateway.port(), Map.of());
    assertTrue(result.passed(), result.describe());
    var listener = gateway.handler.listener;
    assertEquals(MediaDirection.SENDRECV, listener.awaitAnswered().direction());
    assertEquals(MediaDirection.RECVONLY, listener.mediaChanges.take().direction());
    assertEquals(MediaDirection.SENDRECV, listener.mediaChanges.take().direction());
    RecordingMedia.Session media = gateway.media.awaitOpened();
    assertEquals(MediaDirection.SENDRECV, media.awaitUpdate().direction());
    assertEquals(MediaDirection.RECVONLY, media.awaitUpdate().direction());
    assertEquals(MediaDirection.SENDRECV, media.awaitUpdate().direction());
    // Our answer changed twice, so the o= session version moved with it (RFC 3264 §8).
    assertEquals(List.of("1", "2", "3"), result.messages().lines()
        .filter(line -> line.startsWith("o=switchboard "))
        .map(line -> line.split(" ")[2])
        .toList());
    assertEquals(CallEnd.Reason.REMOTE_HANGUP, listener.awaitEnded().reason());
  }

  @Test
  void weRefreshWithUpdateWhenTheCallerAsksUsTo() throws Exception {
    var run = Sipp.start("session_timer_we_refresh.xml", "u1", gateway.port(), Map.of());
    gateway.handler.listener.awaitAnswered();
    gateway.scheduler.advance(Duration.ofSeconds(900)); // half of Session-Expires: 1800
    var result = run.await();
    assertTrue(result.passed(), result.describe());
    assertEquals(CallEnd.Reason.REMOTE_HANGUP, gateway.handler.listener.awaitEnded().reason());
  }

  @Test
  void weRefreshWithReinviteWhenUpdateIsNotAllowed() throws Exception {
    var run = Sipp.start("session_timer_we_refresh_reinvite.xml", "u1", gateway.port(), Map.of());
    gateway.handler.listener.awaitAnswered();
    gateway.scheduler.advance(Duration.ofSeconds(900));
    var result = run.await();
    assertTrue(result.passed(), result.describe());
    assertEquals(CallEnd.Reason.REMOTE_HANGUP, gateway.handler.listener.awaitEnded().reason());
  }

  @Test
  void callerRefreshesUntilItStopsThenWeSendBye() throws Exception {
    var run = Sipp.start("session_timer_they_refresh.xml", "u1", gateway.port(), Map.of());
    gateway.handler.listener.awaitAnswered();
    // The refresh re-INVITE restarts the clock; wait until it has been answered (media re-offered).
    RecordingMedia.Session media = gateway.media.awaitOpened();
    media.awaitUpdate();
    media.awaitUpdate();
    gateway.scheduler.advance(Duration.ofSeconds(1800 - 33));
    assertTrue(gateway.handler.listener.ended.isEmpty(), "expired before interval - min(32 s, interval/3)");
    gateway.scheduler.advance(Duration.ofSeconds(1));
    var result = run.await();
    assertTrue(result.passed(), result.describe());
    assertEquals(CallEnd.Reason.SESSION_EXPIRED, gateway.handler.listener.awaitEnded().reason());
  }
}
