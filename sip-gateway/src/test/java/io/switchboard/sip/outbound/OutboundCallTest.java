package io.switchboard.sip.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.testing.MutableClock;
import io.switchboard.sip.concurrent.KeyedSerialExecutor;
import io.switchboard.sip.inbound.MediaSession;
import io.switchboard.sip.sdp.CodecPolicy;
import io.switchboard.sip.sdp.NegotiatedAudio;
import io.switchboard.sip.sdp.SdpCodec;
import io.switchboard.sip.testing.FakeSignalling;
import io.switchboard.sip.testing.ManualScheduler;
import io.switchboard.sip.transport.IncomingRequest;
import io.switchboard.sip.transport.IncomingResponse;
import io.switchboard.sip.transport.Peer;
import io.switchboard.sip.transport.SipEvent;
import io.switchboard.sip.transport.SipHeader;
import io.switchboard.sip.transport.SipHeaders;
import io.switchboard.sip.transport.TransportProtocol;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The outbound call state machine against a recording stack and a manual clock. */
class OutboundCallTest {
  private static final String CALL_ID = "abc@switchboard";
  private static final FakeSignalling.Dialog DIALOG = new FakeSignalling.Dialog("d1");
  private static final String ANSWER = String.join("\r\n",
      "v=0", "o=callee 1 1 IN IP4 198.51.100.7", "s=-", "c=IN IP4 198.51.100.7", "t=0 0",
      "m=audio 30000 RTP/AVP 8 101", "a=rtpmap:8 PCMA/8000", "a=rtpmap:101 telephone-event/8000", "") + "\r\n";

