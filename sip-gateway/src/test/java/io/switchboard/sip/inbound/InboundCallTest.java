package io.switchboard.sip.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.testing.MutableClock;
import io.switchboard.sip.auth.DigestAlgorithm;
import io.switchboard.sip.auth.DigestAuthenticator;
import io.switchboard.sip.auth.NonceService;
import io.switchboard.sip.concurrent.KeyedSerialExecutor;
import io.switchboard.sip.testing.FakeSignalling;
import io.switchboard.sip.testing.ManualScheduler;
import io.switchboard.sip.testing.RecordingMedia;
import io.switchboard.sip.testing.ScriptedHandler;
import io.switchboard.sip.transport.IncomingRequest;
import io.switchboard.sip.transport.IncomingResponse;
import io.switchboard.sip.transport.Peer;
import io.switchboard.sip.transport.SipEvent;
import io.switchboard.sip.transport.SipHeader;
import io.switchboard.sip.transport.SipHeaders;
import io.switchboard.sip.transport.TransportProtocol;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The call state machine with the stack replaced by a recorder: the paths a SIPp scenario cannot
 * steer precisely (glare, 422 on our refresh, a missing ACK, CANCEL while dispatch is pending).
 */
class InboundCallTest {
  private static final String CALL_ID = "unit-1@192.0.2.10";
  private static final String OFFER = "v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n"
      + "m=audio 6000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";
  private static final Peer PEER = new Peer("192.0.2.10", 5060, TransportProtocol.UDP);
  private static final FakeSignalling.Dialog DIALOG = new FakeSignalling.Dialog("d1");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final FakeSignalling sip = new FakeSignalling();
  private final ScriptedHandler handler = new ScriptedHandler();
  private final RecordingMedia media = new RecordingMedia();
  private final InboundCallRouter router = new InboundCallRouter(sip, handler, media,
      new DigestAuthenticator(new NonceService("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII),
          clock, Duration.ofMinutes(5)), List.of(DigestAlgorithm.MD5)),
      InboundSettings.defaults(), scheduler, new KeyedSerialExecutor(Runnable::run));
  private long cseq = 1;

  private IncomingRequest request(String method, boolean inDialog, String body, String... headers) {
    List<SipHeader> list = new ArrayList<>(List.of(
        new SipHeader("From", "<sip:+14155550123@192.0.2.10>;tag=caller"),
        new SipHeader("To", "<sip:+15105550100@203.0.113.5>" + (inDialog ? ";tag=ours" : "")),
        new SipHeader("Allow", "INVITE, ACK, BYE, CANCEL, OPTIONS")));
    for (String header : headers) {
      String[] parts = header.split(": ", 2);
      list.add(new SipHeader(parts[0], parts[1]));
    }
    if (!body.isEmpty()) {
      list.add(new SipHeader("Content-Type", "application/sdp"));
    }
    long number = method.equals("ACK") || method.equals("CANCEL") ? cseq : ++cseq;
    return new IncomingRequest(method, "sip:+15105550100@203.0.113.5", CALL_ID, number, "caller",
        inDialog ? "ours" : null, new SipHeaders(list), body, PEER,
        method.equals("ACK") ? null : sip.serverTx(method), DIALOG);
  }

  private IncomingRequest deliver(IncomingRequest request) {
    router.route(new SipEvent.RequestReceived(request));
    return request;
  }

  /** INVITE, answered at once, ACKed: an active call. Returns the INVITE. */
  private IncomingRequest activeCall(String... inviteHeaders) {
    cseq = 0;
    IncomingRequest invite = deliver(request("INVITE", false, OFFER, inviteHeaders));
    assertEquals(List.of(100, 180, 200), sip.statuses(invite.transaction()));
    deliver(request("ACK", true, ""));
    assertEquals(1, handler.listener.answered.size());
    return invite;
  }

  @Test
  void hangupBeforeTheAckWaitsForItThenSendsBye() {
    var ready = new CompletableFuture<Void>();
    handler.onDispatch = (info, call) -> handler.join(ready, CallOptions.defaults());
    cseq = 0;
    IncomingRequest invite = deliver(request("INVITE", false, OFFER));
    ready.complete(null);
    assertEquals(List.of(100, 180, 200), sip.statuses(invite.transaction()));

    handler.controls.peek().hangup();
    assertTrue(sip.requests.isEmpty(), "BYE before the ACK (RFC 3261 §15)");
    deliver(request("ACK", true, ""));
    assertEquals(List.of("BYE"), sip.requestMethods());
    assertEquals(CallEnd.Reason.LOCAL_HANGUP, handler.listener.ended.peek().reason());
  }

  @Test
  void byeOvertakingTheAckStillCountsAsAnswered() {
    cseq = 0;
    deliver(request("INVITE", false, OFFER));
    IncomingRequest bye = deliver(request("BYE", true, ""));
    assertEquals(List.of(200), sip.statuses(bye.transaction()));
    assertEquals(1, handler.listener.answered.size());
    assertEquals(CallEnd.Reason.REMOTE_HANGUP, handler.listener.ended.peek().reason());
    deliver(request("ACK", true, "")); // arrives late, finds no call, and is ignored
    assertEquals(0, router.activeCalls());
  }

  @Test
  void missingAckEndsTheCallWithBye() {
    cseq = 0;
    deliver(request("INVITE", false, OFFER));
    router.route(new SipEvent.AckNotReceived(CALL_ID, DIALOG));
    assertEquals(List.of("BYE"), sip.requestMethods());
    assertEquals(CallEnd.Reason.ACK_TIMEOUT, handler.listener.ended.peek().reason());
    assertTrue(handler.listener.answered.isEmpty());
  }

