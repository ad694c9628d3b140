package io.switchboard.sip.inbound;

import io.switchboard.sip.sdp.AnswerAcceptance;
import io.switchboard.sip.sdp.AnswerResult;
import io.switchboard.sip.sdp.SdpParseException;
import io.switchboard.sip.sdp.SdpWriter;
import io.switchboard.sip.sdp.SessionDescription;
import io.switchboard.sip.transport.IncomingRequest;
import io.switchboard.sip.transport.OutgoingResponse;
import io.switchboard.sip.transport.ServerTransactionHandle;
import io.switchboard.sip.transport.SipHeader;
import java.util.Optional;

/**
 * Requests inside the dialog: ACK (confirming the call, carrying a late answer), BYE, and
 * re-INVITE/UPDATE for hold, resume, address changes and session refreshes.
 */
final class DialogPhase {
  private final InboundCall call;
  /** A late-offer re-INVITE we answered with our offer; its ACK brings the answer. */
  private ServerTransactionHandle reinviteAwaitingAck;

  DialogPhase(InboundCall call) {
    this.call = call;
  }

  void onAck(IncomingRequest ack) {
    if (call.state instanceof CallState.AwaitingAck) {
      if (call.negotiation.awaitingAnswer() && !acceptAnswerFrom(ack)) {
        return;
      }
      call.state = new CallState.Active();
      call.timers.arm(CallTimer.MAX_DURATION, call.options.maxCallDuration());
      call.refresh.begin(call.invitePhase.timerTerms(), call.invite.headers().hasToken("Allow", "UPDATE"));
      call.listener.onAnswered(call.negotiation.current());
      if (call.hangupAfterAck) {
        call.sendBye();
        call.finish(new CallEnd(CallEnd.Reason.LOCAL_HANGUP, 0, "hung up by the room"), true);
      }
    } else if (call.state instanceof CallState.Active && reinviteAwaitingAck != null) {
      reinviteAwaitingAck = null;
      if (acceptAnswerFrom(ack)) {
        call.media.update(call.negotiation.current());
        call.listener.onMediaChanged(call.negotiation.current());
      }
    }
  }

  /** Reads the SDP answer in an ACK; on failure hangs up (RFC 3264 leaves nothing else to do). */
  private boolean acceptAnswerFrom(IncomingRequest ack) {
    String problem;
    if (!ack.hasBody()) {
      problem = "ACK carried no SDP answer to our offer";
    } else {
      try {
        SessionDescription answer = call.env.sdpParser().parse(ack.body());
        switch (call.negotiation.acceptAnswer(answer)) {
          case AnswerAcceptance.Accepted accepted -> {
            call.media.update(accepted.audio());
            return true;
          }
          case AnswerAcceptance.NotAcceptable notAcceptable -> problem = notAcceptable.reason();
        }
      } catch (SdpParseException e) {
        problem = "malformed SDP answer in ACK: " + e.getMessage();
      }
    }
    call.negotiation.abandonOffer();
    call.sendBye();
    call.finish(new CallEnd(CallEnd.Reason.MEDIA_NEGOTIATION, 0, problem), true);
    return false;
  }

  void onBye(IncomingRequest bye) {
    call.respondQuietly(bye.transaction(), OutgoingResponse.of(200));
    switch (call.state) {
      case CallState.Authorizing a -> call.rejectInvite(487, "Request Terminated", CallEnd.Reason.REMOTE_HANGUP);
      case CallState.Dispatching d -> call.rejectInvite(487, "Request Terminated", CallEnd.Reason.REMOTE_HANGUP);
      case CallState.Ringing r -> call.rejectInvite(487, "Request Terminated", CallEnd.Reason.REMOTE_HANGUP);
      case CallState.AwaitingAck a -> {
        // The caller may hang up before its ACK reaches us; a BYE proves it had our 200 OK.
        if (!call.negotiation.awaitingAnswer() && call.negotiation.current() != null) {
          call.listener.onAnswered(call.negotiation.current());
        }
        call.finish(new CallEnd(CallEnd.Reason.REMOTE_HANGUP, 0, "BYE"), false);
      }
      case CallState.Active a -> call.finish(new CallEnd(CallEnd.Reason.REMOTE_HANGUP, 0, "BYE"), false);
      case CallState.Ending ending -> call.forget(ending.end()); // BYEs crossed
      case CallState.Ended e -> { }
    }
  }

