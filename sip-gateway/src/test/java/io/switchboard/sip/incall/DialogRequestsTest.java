package io.switchboard.sip.incall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.dtmf.DtmfDigit;
import io.switchboard.media.testing.MutableClock;
import io.switchboard.sip.testing.FakeSignalling;
import io.switchboard.sip.testing.ManualScheduler;
import io.switchboard.sip.transport.DialogHandle;
import io.switchboard.sip.transport.IncomingRequest;
import io.switchboard.sip.transport.IncomingResponse;
import io.switchboard.sip.transport.Peer;
import io.switchboard.sip.transport.SipHeader;
import io.switchboard.sip.transport.SipHeaders;
import io.switchboard.sip.transport.TransportProtocol;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** REFER and its NOTIFYs (RFC 3515), and INFO DTMF, against a recording stack. */
class DialogRequestsTest {
  private static final FakeSignalling.Dialog DIALOG = new FakeSignalling.Dialog("d1");

  private final FakeSignalling sip = new FakeSignalling();
  private final ManualScheduler scheduler = new ManualScheduler(new MutableClock(Instant.parse("2026-03-01T12:00:00Z")));
  private final List<DtmfDigit> digits = new ArrayList<>();
  private final List<TransferOutcome.Transferred> transferred = new ArrayList<>();
  private boolean established = true;
  private final DialogRequests requests = new DialogRequests(sip, scheduler, Runnable::run, new DialogRequests.Owner() {
    @Override
    public String callId() {
      return "c1";
    }

    @Override
    public boolean isEstablished() {
      return established;
    }

    @Override
    public DialogHandle dialog() {
      return DIALOG;
    }

    @Override
    public String peerHost() {
      return "198.51.100.7";
    }

    @Override
    public void onDigit(DtmfDigit digit) {
      digits.add(digit);
    }

    @Override
    public void onTransferred(TransferOutcome.Transferred outcome) {
      transferred.add(outcome);
    }
  });

  private IncomingRequest request(String method, String body, String... headers) {
    List<SipHeader> list = new ArrayList<>();
    for (String header : headers) {
      String[] parts = header.split(": ", 2);
      list.add(new SipHeader(parts[0], parts[1]));
    }
    return new IncomingRequest(method, "sip:gw@203.0.113.5", "c1", 7, "caller", "ours", new SipHeaders(list), body,
        new Peer("198.51.100.7", 5060, TransportProtocol.UDP), sip.serverTx(method), DIALOG);
  }

  private IncomingRequest notify(String sipfrag, String state) {
    IncomingRequest notify = request("NOTIFY", sipfrag, "Event: refer", "Subscription-State: " + state,
        "Content-Type: message/sipfrag;version=2.0");
    requests.onRequest(notify);
    return notify;
  }

  private void answerRefer(int status, String reason) {
    var refer = sip.lastRequest();
    assertEquals("REFER", refer.request().method());
    assertTrue(requests.onResponse(new IncomingResponse(status, reason, "c1", 2, "REFER", SipHeaders.of(), "",
        refer.transaction(), DIALOG)));
  }

  private CompletableFuture<TransferOutcome> transfer(String to) {
    return requests.transfer(new TransferRequest(ReferTarget.parse(to), Map.of("X-Job", "42"),
        Duration.ofSeconds(30), false)).toCompletableFuture();
  }

  @Test
  void acceptedReferFollowedToA200SipfragIsATransfer() {
    var result = transfer("tel:+14155550199");
    var refer = sip.lastRequest().request();
    assertEquals("<sip:+14155550199@198.51.100.7;user=phone>", refer.header("Refer-To"));
    assertEquals("42", refer.header("X-Job"));

    answerRefer(202, "Accepted");
    assertEquals(200, sip.last(notify("SIP/2.0 100 Trying\r\n", "active;expires=60").transaction()).status());
    assertEquals(200, sip.last(notify("SIP/2.0 180 Ringing\r\n", "active;expires=60").transaction()).status());
    assertFalse(result.isDone(), "1xx sipfrags are progress");
    assertEquals(200, sip.last(notify("SIP/2.0 200 OK\r\n", "terminated;reason=noresource").transaction()).status());

    var done = assertInstanceOf(TransferOutcome.Transferred.class, result.join());
    assertEquals(new SipFrag(200, "OK"), done.result());
    assertEquals(List.of(done), transferred, "the call is told to hang up");
    assertEquals(0, scheduler.pending(), "the timeout is called off");
  }

