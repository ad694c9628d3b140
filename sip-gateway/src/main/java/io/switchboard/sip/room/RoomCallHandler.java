package io.switchboard.sip.room;

import io.switchboard.sfu.room.Ids;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sip.auth.UserCredentials;
import io.switchboard.sip.inbound.AuthorizationDecision;
import io.switchboard.sip.inbound.CallControl;
import io.switchboard.sip.inbound.DispatchDecision;
import io.switchboard.sip.inbound.InboundCallHandler;
import io.switchboard.sip.inbound.InviteInfo;
import io.switchboard.trunk.match.Dispatch;
import io.switchboard.trunk.match.DispatchEvaluator;
import io.switchboard.trunk.match.DispatchRuleSelector;
import io.switchboard.trunk.match.InboundCall;
import io.switchboard.trunk.match.PinEntry;
import io.switchboard.trunk.match.RuleSelection;
import io.switchboard.trunk.match.SipUris;
import io.switchboard.trunk.match.TrunkMatch;
import io.switchboard.trunk.match.TrunkMatcher;
import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.store.ConfigStore;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, from the stored trunks and dispatch rules, whether an INVITE is taken and which room
 * it joins, then joins it; a rule with a PIN sends the call to a PIN lobby first
 * ({@link PinLobbies}). Nothing rings before a trunk has accepted the call (and its digest
 * credentials, when it has some, have been checked by the SIP layer). A rule whose room
 * configuration names agents has the call answered only once they listen ({@link AgentArrival}).
 *
 * <p>Development mode may give a rule for calls while no inbound trunk exists at all: every call
 * is then taken and routed by it. Once a trunk exists, trunks and their rules decide again.
 */
public final class RoomCallHandler implements InboundCallHandler<InboundTrunk> {
  private static final Logger log = LoggerFactory.getLogger(RoomCallHandler.class);
  private static final String DEFAULT_REALM = "switchboard";

  private final ConfigStore store;
  private final CallRegistry calls;
  private final DispatchEvaluator evaluator;
  private final RoomEntry entry;
  private final PinLobbies lobbies;
  private final AgentArrival agents;
  private final Ids ids;
  private final boolean hideInboundPort;
  private final Optional<DispatchRule> whileNoTrunks;
  /** Stands for "no trunk" in a call taken by {@link #whileNoTrunks}; recognised by identity. */
  private final InboundTrunk noTrunk = InboundTrunk.builder().name("(no inbound trunk configured)").build();

  /**
   * @param lobby where callers wait for their PIN when a rule has one
   * @param agents dispatches the agents a rule's room configuration names
   * @param whileNoTrunks routes every call while no inbound trunk is configured (development
   *     mode only); empty refuses such calls as LiveKit does
   */
  public RoomCallHandler(
      ConfigStore store, RoomManager rooms, CallRegistry calls, RandomGenerator random, boolean hideInboundPort,
      LobbyRuntime lobby, RoomAgents agents, Optional<DispatchRule> whileNoTrunks) {
    this(store, rooms, calls, random, hideInboundPort, lobby, agents, whileNoTrunks, NoiseSuppression.NONE);
  }

  /** @param noise cleans the caller's audio for trunks and rules with {@code krisp_enabled} */
  public RoomCallHandler(
      ConfigStore store, RoomManager rooms, CallRegistry calls, RandomGenerator random, boolean hideInboundPort,
      LobbyRuntime lobby, RoomAgents agents, Optional<DispatchRule> whileNoTrunks, NoiseSuppression noise) {
    this.store = store;
    this.calls = calls;
    this.evaluator = new DispatchEvaluator(random);
    this.entry = new RoomEntry(rooms, Objects.requireNonNull(noise, "noise (NoiseSuppression.NONE for none)"));
    this.agents = new AgentArrival(Objects.requireNonNull(agents, "agents (RoomAgents.NONE for none)"));
    this.lobbies = new PinLobbies(lobby, new PinRules(store, evaluator), entry, calls, this.agents);
    this.ids = new Ids(random);
    this.hideInboundPort = hideInboundPort;
    this.whileNoTrunks = Objects.requireNonNull(whileNoTrunks, "whileNoTrunks");
  }

