package io.switchboard.sip.inbound;

import io.switchboard.sip.auth.AuthOutcome;
import io.switchboard.sip.auth.DigestChallenge;
import io.switchboard.sip.auth.UserCredentials;
import io.switchboard.sip.header.HeaderParseException;
import io.switchboard.sip.sdp.AnswerResult;
import io.switchboard.sip.sdp.SdpParseException;
import io.switchboard.sip.sdp.SdpWriter;
import io.switchboard.sip.transport.IncomingRequest;
import io.switchboard.sip.transport.OutgoingResponse;
import io.switchboard.sip.transport.SipHeader;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The call before it is answered: checks, 100 Trying, authorization, digest, dispatch, media,
 * 180 Ringing, waiting for readiness, 200 OK; and CANCEL and the ringing timeout meanwhile.
 */
final class InvitePhase {
  private final InboundCall call;
  private SessionTimerTerms timerTerms = new SessionTimerTerms.Off();
  private String localSdp;

  InvitePhase(InboundCall call) {
    this.call = call;
  }

  SessionTimerTerms timerTerms() {
    return timerTerms;
  }

  void start() {
    IncomingRequest invite = call.invite;
    Optional<OutgoingResponse> problem = RequestChecks.check(invite);
    if (problem.isPresent()) {
      call.rejectInvite(problem.get(), CallEnd.Reason.REJECTED);
      return;
    }
    try {
      call.info = InviteInfoParser.parse(invite);
      call.remoteOffer = RequestChecks.offer(invite, call.env.sdpParser());
    } catch (HeaderParseException e) {
      call.rejectInvite(RequestChecks.badRequest("Bad Request", e.getMessage()), CallEnd.Reason.REJECTED);
      return;
    } catch (SdpParseException e) {
      call.rejectInvite(RequestChecks.badRequest("Malformed SDP", e.getMessage()), CallEnd.Reason.REJECTED);
      return;
    }
    if (!call.env.settings().hideFromScanners()) {
      call.respond(invite.transaction(), OutgoingResponse.of(100));
    }
    // Bounds the handler's decisions too; re-armed with the call's own timeout at 180.
    call.timers.arm(CallTimer.RINGING, call.env.settings().maxRingingTimeout());
    ask(() -> call.env.handler().authorize(call.info))
        .whenComplete((decision, failure) -> call.post(new CallEvent.Authorized(decision, failure)));
  }

  void onAuthorized(CallEvent.Authorized authorized) {
    if (!(call.state instanceof CallState.Authorizing)) {
      return;
    }
    if (authorized.failure() != null || authorized.decision() == null) {
      call.rejectInvite(500, "Authorization Failed", CallEnd.Reason.REJECTED);
      return;
    }
    switch (authorized.decision()) {
      case AuthorizationDecision.Reject<?> reject ->
          call.rejectInvite(reject.status(), reject.reason(), CallEnd.Reason.REJECTED);
      case AuthorizationDecision.Drop<?> drop -> {
        call.env.sip().abandon(call.invite.transaction()); // or the stack itself says 100 Trying
        drop();
      }
      case AuthorizationDecision.Accept<?> accept -> onAccepted(accept.requiredCredentials(), accept.context());
    }
  }

  private void onAccepted(Optional<UserCredentials> credentials, Object context) {
    IncomingRequest invite = call.invite;
    if (call.env.settings().hideFromScanners()) {
      call.respond(invite.transaction(), OutgoingResponse.of(100));
    }
    if (credentials.isPresent() && !authenticated(credentials.get())) {
      return;
    }
    try {
      timerTerms = SessionTimerNegotiation.negotiate(invite.headers(), call.env.settings().sessionTimers());
    } catch (IllegalArgumentException e) {
      call.rejectInvite(RequestChecks.badRequest("Bad Request", e.getMessage()), CallEnd.Reason.REJECTED);
      return;
    }
    if (timerTerms instanceof SessionTimerTerms.TooSmall small) {
      call.rejectInvite(OutgoingResponse.of(422).withHeader("Min-SE", Long.toString(small.minimum().toSeconds())),
          CallEnd.Reason.REJECTED);
      return;
    }
    if (call.remoteOffer != null
        && MediaNegotiation.check(call.remoteOffer, call.env.settings().codecs())
            instanceof AnswerResult.NotAcceptable notAcceptable) {
      call.rejectInvite(Responses.notAcceptableHere(notAcceptable.reason()), CallEnd.Reason.MEDIA_NEGOTIATION);
      return;
    }
    call.state = new CallState.Dispatching();
    ask(() -> call.env.handler().dispatch(call.info, context, call))
        .whenComplete((decision, failure) -> call.post(new CallEvent.Dispatched(decision, failure)));
  }

  /** Digest check (RFC 3261 §22.2); answers 401/403/400 itself and returns false when not through. */
  private boolean authenticated(UserCredentials credentials) {
    IncomingRequest invite = call.invite;
    AuthOutcome outcome = call.env.authenticator().verify(
        invite.method(), invite.headers().values("Authorization"), credentials, invite.source().address());
    switch (outcome) {
      case AuthOutcome.Authenticated ignored -> {
        return true;
      }
      case AuthOutcome.Challenge challenge -> {
        OutgoingResponse response = OutgoingResponse.of(401);
        for (DigestChallenge digest : call.env.authenticator()
            .challenges(credentials.realm(), challenge.stale(), invite.source().address())) {
          response = response.withHeader("WWW-Authenticate", digest.headerValue());
        }
        call.rejectInvite(response, CallEnd.Reason.REJECTED);
      }
      case AuthOutcome.Forbidden ignored -> call.rejectInvite(403, "Forbidden", CallEnd.Reason.REJECTED);
      case AuthOutcome.Malformed malformed -> call.rejectInvite(
          RequestChecks.badRequest("Bad Authorization", malformed.reason()), CallEnd.Reason.REJECTED);
    }
    return false;
  }

