package io.switchboard.sip.inbound;

import java.util.concurrent.CompletionStage;

/**
 * The routing side of inbound calls (trunk matching, dispatch rules, rooms). The gateway asks it
 * twice per INVITE: whether to take the call at all, and where to send it once authenticated.
 * Both may answer asynchronously; meanwhile the call keeps handling CANCEL and timers.
 *
 * @param <C> what authorization hands to dispatch (the matched trunk, say)
 */
public interface InboundCallHandler<C> {
  /** First look at an INVITE: accept (maybe requiring digest credentials), reject or drop. */
  CompletionStage<AuthorizationDecision<C>> authorize(InviteInfo invite);

  /** The INVITE passed authorization (and digest auth if required): where does it go? */
  CompletionStage<DispatchDecision> dispatch(InviteInfo invite, C context, CallControl call);
}
