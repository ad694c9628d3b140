package io.switchboard.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sip.inbound.AuthorizationDecision;
import io.switchboard.sip.inbound.CallEnd;
import io.switchboard.sip.inbound.CallOptions;
import io.switchboard.sip.inbound.Diversion;
import io.switchboard.sip.inbound.InviteInfo;
import io.switchboard.sip.sdp.MediaDirection;
import io.switchboard.sip.sdp.NegotiatedAudio;
import io.switchboard.sip.sdp.SdpCodec;
import io.switchboard.sip.testing.GatewayHarness;
import io.switchboard.sip.testing.RecordingMedia;
import io.switchboard.sip.testing.Sipp;
import io.switchboard.sip.transport.TransportProtocol;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whole calls against the real SIPp: answer, hang-up from either side, Twilio-shaped INVITEs, limits. */
class BasicCallSippTest {
  private static final Map<String, String> NO_VARS = Map.of();
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

  private Sipp.Result sipp(String scenario, String transport) throws Exception {
    return Sipp.run(scenario, transport, gateway.port(), NO_VARS, "-s", "+15105550100");
  }

  @Test
  void callerHangsUpAfterAnUdpCall() throws Exception {
    var result = sipp("basic_call_caller_hangs_up.xml", "u1");
    assertTrue(result.passed(), result.describe());

    InviteInfo invite = gateway.handler.authorizations.take();
    assertEquals("+15105550100", invite.called());
    assertEquals("+14155550123", invite.callerNumber());
    assertEquals(TransportProtocol.UDP, invite.source().transport());
    assertEquals("trunk-1", gateway.handler.dispatchContexts.take());
    NegotiatedAudio audio = gateway.handler.listener.awaitAnswered();
    assertEquals(new NegotiatedAudio(SdpCodec.PCMU, 0, OptionalInt.of(101), "127.0.0.1", 6000,
        MediaDirection.SENDRECV, 20), audio);
    RecordingMedia.Session media = gateway.media.awaitOpened();
    assertEquals(audio, media.awaitUpdate());
    assertEquals(CallEnd.Reason.REMOTE_HANGUP, gateway.handler.listener.awaitEnded().reason());
    assertTrue(media.awaitClosed());
    assertEquals(0, gateway.server.activeCalls());
  }

  @Test
  void tcpCallWorksOnTheSamePort() throws Exception {
    var result = sipp("basic_call_caller_hangs_up.xml", "t1");
    assertTrue(result.passed(), result.describe());
    assertEquals(TransportProtocol.TCP, gateway.handler.authorizations.take().source().transport());
    assertEquals(CallEnd.Reason.REMOTE_HANGUP, gateway.handler.listener.awaitEnded().reason());
  }

  @Test
  void roomHangsUpWithBye() throws Exception {
    var run = Sipp.start("wait_for_our_bye.xml", "u1", gateway.port(), NO_VARS);
    gateway.handler.listener.awaitAnswered();
    gateway.handler.awaitControl().hangup();
    var result = run.await();
    assertTrue(result.passed(), result.describe());
    assertEquals(CallEnd.Reason.LOCAL_HANGUP, gateway.handler.listener.awaitEnded().reason());
    assertTrue(gateway.media.awaitOpened().awaitClosed());
  }

  @Test
  void roomHangsUpWithByeOverTcp() throws Exception {
    var run = Sipp.start("wait_for_our_bye.xml", "t1", gateway.port(), NO_VARS);
    gateway.handler.listener.awaitAnswered();
    gateway.handler.awaitControl().hangup();
    var result = run.await();
    assertTrue(result.passed(), result.describe());
  }

  @Test
  void stoppingTheServerHangsUpActiveCalls() throws Exception {
    var run = Sipp.start("wait_for_our_bye.xml", "u1", gateway.port(), NO_VARS);
    gateway.handler.listener.awaitAnswered();
    gateway.server.stop();
    var result = run.await();
    assertTrue(result.passed(), result.describe());
    assertEquals(CallEnd.Reason.SERVER_STOPPED, gateway.handler.listener.awaitEnded().reason());
  }

