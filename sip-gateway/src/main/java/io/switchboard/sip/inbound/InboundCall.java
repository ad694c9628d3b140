package io.switchboard.sip.inbound;

import io.switchboard.media.dtmf.DtmfDigit;
import io.switchboard.sip.incall.DialogRequests;
import io.switchboard.sip.incall.TransferOutcome;
import io.switchboard.sip.incall.TransferRequest;
import io.switchboard.sip.sdp.SessionDescription;
import io.switchboard.sip.transport.ClientTransactionHandle;
import io.switchboard.sip.transport.DialogHandle;
import io.switchboard.sip.transport.IncomingRequest;
import io.switchboard.sip.transport.OutgoingRequest;
import io.switchboard.sip.transport.OutgoingResponse;
import io.switchboard.sip.transport.ServerTransactionHandle;
import io.switchboard.sip.transport.SipEvent;
import io.switchboard.sip.transport.SipSendException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound call, from INVITE to the end of its dialog. Every event is handled on the call's
 * serial executor (keyed by Call-ID), so the state needs no locks. The stages live in
 * {@link InvitePhase} (before answer), {@link DialogPhase} (in-dialog requests) and
 * {@link SessionRefresh} (RFC 4028); this class holds the state and the ways a call ends.
 */
final class InboundCall implements CallControl {
  private static final Logger log = LoggerFactory.getLogger(InboundCall.class);

  final CallEnvironment env;
  final IncomingRequest invite;
  final CallTimers timers;
  final MediaNegotiation negotiation;
  final InvitePhase invitePhase = new InvitePhase(this);
  final DialogPhase dialogPhase = new DialogPhase(this);
  final SessionRefresh refresh = new SessionRefresh(this);
  /** INFO (DTMF), and REFER with its NOTIFYs (transfers). */
  final DialogRequests inDialog;

  CallState state = new CallState.Authorizing();
  InviteInfo info;
  /** The offer in the INVITE; null for a late offer. */
  SessionDescription remoteOffer;
  CallOptions options;
  CallListener listener;
  MediaSession media;
  DialogHandle dialog;
  ClientTransactionHandle bye;
  /** hangup() came while our 200 OK was unacknowledged: BYE once the ACK arrives (RFC 3261 §15). */
  boolean hangupAfterAck;

  InboundCall(CallEnvironment env, IncomingRequest invite) {
    this.env = env;
    this.invite = invite;
    this.timers = new CallTimers(env.scheduler(), this::post);
    this.negotiation = new MediaNegotiation(
        Long.toString(ThreadLocalRandom.current().nextLong(1, 1L << 53)), env.settings().codecs());
    this.inDialog = new DialogRequests(env.sip(), env.scheduler(),
        task -> env.executor().execute(invite.callId(), task), new InboundDialogOwner(this));
  }

  @Override
  public String callId() {
    return invite.callId();
  }

  @Override
  public void hangup() {
    post(new CallEvent.HangupRequested());
  }

  @Override
  public CompletionStage<TransferOutcome> transfer(TransferRequest request) {
    return inDialog.transfer(request);
  }

  @Override
  public void sendDtmfInfo(DtmfDigit digit) {
    inDialog.sendDtmfInfo(digit);
  }

  /** Queues an event on this call's executor. */
  void post(CallEvent event) {
    env.executor().execute(callId(), () -> onEvent(event));
  }

  void start() {
    onEvent(new CallEvent.Sip(new SipEvent.RequestReceived(invite)));
  }

