package io.switchboard.sip.room;

import io.switchboard.sip.inbound.CallControl;
import io.switchboard.sip.inbound.DispatchDecision;
import io.switchboard.sip.inbound.InviteInfo;
import io.switchboard.sip.pin.LobbyExit;
import io.switchboard.sip.pin.LobbyListener;
import io.switchboard.sip.pin.LobbyTicker;
import io.switchboard.sip.pin.PinCheck;
import io.switchboard.sip.pin.PinLobby;
import io.switchboard.trunk.match.Dispatch;
import io.switchboard.trunk.match.InboundCall;
import io.switchboard.trunk.model.InboundTrunk;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls whose rule wants a PIN (LiveKit's {@code pinPrompt}): the call is answered at once
 * without joining anything, waits in a {@link PinLobby}, and joins the room the PIN opens with
 * the attributes it would have had without a PIN ({@code sip.callStatus} already
 * {@code active}), and the rule's agents are dispatched there; or it is hung up.
 */
final class PinLobbies {
  private static final Logger log = LoggerFactory.getLogger(PinLobbies.class);

  private final LobbyRuntime runtime;
  private final PinRules rules;
  private final RoomEntry entry;
  private final CallRegistry calls;
  private final AgentArrival agents;

  PinLobbies(LobbyRuntime runtime, PinRules rules, RoomEntry entry, CallRegistry calls, AgentArrival agents) {
    this.runtime = runtime;
    this.rules = rules;
    this.entry = entry;
    this.calls = calls;
    this.agents = agents;
  }

  /**
   * Takes the call into a lobby. The decision's readiness is already complete: the SIP layer
   * answers right away, so the caller can hear the prompt and key the PIN.
   */
  DispatchDecision open(
      InviteInfo invite, InboundTrunk trunk, InboundCall call, CallControl control, Dispatch.RequestPin request,
      String callId) {
    RoomCall roomCall = new RoomCall(invite.callId(), trunk.id(), control, calls);
    PinCheck<Dispatch.Route> check =
        digits -> CompletableFuture.supplyAsync(() -> rules.check(trunk, call, digits), runtime.work());
    LobbyListener<Dispatch.Route> outcome =
        new LobbyListener<>() {
          @Override
          public void onAdmitted(Dispatch.Route route) {
            runtime.work().execute(() -> admit(roomCall, callId, invite, route));
          }

          @Override
          public void onTurnedAway(LobbyExit exit) {
            control.hangup();
          }
        };
    PinLobby<Dispatch.Route> lobby =
        new PinLobby<>(invite.callId(), runtime.policy(), runtime.cues(), runtime.clock(), roomCall.media(),
            roomCall.media(), check, outcome);
    roomCall.waitInLobby(lobby, LobbyTicker.start(runtime.ticks(), lobby::tick, control::hangup));
    calls.add(roomCall);
    log.info(
        "call waits for a PIN call_id={} trunk={} rule={}", invite.callId(), trunk.id(), request.ruleId());
    return new DispatchDecision.Join(
        CompletableFuture.completedFuture(null), SipCallOptions.of(request.options()), roomCall);
  }

  private void admit(RoomCall roomCall, String callId, InviteInfo invite, Dispatch.Route route) {
    switch (entry.enter(roomCall, callId, invite, route, "active")) {
      // Already answered: the agents join as soon as they can (AgentArrival logs a failure).
      case RoomEntry.Result.Joined joined -> agents.dispatch(invite.callId(), route);
      case RoomEntry.Result.Refused refused -> {
        log.warn(
            "admitted caller could not join call_id={} room={}: {} {}",
            invite.callId(), route.roomName(), refused.status(), refused.reason());
        roomCall.control().hangup();
      }
    }
  }
}