  private final UacSignalling sip = new UacSignalling();
  private final ManualScheduler scheduler = new ManualScheduler(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
  private final OutboundCalls calls =
      new OutboundCalls(sip, scheduler, new KeyedSerialExecutor(Runnable::run), new SplittableRandom(7));
  private final Recorder listener = new Recorder();
  private final FakeMedia media = new FakeMedia();

  private OutboundCallHandle dial(String user, String password) {
    var plan = new DialPlan(new OutboundTarget("198.51.100.7", 5080, TransportProtocol.UDP), "+14155550123",
        "+15105550100", "", "", Map.of("X-Job", "42"), user, password, Duration.ofSeconds(30),
        Duration.ofMinutes(10), CodecPolicy.defaults());
    return calls.dial(CALL_ID, plan, media, listener);
  }

  @Test
  void invitesWithOurOfferAndTheTrunksHeadersThenAnswersRingsAndAcks() {
    dial("", "");
    var invite = sip.invites.getFirst();
    assertEquals("sip:+14155550123@198.51.100.7:5080", invite.requestUri());
    assertEquals("sip:+15105550100@203.0.113.5", invite.fromUri());
    assertEquals(1, invite.cseq());
    assertTrue(invite.headers().contains(new SipHeader("X-Job", "42")));
    assertTrue(invite.sdp().contains("m=audio 40000 RTP/AVP 111 9 0 8 110 101"), invite.sdp());

    respond(180, "");
    respond(200, ANSWER);

    assertEquals(List.of("ringing 180", "answered PCMA"), listener.events);
    assertEquals(List.of(1L), sip.acks);
    assertEquals(SdpCodec.PCMA, media.audio.codec());
    assertEquals(8, media.audio.payloadType());
  }

  @Test
  void ringingTimeoutSendsCancelAndTheFinal487EndsTheCallAsNoAnswer() {
    dial("", "");
    respond(180, "");
    scheduler.advance(Duration.ofSeconds(30));
    assertEquals(List.of(sip.lastInvite()), sip.cancels);

    respond(487, "");
    assertEquals(List.of("ringing 180", "ended NO_ANSWER 408"), listener.events);
    assertTrue(media.closed);
    assertEquals(0, calls.activeCalls());
  }

  @Test
  void hangupBeforeAnyProvisionalWaitsForOneBeforeCancelling() {
    OutboundCallHandle handle = dial("", "");
    handle.hangup();
    assertEquals(List.of(), sip.cancels, "RFC 3261 §9.1: no CANCEL before a provisional response");

    respond(100, "");
    assertEquals(1, sip.cancels.size());
    respond(487, "");
    assertEquals(List.of("ended CANCELLED 487"), listener.events);
  }

  @Test
  void a2xxThatCrossesOurCancelIsAckedAndEndedWithBye() {
    OutboundCallHandle handle = dial("", "");
    respond(180, "");
    handle.hangup();
    respond(200, ANSWER);

    assertEquals(List.of(1L), sip.acks);
    assertEquals(List.of("BYE"), sip.inDialog);
    assertEquals(List.of("ringing 180", "ended CANCELLED 487"), listener.events);
  }

  @Test
  void aChallengeIsAnsweredOnceWithANewCseqAndASecondOneEndsTheCall() {
    dial("acme", "s3cret");
    respond(401, "", new SipHeader("WWW-Authenticate", "Digest realm=\"carrier\", nonce=\"n1\", qop=\"auth\""));
    assertEquals(2, sip.invites.size());
    var retry = sip.invites.get(1);
    assertEquals(2, retry.cseq());
    assertEquals(sip.invites.getFirst().fromTag(), retry.fromTag(), "same dialog attempt (RFC 3261 §22.2)");
    assertTrue(!retry.branch().equals(sip.invites.getFirst().branch()), "a new transaction");
    String authorization = retry.headers().stream().filter(h -> h.name().equals("Authorization")).findFirst()
        .orElseThrow().value();
    assertTrue(authorization.startsWith("Digest username=\"acme\", realm=\"carrier\", nonce=\"n1\""), authorization);
    assertTrue(authorization.contains("qop=auth, nc=00000001"), authorization);

    respond(401, "", new SipHeader("WWW-Authenticate", "Digest realm=\"carrier\", nonce=\"n2\""));
    assertEquals(2, sip.invites.size(), "one retry only");
    assertEquals(List.of("ended REJECTED 401"), listener.events);
  }

  @Test
  void earlyMediaIsReportedAndItsAnswerServesA200WithoutSdp() {
    dial("", "");
    respond(183, ANSWER);
    assertEquals(List.of("early PCMA", "ringing 183"), listener.events);
    respond(200, "");
    assertEquals(List.of("early PCMA", "ringing 183", "answered PCMA"), listener.events);
  }

  @Test
  void farEndByeEndsTheCallAndMaxDurationSendsOurs() {
    dial("", "");
    respond(200, ANSWER);
    calls.route(new SipEvent.RequestReceived(new IncomingRequest("BYE", "sip:x", CALL_ID, 5, "t", "f",
        SipHeaders.of(), "", new Peer("198.51.100.7", 5080, TransportProtocol.UDP),
        new FakeSignalling.ServerTx("BYE", 99), DIALOG)));
    assertEquals(200, sip.responses.getLast().status());
    assertEquals("ended REMOTE_HANGUP 0", listener.events.getLast());

    var other = new Recorder();
    var plan = new DialPlan(new OutboundTarget("198.51.100.7", 5080, TransportProtocol.UDP), "1", "2", "", "",
        Map.of(), "", "", Duration.ofSeconds(30), Duration.ofSeconds(60), CodecPolicy.defaults());
    calls.dial("second@switchboard", plan, new FakeMedia(), other);
    calls.route(new SipEvent.ResponseReceived(new IncomingResponse(200, "OK", "second@switchboard", 1, "INVITE",
        SipHeaders.of(), ANSWER, sip.lastInvite(), DIALOG)));
    scheduler.advance(Duration.ofSeconds(60));
    assertEquals("BYE", sip.inDialog.getLast());
    assertEquals("ended MAX_DURATION 0", other.events.getLast());
  }

  @Test
  void noResponseAtAllIsUnreachableWith408() {
    dial("", "");
    calls.route(new SipEvent.ClientTransactionTimedOut(CALL_ID, sip.lastInvite()));
    assertEquals(List.of("ended UNREACHABLE 408"), listener.events);
  }

  @Test
  void infoDigitsFromTheAnsweredCalleeAreReportedAndBeforeTheAnswerRefusedWith481() {
    dial("", "");
    route(request("INFO", 2, "application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"));
    assertEquals(481, sip.responses.getLast().status(), "no dialog yet");
    respond(200, ANSWER);

    route(request("INFO", 3, "application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"));
    assertEquals(200, sip.responses.getLast().status());
    route(request("INFO", 4, "application/dtmf", "#"));
    assertEquals(List.of("answered PCMA", "dtmf 5", "dtmf #"), listener.events);
  }

  @Test
  void aReferTheCalleeCarriesOutEndsOurLegWithByeAndARefusalKeepsItUp() {
    OutboundCallHandle handle = dial("", "");
    respond(200, ANSWER);

    var refused = handle.transfer(io.switchboard.sip.incall.TransferRequest.to("sip:desk@pbx.example.com"))
        .toCompletableFuture();
    assertEquals("<sip:desk@pbx.example.com>", sip.inDialogRequests.getLast().header("Refer-To"));
    answerLast(603, "Decline");
    assertEquals(new io.switchboard.sip.incall.TransferOutcome.Failed(
        io.switchboard.sip.incall.TransferOutcome.Reason.REJECTED, 603, "Decline"), refused.join());

    var done = handle.transfer(io.switchboard.sip.incall.TransferRequest.to("tel:+15105550111")).toCompletableFuture();
    assertEquals("<sip:+15105550111@198.51.100.7;user=phone>", sip.inDialogRequests.getLast().header("Refer-To"),
        "a tel: target goes to the trunk's host");
    answerLast(202, "Accepted");
    var notify = request("NOTIFY", 5, "message/sipfrag", "SIP/2.0 200 OK\r\n",
        new SipHeader("Event", "refer"), new SipHeader("Subscription-State", "terminated;reason=noresource"));
    route(notify);
    assertEquals(200, sip.responses.getLast().status());
    assertTrue(done.join() instanceof io.switchboard.sip.incall.TransferOutcome.Transferred, done.join().toString());
    assertEquals(List.of("REFER", "REFER", "BYE"), sip.inDialog);
    assertEquals("ended TRANSFERRED 0", listener.events.getLast());
  }

  /** Twilio blocks the number as fraud behind a 603: the end keeps Twilio's code and text. */
  @Test
  void aRefusalKeepsWhatTheCarrierSaidBesidesItsStatus() {
    dial("", "");
    respond(180, "");
    respond(603, "", new SipHeader("X-Twilio-Error", "32203 Call blocked as potential fraud"),
        new SipHeader("Reason", "Q.850;cause=21;text=\"Call rejected\""));

    assertEquals("ended REJECTED 603", listener.events.getLast());
    assertEquals("Decline", listener.end.sipReason());
    assertEquals("carrier block, twilio error 32203: Call blocked as potential fraud; Q.850 cause 21: "
        + "Call rejected", listener.end.carrier().describe());
    assertEquals(io.switchboard.sfu.room.DisconnectReason.USER_REJECTED, OutboundRoomCall.disconnectReason(listener.end));
  }

  /** A CPS limit behind a 503 is the trunk's failure; a busy with a Q.850 cause is still the user's. */
  @Test
  void aRateLimitIsATrunkFailureAndABusyCauseIsTheUsers() {
    dial("", "");
    respond(503, "");
    assertEquals(io.switchboard.sip.carrier.CarrierLimit.CALLS_PER_SECOND, listener.end.carrier().limit().orElseThrow());
    assertEquals(io.switchboard.sfu.room.DisconnectReason.SIP_TRUNK_FAILURE, OutboundRoomCall.disconnectReason(listener.end));

    var busy = new OutboundEnd(OutboundEnd.Reason.REJECTED, 486, "Busy Here", io.switchboard.sip.carrier.CarrierFailure.of(
        "Busy Here", SipHeaders.of(new SipHeader("Reason", "Q.850;cause=17;text=\"User busy\"")), ""));
    assertEquals(io.switchboard.sfu.room.DisconnectReason.USER_REJECTED, OutboundRoomCall.disconnectReason(busy));
  }

  private void answerLast(int status, String reason) {
    calls.route(new SipEvent.ResponseReceived(new IncomingResponse(status, reason, CALL_ID, 2, "REFER",
        SipHeaders.of(), "", sip.inDialogTransactions.getLast(), DIALOG)));
  }

  private void route(IncomingRequest request) {
    calls.route(new SipEvent.RequestReceived(request));
  }

  private static IncomingRequest request(String method, long cseq, String type, String body, SipHeader... extra) {
    List<SipHeader> headers = new ArrayList<>(List.of(extra));
    headers.add(new SipHeader("Content-Type", type));
    return new IncomingRequest(method, "sip:x", CALL_ID, cseq, "t", "f", SipHeaders.of(headers.toArray(SipHeader[]::new)),
        body, new Peer("198.51.100.7", 5080, TransportProtocol.UDP), new FakeSignalling.ServerTx(method, (int) cseq + 100),
        DIALOG);
  }

  private void respond(int status, String body, SipHeader... headers) {
    calls.route(new SipEvent.ResponseReceived(new IncomingResponse(status, reason(status), CALL_ID,
        sip.invites.getLast().cseq(), "INVITE", SipHeaders.of(headers), body, sip.lastInvite(), DIALOG)));
  }

  private static String reason(int status) {
    return switch (status) {
      case 100 -> "Trying";
      case 180 -> "Ringing";
      case 183 -> "Session Progress";
      case 200 -> "OK";
      case 401 -> "Unauthorized";
      case 486 -> "Busy Here";
      case 503 -> "Trunk CPS limit exceeded. Region: us1";
      case 603 -> "Decline";
      default -> "Request Terminated";
    };
  }

  private static final class Recorder implements OutboundListener {
    final List<String> events = new ArrayList<>();
    OutboundEnd end;

    @Override
    public void onRinging(int status) {
      events.add("ringing " + status);
    }

    @Override
    public void onEarlyMedia(NegotiatedAudio audio) {
      events.add("early " + audio.codec());
    }

    @Override
    public void onAnswered(NegotiatedAudio audio, SipHeaders headers) {
      events.add("answered " + audio.codec());
    }

    @Override
    public void onDtmf(io.switchboard.media.dtmf.DtmfDigit digit) {
      events.add("dtmf " + digit.symbol());
    }

    @Override
    public void onEnded(OutboundEnd end) {
      events.add("ended " + end.reason() + " " + end.sipStatus());
      this.end = end;
    }
  }

  private static final class FakeMedia implements MediaSession {
    NegotiatedAudio audio;
    boolean closed;

    @Override
    public String localAddress() {
      return null;
    }

    @Override
    public int localPort() {
      return 40000;
    }

    @Override
    public void update(NegotiatedAudio negotiated) {
      audio = negotiated;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