  /** Handles one event; must run on the call's executor. */
  void onEvent(CallEvent event) {
    try {
      switch (event) {
        case CallEvent.Sip sip -> onSip(sip.event());
        case CallEvent.Authorized authorized -> invitePhase.onAuthorized(authorized);
        case CallEvent.Dispatched dispatched -> invitePhase.onDispatched(dispatched);
        case CallEvent.ReadyToAnswer ready -> invitePhase.onReady(ready);
        case CallEvent.TimerFired fired -> {
          if (timers.isCurrent(fired)) {
            onTimer(fired.timer());
          }
        }
        case CallEvent.HangupRequested ignored -> hangupNow();
        case CallEvent.ServerStopping ignored -> stopNow();
      }
    } catch (SipSendException e) {
      log.warn("call {}: {}", callId(), e.getMessage(), e.getCause());
      finish(new CallEnd(CallEnd.Reason.SIGNALLING_FAILURE, 0, e.getMessage()), false);
    } catch (RuntimeException e) {
      log.error("call {}: failed handling {}", callId(), event, e);
      if (isBeforeAnswer()) {
        answerQuietly(OutgoingResponse.of(500));
      }
      finish(new CallEnd(CallEnd.Reason.SIGNALLING_FAILURE, 0, String.valueOf(e.getMessage())), false);
    }
  }

  private void onSip(SipEvent event) {
    switch (event) {
      case SipEvent.RequestReceived received -> onRequest(received.request());
      case SipEvent.ResponseReceived received -> {
        if (!inDialog.onResponse(received.response())) {
          refresh.onResponse(received.response());
        }
      }
      case SipEvent.ClientTransactionTimedOut timedOut -> {
        if (!inDialog.onTimeout(timedOut.transaction())) {
          refresh.onTimeout(timedOut.transaction());
        }
      }
      case SipEvent.ServerTransactionTimedOut timedOut -> {
        if (isBeforeAnswer() && timedOut.transaction().equals(invite.transaction())) {
          finish(new CallEnd(CallEnd.Reason.SIGNALLING_FAILURE, 0, "INVITE transaction expired"), false);
        }
      }
      case SipEvent.AckNotReceived ignored -> {
        if (state instanceof CallState.AwaitingAck) {
          sendBye();
          finish(new CallEnd(CallEnd.Reason.ACK_TIMEOUT, 0, "no ACK for our 200 OK"), true);
        }
      }
      case SipEvent.DialogTerminated ignored -> {
        if (state instanceof CallState.Active || state instanceof CallState.AwaitingAck) {
          finish(new CallEnd(CallEnd.Reason.SIGNALLING_FAILURE, 0, "dialog terminated by the stack"), false);
        }
      }
    }
  }

  private void onRequest(IncomingRequest request) {
    switch (request.method()) {
      case "INVITE" -> {
        if (request == invite) {
          invitePhase.start();
        } else if (request.isInDialog()) {
          dialogPhase.onReinvite(request);
        } else {
          // A second dialog-less INVITE with our Call-ID: a loop or a merged fork (RFC 3261 §8.2.2.2).
          respond(request.transaction(), OutgoingResponse.of(482));
        }
      }
      case "CANCEL" -> invitePhase.onCancel(request);
      case "ACK" -> dialogPhase.onAck(request);
      case "BYE" -> dialogPhase.onBye(request);
      case "UPDATE" -> dialogPhase.onUpdate(request);
      case "INFO", "NOTIFY" -> {
        if (request.isInDialog() && !(state instanceof CallState.Ending || state instanceof CallState.Ended)) {
          inDialog.onRequest(request);
        } else {
          respond(request.transaction(), OutgoingResponse.of(481));
        }
      }
      case "OPTIONS" -> respond(request.transaction(), Responses.withCapabilities(OutgoingResponse.of(200)));
      default -> respond(request.transaction(), Responses.withCapabilities(OutgoingResponse.of(405)));
    }
  }

  private void onTimer(CallTimer timer) {
    switch (timer) {
      case RINGING -> invitePhase.onRingingTimeout();
      case MAX_DURATION -> {
        if (state instanceof CallState.Active) {
          sendBye();
          finish(new CallEnd(CallEnd.Reason.MAX_DURATION, 0, "maximum call duration reached"), true);
        }
      }
      case SESSION_REFRESH, REFRESH_RETRY -> refresh.onRefreshDue();
      case SESSION_EXPIRY -> refresh.onExpired();
    }
  }