  void onReinvite(IncomingRequest reinvite) {
    if (!(call.state instanceof CallState.Active)) {
      call.respond(reinvite.transaction(), call.isBeforeAnswer() || call.state instanceof CallState.AwaitingAck
          ? OutgoingResponse.of(491) : OutgoingResponse.of(481));
      return;
    }
    if (call.refresh.hasPendingRequest()) {
      call.respond(reinvite.transaction(), OutgoingResponse.of(491)); // glare (RFC 3261 §14.2)
      return;
    }
    if (reinviteAwaitingAck != null) {
      call.respond(reinvite.transaction(), OutgoingResponse.of(500).withHeader("Retry-After", "2"));
      return;
    }
    offerAnswer(reinvite, true);
  }

  void onUpdate(IncomingRequest update) {
    boolean confirmed = call.state instanceof CallState.Active || call.state instanceof CallState.AwaitingAck;
    if (!confirmed) {
      call.respond(update.transaction(), call.isBeforeAnswer() ? OutgoingResponse.of(491) : OutgoingResponse.of(481));
      return;
    }
    if (update.hasBody() && (call.refresh.hasPendingRequest() || call.negotiation.awaitingAnswer())) {
      call.respond(update.transaction(), OutgoingResponse.of(491));
      return;
    }
    offerAnswer(update, false);
  }

  /** Answers a re-INVITE or UPDATE: session timer terms, then SDP offer/answer if it has one. */
  private void offerAnswer(IncomingRequest request, boolean isInvite) {
    Optional<OutgoingResponse> problem = RequestChecks.check(request);
    if (problem.isPresent()) {
      call.respond(request.transaction(), problem.get());
      return;
    }
    SessionTimerTerms terms;
    try {
      terms = SessionTimerNegotiation.negotiate(request.headers(), call.env.settings().sessionTimers());
    } catch (IllegalArgumentException e) {
      call.respond(request.transaction(), RequestChecks.badRequest("Bad Request", e.getMessage()));
      return;
    }
    if (terms instanceof SessionTimerTerms.TooSmall small) {
      call.respond(request.transaction(),
          OutgoingResponse.of(422).withHeader("Min-SE", Long.toString(small.minimum().toSeconds())));
      return;
    }
    OutgoingResponse ok = Responses.withCapabilities(OutgoingResponse.of(200));
    if (terms instanceof SessionTimerTerms.On on) {
      for (SipHeader header : on.responseHeaders()) {
        ok = ok.withHeader(header.name(), header.value());
      }
    }
    boolean mediaChanged = false;
    if (request.hasBody()) {
      SessionDescription offer;
      try {
        offer = call.env.sdpParser().parse(request.body());
      } catch (SdpParseException e) {
        call.respond(request.transaction(), RequestChecks.badRequest("Malformed SDP", e.getMessage()));
        return;
      }
      switch (call.negotiation.answer(offer)) {
        case AnswerResult.Answered answered -> {
          ok = ok.withSdp(SdpWriter.write(answered.answer()));
          mediaChanged = true;
        }
        case AnswerResult.NotAcceptable notAcceptable -> {
          // The old session stays as it was (RFC 3264 §8).
          call.respond(request.transaction(), Responses.notAcceptableHere(notAcceptable.reason()));
          return;
        }
      }
    } else if (isInvite) {
      ok = ok.withSdp(SdpWriter.write(call.negotiation.offer()));
      reinviteAwaitingAck = request.transaction();
    }
    call.respond(request.transaction(), ok);
    call.refresh.refreshed(terms);
    if (mediaChanged) {
      call.media.update(call.negotiation.current());
      if (call.state instanceof CallState.Active) {
        call.listener.onMediaChanged(call.negotiation.current());
      }
    }
  }
}