  @Test
  void maximumCallDurationEndsTheCallWithBye() throws Exception {
    gateway.handler.onDispatch = (info, call) -> gateway.handler.join(
        CompletableFuture.completedFuture(null), CallOptions.defaults().withMaxCallDuration(Duration.ofMinutes(10)));
    var run = Sipp.start("wait_for_our_bye.xml", "u1", gateway.port(), NO_VARS);
    gateway.handler.listener.awaitAnswered();
    gateway.scheduler.advance(Duration.ofMinutes(9));
    assertTrue(gateway.handler.listener.ended.isEmpty(), "ended before the maximum duration");
    gateway.scheduler.advance(Duration.ofMinutes(1));
    var result = run.await();
    assertTrue(result.passed(), result.describe());
    assertEquals(CallEnd.Reason.MAX_DURATION, gateway.handler.listener.awaitEnded().reason());
  }

  @Test
  void twilioShapedInviteIsReadIntoInviteInfo() throws Exception {
    var result = sipp("twilio_shaped_call.xml", "u1");
    assertTrue(result.passed(), result.describe());

    InviteInfo invite = gateway.handler.authorizations.take();
    assertEquals("+15105550100", invite.called());
    assertEquals("+14155550123", invite.from().number());
    assertEquals("+14155550123", invite.from().displayName());
    // P-Asserted-Identity wins over From for the caller; its first (sip:) identity is used.
    assertEquals("+14155550199", invite.callerNumber());
    assertEquals("Alice", invite.caller().displayName());
    assertTrue(invite.requestUri().startsWith("sip:+15105550100@127.0.0.1:"), invite.requestUri());
    assertEquals(List.of(new Diversion(invite.diversions().getFirst().party(), "unconditional", 1)),
        invite.diversions());
    assertEquals("+15105550111", invite.diversions().getFirst().party().number());
    assertEquals("CA0123456789abcdef0123456789abcdef", invite.headers().first("X-Twilio-CallSid").orElseThrow());
    assertEquals("AC0123456789abcdef0123456789abcdef", invite.headers().first("x-twilio-accountsid").orElseThrow());
    assertEquals("127.0.0.1", invite.source().address());
    assertEquals(invite, gateway.handler.dispatches.take());
    assertEquals(CallEnd.Reason.REMOTE_HANGUP, gateway.handler.listener.awaitEnded().reason());
  }

  @Test
  void cancelWhileRingingGets487AndEndsTheCall() throws Exception {
    var neverReady = new CompletableFuture<Void>();
    gateway.handler.onDispatch = (info, call) -> gateway.handler.join(neverReady, CallOptions.defaults());
    var result = sipp("cancel_while_ringing.xml", "u1");
    assertTrue(result.passed(), result.describe());
    CallEnd end = gateway.handler.listener.awaitEnded();
    assertEquals(CallEnd.Reason.CANCELLED, end.reason());
    assertEquals(487, end.sipStatus());
    assertTrue(gateway.media.awaitOpened().awaitClosed());
    assertTrue(gateway.handler.listener.answered.isEmpty());
  }

  @Test
  void ringingTimeoutGives480() throws Exception {
    var neverReady = new CompletableFuture<Void>();
    gateway.handler.onDispatch = (info, call) -> gateway.handler.join(neverReady,
        CallOptions.defaults().withRingingTimeout(Duration.ofSeconds(30)));
    var run = Sipp.start("rejected_after_ringing.xml", "u1", gateway.port(), Map.of("STATUS", "480"));
    gateway.scheduler.awaitScheduled(Duration.ofSeconds(30)); // armed with the 180
    gateway.scheduler.advance(Duration.ofSeconds(29));
    assertTrue(gateway.handler.listener.ended.isEmpty(), "gave up before the ringing timeout");
    gateway.scheduler.advance(Duration.ofSeconds(1));
    var result = run.await();
    assertTrue(result.passed(), result.describe());
    assertEquals(CallEnd.Reason.NOT_ANSWERED, gateway.handler.listener.awaitEnded().reason());
  }