  private void hangupNow() {
    switch (state) {
      case CallState.Authorizing a -> rejectInvite(603, "Decline", CallEnd.Reason.LOCAL_HANGUP);
      case CallState.Dispatching d -> rejectInvite(603, "Decline", CallEnd.Reason.LOCAL_HANGUP);
      case CallState.Ringing r -> rejectInvite(603, "Decline", CallEnd.Reason.LOCAL_HANGUP);
      case CallState.AwaitingAck a -> hangupAfterAck = true;
      case CallState.Active a -> {
        sendBye();
        finish(new CallEnd(CallEnd.Reason.LOCAL_HANGUP, 0, "hung up by the room"), true);
      }
      case CallState.Ending e -> { }
      case CallState.Ended e -> { }
    }
  }

  private void stopNow() {
    switch (state) {
      case CallState.Authorizing a -> rejectInvite(503, "Service Unavailable", CallEnd.Reason.SERVER_STOPPED);
      case CallState.Dispatching d -> rejectInvite(503, "Service Unavailable", CallEnd.Reason.SERVER_STOPPED);
      case CallState.Ringing r -> rejectInvite(503, "Service Unavailable", CallEnd.Reason.SERVER_STOPPED);
      case CallState.AwaitingAck a -> {
        sendBye();
        finish(new CallEnd(CallEnd.Reason.SERVER_STOPPED, 0, "server stopping"), true);
      }
      case CallState.Active a -> {
        sendBye();
        finish(new CallEnd(CallEnd.Reason.SERVER_STOPPED, 0, "server stopping"), true);
      }
      case CallState.Ending e -> forget(e.end());
      case CallState.Ended e -> { }
    }
  }

  boolean isBeforeAnswer() {
    return state instanceof CallState.Authorizing || state instanceof CallState.Dispatching
        || state instanceof CallState.Ringing;
  }

  private void answerQuietly(OutgoingResponse response) {
    respondQuietly(invite.transaction(), response);
  }

  /**
   * For responses whose loss changes nothing (200 to a BYE or CANCEL: the peer is leaving either
   * way). A TCP peer that closes right after reading our 200 can make the stack report a failure.
   */
  void respondQuietly(ServerTransactionHandle transaction, OutgoingResponse response) {
    try {
      respond(transaction, response);
    } catch (RuntimeException e) {
      log.debug("call {}: could not send {}", callId(), response.status(), e);
    }
  }

  void respond(ServerTransactionHandle transaction, OutgoingResponse response) {
    env.sip().respond(transaction, response);
  }

  /** Final response to the INVITE and the end of the call. */
  void rejectInvite(int status, String reason, CallEnd.Reason why) {
    respond(invite.transaction(), OutgoingResponse.of(status, reason));
    finish(new CallEnd(why, status, reason == null ? "" : reason), false);
  }

  void rejectInvite(OutgoingResponse response, CallEnd.Reason why) {
    respond(invite.transaction(), response);
    finish(new CallEnd(why, response.status(), response.reason() == null ? "" : response.reason()), false);
  }

  void sendBye() {
    if (dialog != null && bye == null) {
      bye = env.sip().sendInDialog(dialog, OutgoingRequest.of("BYE"));
    }
  }

  /**
   * Ends the call once: timers off, media closed, listener told. With a BYE outstanding the call
   * stays known until its response (to answer it and a crossing BYE); otherwise it is forgotten.
   */
  void finish(CallEnd end, boolean byeSent) {
    if (state instanceof CallState.Ending || state instanceof CallState.Ended) {
      return;
    }
    timers.cancelAll();
    inDialog.callEnded();
    if (media != null) {
      try {
        media.close();
      } catch (RuntimeException e) {
        log.warn("call {}: closing media failed", callId(), e);
      }
    }
    if (listener != null) {
      try {
        listener.onEnded(end);
      } catch (RuntimeException e) {
        log.warn("call {}: listener failed on end", callId(), e);
      }
    }
    log.debug("call {} ended: {}", callId(), end);
    if (byeSent && bye != null) {
      state = new CallState.Ending(end);
    } else {
      forget(end);
    }
  }

  void forget(CallEnd end) {
    state = new CallState.Ended(end);
    env.onForgotten().accept(this);
  }
}