  @Test
  void ourRefreshRaisesTheIntervalOn422AndAcksA2xxReinvite() {
    // The caller does not support timers: we run one alone, refreshing with re-INVITE (no UPDATE in Allow).
    activeCall();
    scheduler.advance(Duration.ofSeconds(900));
    var refresh = sip.lastRequest();
    assertEquals("INVITE", refresh.request().method());
    assertEquals("1800;refresher=uac", refresh.request().header("Session-Expires"));
    assertTrue(refresh.request().body().contains("o=switchboard "), "a refresh re-INVITE offers our SDP");

    router.route(response(refresh.transaction(), 422, "", "Min-SE: 3600"));
    var raised = sip.lastRequest();
    assertEquals("3600;refresher=uac", raised.request().header("Session-Expires"));

    router.route(response(raised.transaction(), 200, OFFER, "Session-Expires: 3600;refresher=uac"));
    assertEquals(List.of(77L), sip.acks, "the 2xx to our re-INVITE is ACKed with its CSeq");
    scheduler.advance(Duration.ofSeconds(1799));
    assertEquals(2, sip.requests.size(), "refreshed again before half of the new interval");
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(3, sip.requests.size());
    assertTrue(handler.listener.ended.isEmpty());
  }

  @Test
  void refreshAnswered481EndsTheCallWithoutBye() {
    activeCall();
    scheduler.advance(Duration.ofSeconds(900));
    router.route(response(sip.lastRequest().transaction(), 481, ""));
    assertEquals(CallEnd.Reason.SESSION_EXPIRED, handler.listener.ended.peek().reason());
    assertEquals(List.of("INVITE"), sip.requestMethods());
  }

  @Test
  void reinviteWhileOurRefreshIsPendingGets491() {
    activeCall();
    scheduler.advance(Duration.ofSeconds(900));
    IncomingRequest reinvite = deliver(request("INVITE", true, OFFER));
    assertEquals(List.of(491), sip.statuses(reinvite.transaction()));
  }

  @Test
  void cancelWhileDispatchIsPendingEndsOnceWhenTheJoinArrivesLate() {
    var decision = new CompletableFuture<DispatchDecision>();
    var lateHandler = new InboundCallHandler<String>() {
      @Override
      public java.util.concurrent.CompletionStage<AuthorizationDecision<String>> authorize(InviteInfo invite) {
        return CompletableFuture.completedFuture(AuthorizationDecision.Accept.withoutCredentials("t"));
      }

      @Override
      public java.util.concurrent.CompletionStage<DispatchDecision> dispatch(InviteInfo i, String c, CallControl call) {
        return decision;
      }
    };
    var lateRouter = new InboundCallRouter(sip, lateHandler, media, null, InboundSettings.defaults(), scheduler,
        new KeyedSerialExecutor(Runnable::run));
    cseq = 0;
    IncomingRequest invite = request("INVITE", false, OFFER);
    lateRouter.route(new SipEvent.RequestReceived(invite));
    IncomingRequest cancel = request("CANCEL", false, "");
    lateRouter.route(new SipEvent.RequestReceived(cancel));
    assertEquals(List.of(200), sip.statuses(cancel.transaction()));
    assertEquals(List.of(100, 487), sip.statuses(invite.transaction()));

    decision.complete(handler.join(CompletableFuture.completedFuture(null), CallOptions.defaults()));
    assertEquals(List.of(CallEnd.Reason.CANCELLED), handler.listener.ended.stream().map(CallEnd::reason).toList());
    assertTrue(media.opened.isEmpty(), "no media for a call that is already over");
    assertEquals(0, lateRouter.activeCalls());
  }

  @Test
  void handlerThatThrowsStillLeavesTheInviteAnswered() {
    handler.onAuthorize = info -> {
      throw new IllegalStateException("trunk store down (expected in this test)");
    };
    cseq = 0;
    IncomingRequest invite = deliver(request("INVITE", false, OFFER));
    assertEquals(List.of(100, 500), sip.statuses(invite.transaction()));
    assertEquals(0, router.activeCalls());
  }

  @Test
  void secondDialoglessInviteWithTheSameCallIdIsALoop() {
    activeCall();
    IncomingRequest merged = deliver(request("INVITE", false, OFFER));
    assertEquals(List.of(482), sip.statuses(merged.transaction()));
  }

  @Test
  void droppedCallsGetNoResponseWhenHidingFromScanners() {
    var hidden = new InboundCallRouter(sip, handler, media, null,
        InboundSettings.defaults().withHideFromScanners(true), scheduler, new KeyedSerialExecutor(Runnable::run));
    handler.onAuthorize = info -> new AuthorizationDecision.Drop<>();
    cseq = 0;
    IncomingRequest invite = request("INVITE", false, OFFER);
    hidden.route(new SipEvent.RequestReceived(invite));
    assertEquals(List.of(), sip.statuses(invite.transaction()));
    assertEquals(0, hidden.activeCalls());
  }

  private static SipEvent.ResponseReceived response(FakeSignalling.ClientTx transaction, int status, String body,
      String... headers) {
    List<SipHeader> list = new ArrayList<>();
    for (String header : headers) {
      String[] parts = header.split(": ", 2);
      list.add(new SipHeader(parts[0], parts[1]));
    }
    return new SipEvent.ResponseReceived(new IncomingResponse(status, "", CALL_ID, 77, transaction.method(),
        new SipHeaders(list), body, transaction, DIALOG));
  }
}