  @Test
  void readinessFailureGives480() throws Exception {
    gateway.handler.onDispatch = (info, call) -> gateway.handler.join(
        CompletableFuture.failedFuture(new IllegalStateException("room closed")), CallOptions.defaults());
    var result = Sipp.run("rejected_after_ringing.xml", "u1", gateway.port(), Map.of("STATUS", "480"));
    assertTrue(result.passed(), result.describe());
    assertEquals(CallEnd.Reason.NOT_ANSWERED, gateway.handler.listener.awaitEnded().reason());
  }

  @Test
  void callsRejectedAtAuthorizationNeverReachDispatch() throws Exception {
    for (int status : new int[] {404, 403}) {
      gateway.handler.onAuthorize = info -> new AuthorizationDecision.Reject<>(status, null);
      var result = Sipp.run("rejected_call.xml", "u1", gateway.port(),
          Map.of("STATUS", Integer.toString(status), "EXTRA_HEADER", "X-Test: none"));
      assertTrue(result.passed(), result.describe());
    }
    assertEquals(2, gateway.handler.authorizations.size());
    assertTrue(gateway.handler.dispatches.isEmpty());
    assertTrue(gateway.media.opened.isEmpty());
  }

  @Test
  void dispatchRejectionAndExhaustedMediaAreFinalResponses() throws Exception {
    gateway.handler.onDispatch = (info, call) -> new io.switchboard.sip.inbound.DispatchDecision.Reject(486, "Busy Here");
    var busy = Sipp.run("rejected_call.xml", "u1", gateway.port(),
        Map.of("STATUS", "486", "EXTRA_HEADER", "X-Test: none"));
    assertTrue(busy.passed(), busy.describe());

    gateway.handler.onDispatch = (info, call) ->
        gateway.handler.join(CompletableFuture.completedFuture(null), CallOptions.defaults());
    gateway.media.exhausted = true;
    var unavailable = Sipp.run("rejected_call.xml", "u1", gateway.port(),
        Map.of("STATUS", "503", "EXTRA_HEADER", "X-Test: none"));
    assertTrue(unavailable.passed(), unavailable.describe());
    assertEquals(CallEnd.Reason.MEDIA_FAILURE, gateway.handler.listener.awaitEnded().reason());
  }

  @Test
  void sessionIntervalBelowMinSeGets422() throws Exception {
    var result = Sipp.run("rejected_call.xml", "u1", gateway.port(),
        Map.of("STATUS", "422", "EXTRA_HEADER", "Session-Expires: 30"));
    assertTrue(result.passed(), result.describe());
    assertTrue(result.messages().contains("Min-SE: 90"), result.messages());
    assertTrue(gateway.handler.dispatches.isEmpty());
  }

  @Test
  void optionsAnswer200UntilDrainingThen503() throws Exception {
    var up = Sipp.run("options.xml", "u1", gateway.port(), Map.of("STATUS", "200"));
    assertTrue(up.passed(), up.describe());
    assertTrue(up.messages().contains("Allow: INVITE,ACK,BYE,CANCEL,OPTIONS,UPDATE"), up.messages());

    gateway.server.drain();
    var draining = Sipp.run("options.xml", "u1", gateway.port(), Map.of("STATUS", "503"));
    assertTrue(draining.passed(), draining.describe());
    var invite = Sipp.run("rejected_call.xml", "u1", gateway.port(),
        Map.of("STATUS", "503", "EXTRA_HEADER", "X-Test: none"));
    assertTrue(invite.passed(), invite.describe());
    assertTrue(gateway.handler.authorizations.isEmpty());
  }
}
