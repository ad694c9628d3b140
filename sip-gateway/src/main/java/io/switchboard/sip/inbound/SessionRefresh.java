package io.switchboard.sip.inbound;

import io.switchboard.sip.header.ParameterizedValue;
import io.switchboard.sip.sdp.AnswerAcceptance;
import io.switchboard.sip.sdp.SdpParseException;
import io.switchboard.sip.transport.ClientTransactionHandle;
import io.switchboard.sip.transport.IncomingResponse;
import io.switchboard.sip.transport.OutgoingRequest;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 4028 session timers for an answered call: arms the refresh or expiry timer, sends our
 * refreshes (UPDATE when the peer allows it, else re-INVITE) and reads their responses, and
 * reads responses to our BYE.
 */
final class SessionRefresh {
  private static final Logger log = LoggerFactory.getLogger(SessionRefresh.class);
  /** How often a 422 may raise the interval before we stop trying. */
  private static final int MAX_INTERVAL_RAISES = 2;

  private final InboundCall call;
  private SessionTimerTerms.On terms;
  private boolean useUpdate;
  private ClientTransactionHandle pending;
  private int intervalRaises;

  SessionRefresh(InboundCall call) {
    this.call = call;
  }

  /** The call is confirmed: start timing the session as negotiated in the INVITE. */
  void begin(SessionTimerTerms negotiated, boolean peerAllowsUpdate) {
    this.useUpdate = peerAllowsUpdate;
    refreshed(negotiated);
  }

  /** A refresh succeeded (theirs or ours): restart the clock with these terms. */
  void refreshed(SessionTimerTerms negotiated) {
    if (!(negotiated instanceof SessionTimerTerms.On on)) {
      return; // a refresh without Session-Expires still leaves the current timer running, just reset
    }
    terms = on;
    rearm();
  }

  boolean hasPendingRequest() {
    return pending != null;
  }

  void onRefreshDue() {
    if (!(call.state instanceof CallState.Active) || pending != null || terms == null || !terms.weRefresh()) {
      return;
    }
    OutgoingRequest request = OutgoingRequest.of(useUpdate ? "UPDATE" : "INVITE")
        .withHeader("Session-Expires", terms.interval().toSeconds() + ";refresher=uac")
        .withHeader("Min-SE", Long.toString(call.env.settings().sessionTimers().minimum().toSeconds()))
        .withHeader("Supported", Responses.SUPPORTED);
    if (!useUpdate) {
      // A re-INVITE must offer: our unchanged SDP, same o= version (RFC 4028 §7.4, RFC 3264 §8).
      request = request.withSdp(call.negotiation.refreshOffer());
    }
    pending = call.env.sip().sendInDialog(call.dialog, request);
  }

  void onExpired() {
    if (call.state instanceof CallState.Active) {
      call.sendBye();
      call.finish(new CallEnd(CallEnd.Reason.SESSION_EXPIRED, 0, "no session refresh in time (RFC 4028)"), true);
    }
  }

  void onResponse(IncomingResponse response) {
    if (response.transaction() != null && response.transaction().equals(call.bye)) {
      if (response.isFinal() && call.state instanceof CallState.Ending ending) {
        call.forget(ending.end());
      }
      return;
    }
    if (pending == null || !pending.equals(response.transaction()) || !response.isFinal()) {
      return;
    }
    boolean wasInvite = response.method().equals("INVITE");
    pending = null;
    if (wasInvite && response.isSuccess()) {
      call.env.sip().acknowledge(call.dialog, response.cseq());
    }
    if (response.isSuccess()) {
      intervalRaises = 0;
      if (wasInvite) {
        readAnswer(response);
      }
      adoptResponseTerms(response);
      return;
    }
    switch (response.status()) {
      case 422 -> raiseInterval(response);
      case 491 -> call.timers.arm(CallTimer.REFRESH_RETRY,
          Duration.ofMillis(2100 + ThreadLocalRandom.current().nextLong(1900))); // RFC 3261 §14.1
      case 405, 501 -> {
        if (useUpdate) {
          useUpdate = false; // the peer does not take UPDATE after all: refresh with re-INVITE
          onRefreshDue();
        }
      }
      case 408, 481 -> {
        // RFC 4028 §10: a refresh that times out or finds no dialog ends the session.
        if (response.status() == 408) {
          call.sendBye();
        }
        call.finish(new CallEnd(CallEnd.Reason.SESSION_EXPIRED, 0,
            "session refresh failed with " + response.status()), response.status() == 408);
      }
      default -> log.info("call {}: session refresh answered {}; the expiry timer stays armed",
          call.callId(), response.status());
    }
  }

  void onTimeout(ClientTransactionHandle transaction) {
    if (transaction.equals(call.bye)) {
      if (call.state instanceof CallState.Ending ending) {
        call.forget(ending.end());
      }
    } else if (transaction.equals(pending)) {
      pending = null;
      call.sendBye();
      call.finish(new CallEnd(CallEnd.Reason.SESSION_EXPIRED, 0, "session refresh timed out"), true);
    }
  }

  private void rearm() {
    if (terms.weRefresh()) {
      call.timers.arm(CallTimer.SESSION_REFRESH, terms.refreshDelay());
      call.timers.arm(CallTimer.SESSION_EXPIRY, terms.interval());
    } else {
      call.timers.cancel(CallTimer.SESSION_REFRESH);
      call.timers.arm(CallTimer.SESSION_EXPIRY, terms.expiryDelay());
    }
  }

  /** A 2xx to our refresh may move the refresher role or the interval (RFC 4028 §7.2). */
  private void adoptResponseTerms(IncomingResponse response) {
    var header = response.headers().first("Session-Expires");
    if (header.isPresent()) {
      try {
        Duration interval = SessionTimerNegotiation.seconds("Session-Expires", header.get());
        String refresher = ParameterizedValue.parse(header.get()).params().getOrDefault("refresher", "uac");
        terms = new SessionTimerTerms.On(interval, !refresher.equals("uas"), terms.peerSupports());
      } catch (IllegalArgumentException e) {
        log.info("call {}: ignoring {}", call.callId(), e.getMessage());
      }
    }
    rearm();
  }

  private void raiseInterval(IncomingResponse response) {
    var minimum = response.headers().first("Min-SE");
    if (minimum.isEmpty() || ++intervalRaises > MAX_INTERVAL_RAISES) {
      return; // nothing to go on; the expiry timer will end the call if nobody refreshes
    }
    try {
      Duration required = SessionTimerNegotiation.seconds("Min-SE", minimum.get());
      if (required.compareTo(terms.interval()) > 0) {
        terms = new SessionTimerTerms.On(required, true, terms.peerSupports());
      }
      onRefreshDue();
    } catch (IllegalArgumentException e) {
      log.info("call {}: ignoring {}", call.callId(), e.getMessage());
    }
  }

  private void readAnswer(IncomingResponse response) {
    if (response.body().isBlank()) {
      call.negotiation.abandonOffer();
      return;
    }
    try {
      var answer = call.env.sdpParser().parse(response.body());
      if (call.negotiation.acceptAnswer(answer) instanceof AnswerAcceptance.Accepted accepted) {
        call.media.update(accepted.audio());
      }
    } catch (SdpParseException e) {
      call.negotiation.abandonOffer();
      log.info("call {}: malformed SDP in refresh answer: {}", call.callId(), e.getMessage());
    }
  }
}