  @Test
  void refusedReferFailsWithItsStatusAndTheCallGoesOn() {
    var result = transfer("sip:desk@pbx.example");
    answerRefer(603, "Decline");
    assertEquals(new TransferOutcome.Failed(TransferOutcome.Reason.REJECTED, 603, "Decline"), result.join());
    assertEquals(List.of(), transferred);
    assertEquals(481, sip.last(notify("SIP/2.0 200 OK", "terminated").transaction()).status(),
        "no subscription once the REFER was refused");
  }

  @Test
  void failingNewCallReportsTheSipfragStatus() {
    var result = transfer("sip:desk@pbx.example");
    answerRefer(202, "Accepted");
    notify("SIP/2.0 486 Busy Here", "terminated;reason=noresource");
    assertEquals(new TransferOutcome.Failed(TransferOutcome.Reason.FAILED, 486, "Busy Here"), result.join());
  }

  @Test
  void noFinalNotifyTimesOutAndATerminatedSubscriptionWithoutOneFails() {
    var timedOut = transfer("sip:desk@pbx.example");
    answerRefer(202, "Accepted");
    notify("SIP/2.0 100 Trying", "active");
    scheduler.advance(Duration.ofSeconds(30));
    var failed = assertInstanceOf(TransferOutcome.Failed.class, timedOut.join());
    assertEquals(TransferOutcome.Reason.RINGING_TIMEOUT, failed.reason());
    assertEquals(408, failed.sipStatus());

    var ended = transfer("sip:desk@pbx.example");
    answerRefer(202, "Accepted");
    notify("", "terminated;reason=timeout");
    assertEquals(TransferOutcome.Reason.SUBSCRIPTION_TERMINATED,
        assertInstanceOf(TransferOutcome.Failed.class, ended.join()).reason());
  }

  @Test
  void oneTransferAtATimeAndOnlyOnAnAnsweredCall() {
    var first = transfer("sip:desk@pbx.example");
    assertTrue(first == transfer("sip:desk@pbx.example") || !first.isDone(), "same target joins");
    var other = assertInstanceOf(TransferOutcome.NotPossible.class, transfer("sip:other@pbx.example").join());
    assertTrue(other.why().contains("already in progress"), other.why());
    assertEquals(1, sip.requestMethods().stream().filter("REFER"::equals).count());

    requests.callEnded();
    assertEquals(TransferOutcome.Reason.CALL_ENDED, assertInstanceOf(TransferOutcome.Failed.class, first.join()).reason());
    established = false;
    assertInstanceOf(TransferOutcome.NotPossible.class, transfer("sip:desk@pbx.example").join());
  }

  @Test
  void notifyForAnotherEventOrWithoutSipfrag() {
    transfer("sip:desk@pbx.example");
    answerRefer(202, "Accepted");
    var presence = request("NOTIFY", "", "Event: presence");
    requests.onRequest(presence);
    assertEquals(489, sip.last(presence.transaction()).status());
    assertEquals(400, sip.last(notify("hello", "active").transaction()).status());
  }

  @Test
  void infoDigitsAreAnsweredAndPassedOn() {
    var relay = request("INFO", "Signal=5\r\nDuration=160\r\n", "Content-Type: application/dtmf-relay");
    var plain = request("INFO", "#", "Content-Type: application/dtmf");
    var xml = request("INFO", "<media_control/>", "Content-Type: application/media_control+xml");
    var bad = request("INFO", "Signal=Z", "Content-Type: application/dtmf-relay");
    for (var info : List.of(relay, plain, xml, bad)) {
      requests.onRequest(info);
    }
    assertEquals(List.of(DtmfDigit.D5, DtmfDigit.POUND), digits);
    assertEquals(200, sip.last(relay.transaction()).status());
    assertEquals(200, sip.last(plain.transaction()).status());
    assertEquals(415, sip.last(xml.transaction()).status());
    assertEquals("application/dtmf-relay, application/dtmf", sip.last(xml.transaction()).header("Accept"));
    assertEquals(400, sip.last(bad.transaction()).status());
  }

  @Test
  void infoDigitsAreSentInTheDialog() {
    requests.sendDtmfInfo(DtmfDigit.D7);
    var sent = sip.lastRequest().request();
    assertEquals("INFO", sent.method());
    assertEquals("Signal=7\r\nDuration=160\r\n", sent.body());
  }
}