  @Override
  public CompletionStage<AuthorizationDecision<InboundTrunk>> authorize(InviteInfo invite) {
    InboundCall call = inboundCall(invite);
    TrunkMatch match = TrunkMatcher.match(store.snapshot().inboundTrunks(), call);
    AuthorizationDecision<InboundTrunk> decision =
        switch (match) {
          case TrunkMatch.Matched matched -> accept(matched.trunk());
          case TrunkMatch.NoTrunk none when !none.anyTrunkDefined() && whileNoTrunks.isPresent() -> {
            log.info(
                "no inbound trunks are configured: development mode takes call_id={} from={} to={}",
                invite.callId(), call.callerNumber(), call.calledNumber());
            yield AuthorizationDecision.Accept.withoutCredentials(noTrunk);
          }
          case TrunkMatch.NoTrunk none -> {
            log.warn(
                "no trunk matches call_id={} from={} to={} source={}{}",
                invite.callId(), call.callerNumber(), call.calledNumber(), invite.source().address(),
                none.anyTrunkDefined() ? "" : " (no inbound trunks are configured)");
            yield hideInboundPort
                ? new AuthorizationDecision.Drop<>()
                : new AuthorizationDecision.Reject<>(404, "No Matching Trunk");
          }
          case TrunkMatch.Conflict conflict -> {
            log.error(
                "several trunks match call_id={} to={} trunks={}: fix the trunk configuration",
                invite.callId(), call.calledNumber(), conflict.trunks().stream().map(InboundTrunk::id).toList());
            yield new AuthorizationDecision.Reject<>(500, "Ambiguous Trunk Configuration");
          }
        };
    return CompletableFuture.completedFuture(decision);
  }

  private static AuthorizationDecision<InboundTrunk> accept(InboundTrunk trunk) {
    if (trunk.authUsername().isEmpty()) {
      return AuthorizationDecision.Accept.withoutCredentials(trunk);
    }
    String realm = trunk.authRealm().isEmpty() ? DEFAULT_REALM : trunk.authRealm();
    return AuthorizationDecision.Accept.withCredentials(
        new UserCredentials(trunk.authUsername(), trunk.authPassword(), realm), trunk);
  }

  @Override
  public CompletionStage<DispatchDecision> dispatch(InviteInfo invite, InboundTrunk trunk, CallControl control) {
    InboundCall call = inboundCall(invite);
    if (trunk == noTrunk && whileNoTrunks.isPresent()) {
      return CompletableFuture.completedFuture(
          route(invite, trunk, call, control,
              evaluator.evaluate(null, whileNoTrunks.get(), call, new PinEntry.NotAsked())));
    }
    RuleSelection selection =
        DispatchRuleSelector.select(trunk, store.snapshot().dispatchRules(), call, new PinEntry.NotAsked());
    DispatchDecision decision =
        switch (selection) {
          case RuleSelection.Selected selected ->
              route(invite, trunk, call, control,
                  evaluator.evaluate(trunk, selected.rule(), call, new PinEntry.NotAsked()));
          case RuleSelection.NoRule none -> {
            log.warn("no dispatch rule matches call_id={} trunk={} to={}", invite.callId(), trunk.id(), call.calledNumber());
            yield hideInboundPort ? new DispatchDecision.Drop() : new DispatchDecision.Reject(404, "No Dispatch Rule");
          }
          case RuleSelection.Conflict conflict -> {
            log.error("several dispatch rules match call_id={} trunk={}: fix the rules", invite.callId(), trunk.id());
            yield new DispatchDecision.Reject(500, "Ambiguous Dispatch Rules");
          }
        };
    return CompletableFuture.completedFuture(decision);
  }

  private DispatchDecision route(
      InviteInfo invite, InboundTrunk trunk, InboundCall call, CallControl control, Dispatch dispatch) {
    String callId = ids.next("SCL_");
    return switch (dispatch) {
      case Dispatch.Route route -> join(invite, trunk, control, route, callId);
      case Dispatch.RequestPin pin -> lobbies.open(invite, trunk, call, control, pin, callId);
      case Dispatch.WrongPin wrong -> new DispatchDecision.Reject(403, "Wrong PIN"); // no PIN was asked yet
    };
  }

  private DispatchDecision join(
      InviteInfo invite, InboundTrunk trunk, CallControl control, Dispatch.Route route, String callId) {
    RoomCall roomCall = new RoomCall(invite.callId(), trunk.id(), control, calls);
    return switch (entry.enter(roomCall, callId, invite, route, "ringing")) {
      case RoomEntry.Result.Joined joined -> {
        calls.add(roomCall);
        yield new DispatchDecision.Join(
            agents.dispatch(invite.callId(), route), SipCallOptions.of(route.options()), roomCall);
      }
      case RoomEntry.Result.Refused refused -> new DispatchDecision.Reject(refused.status(), refused.reason());
    };
  }

  private static InboundCall inboundCall(InviteInfo invite) {
    InetAddress source;
    try {
      source = InetAddress.ofLiteral(invite.source().address());
    } catch (IllegalArgumentException e) {
      try {
        source = InetAddress.getByName(invite.source().address());
      } catch (UnknownHostException unknown) {
        throw new IllegalArgumentException("unusable source address " + invite.source().address(), unknown);
      }
    }
    String called = invite.called();
    String caller = invite.callerNumber().isEmpty() ? invite.caller().user() : invite.callerNumber();
    return new InboundCall(called, caller, source, SipUris.hostPart(invite.from().uri()).orElse(""));
  }
}