  void onDispatched(CallEvent.Dispatched dispatched) {
    if (!(call.state instanceof CallState.Dispatching)) {
      // Cancelled meanwhile: a Join's listener must still hear the end, exactly once.
      if (dispatched.decision() instanceof DispatchDecision.Join join && call.state instanceof CallState.Ended ended) {
        join.listener().onEnded(ended.end());
      }
      return;
    }
    if (dispatched.failure() != null || dispatched.decision() == null) {
      call.rejectInvite(500, "Dispatch Failed", CallEnd.Reason.REJECTED);
      return;
    }
    switch (dispatched.decision()) {
      case DispatchDecision.Reject reject ->
          call.rejectInvite(reject.status(), reject.reason(), CallEnd.Reason.REJECTED);
      case DispatchDecision.Drop drop -> drop();
      case DispatchDecision.Join join -> onJoin(join);
    }
  }

  private void onJoin(DispatchDecision.Join join) {
    call.listener = join.listener();
    call.options = join.options();
    try {
      call.media = call.env.media().open(call.callId(), call.info);
    } catch (MediaUnavailableException | RuntimeException e) {
      call.rejectInvite(OutgoingResponse.of(503).withHeader("Retry-After", "5"), CallEnd.Reason.MEDIA_FAILURE);
      return;
    }
    // The call's codecs (trunk) narrowed to the server's sip.codecs, already checked before dispatch.
    call.negotiation.bind(mediaAddress(), call.media.localPort(),
        call.options.codecs().within(call.env.settings().codecs()));
    if (call.remoteOffer != null) {
      switch (call.negotiation.answer(call.remoteOffer)) {
        case AnswerResult.Answered answered -> localSdp = SdpWriter.write(answered.answer());
        case AnswerResult.NotAcceptable notAcceptable -> {
          call.rejectInvite(Responses.notAcceptableHere(notAcceptable.reason()), CallEnd.Reason.MEDIA_NEGOTIATION);
          return;
        }
      }
    } else {
      localSdp = SdpWriter.write(call.negotiation.offer());
    }
    call.respond(call.invite.transaction(), OutgoingResponse.of(180));
    call.state = new CallState.Ringing();
    Duration ringing = min(call.options.ringingTimeout(), call.env.settings().maxRingingTimeout());
    call.timers.arm(CallTimer.RINGING, ringing);
    ask(join::readyToAnswer).whenComplete((ignored, failure) -> call.post(new CallEvent.ReadyToAnswer(failure)));
  }

  void onReady(CallEvent.ReadyToAnswer ready) {
    if (!(call.state instanceof CallState.Ringing)) {
      return;
    }
    if (ready.failure() != null) {
      call.rejectInvite(480, "Temporarily Unavailable", CallEnd.Reason.NOT_ANSWERED);
      return;
    }
    call.timers.cancel(CallTimer.RINGING);
    OutgoingResponse ok = Responses.withCapabilities(OutgoingResponse.of(200)).withSdp(localSdp);
    if (timerTerms instanceof SessionTimerTerms.On on) {
      for (SipHeader header : on.responseHeaders()) {
        ok = ok.withHeader(header.name(), header.value());
      }
    }
    for (SipHeader header : call.options.answerHeaders()) {
      ok = ok.withHeader(header.name(), header.value());
    }
    call.respond(call.invite.transaction(), ok);
    call.dialog = call.invite.dialog();
    call.state = new CallState.AwaitingAck();
    if (call.remoteOffer != null) {
      call.media.update(call.negotiation.current()); // we may send as soon as our answer is out
    }
  }

  void onCancel(IncomingRequest cancel) {
    call.respondQuietly(cancel.transaction(), OutgoingResponse.of(200));
    if (call.isBeforeAnswer()) {
      call.rejectInvite(487, "Request Terminated", CallEnd.Reason.CANCELLED);
    }
  }

  void onRingingTimeout() {
    if (call.isBeforeAnswer()) {
      call.rejectInvite(480, "Temporarily Unavailable", CallEnd.Reason.NOT_ANSWERED);
    }
  }

  /** Sends nothing; the stack absorbs retransmissions until the transaction expires. */
  private void drop() {
    call.finish(new CallEnd(CallEnd.Reason.REJECTED, 0, "dropped"), false);
  }

  private String mediaAddress() {
    String address = call.media.localAddress();
    boolean unset = address == null || address.isBlank() || address.equals("0.0.0.0") || address.equals("::");
    return unset ? call.env.sip().advertisedAddress() : address;
  }

  /** A handler call that throws or returns null becomes a failed stage, so the INVITE still gets an answer. */
  private static <T> CompletionStage<T> ask(Supplier<CompletionStage<T>> question) {
    try {
      CompletionStage<T> answer = question.get();
      return answer != null ? answer : CompletableFuture.failedFuture(new NullPointerException("handler returned null"));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
