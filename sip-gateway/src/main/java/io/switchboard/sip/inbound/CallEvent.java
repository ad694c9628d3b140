package io.switchboard.sip.inbound;

import io.switchboard.sip.transport.SipEvent;

/** Everything that can happen to a call, handled one at a time on its executor. */
sealed interface CallEvent {
  record Sip(SipEvent event) implements CallEvent {}

  record Authorized(AuthorizationDecision<?> decision, Throwable failure) implements CallEvent {}

  record Dispatched(DispatchDecision decision, Throwable failure) implements CallEvent {}

  record ReadyToAnswer(Throwable failure) implements CallEvent {}

  record TimerFired(CallTimer timer, long generation) implements CallEvent {}

  record HangupRequested() implements CallEvent {}

  record ServerStopping() implements CallEvent {}
}
