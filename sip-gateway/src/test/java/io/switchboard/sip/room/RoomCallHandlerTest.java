package io.switchboard.sip.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.testing.MutableClock;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import io.switchboard.sip.inbound.AuthorizationDecision;
import io.switchboard.sip.inbound.CallControl;
import io.switchboard.sip.inbound.CallParty;
import io.switchboard.sip.inbound.DispatchDecision;
import io.switchboard.sip.inbound.InviteInfo;
import io.switchboard.sip.pin.PinPolicy;
import io.switchboard.sip.pin.ToneCues;
import io.switchboard.sip.transport.Peer;
import io.switchboard.sip.transport.SipHeaders;
import io.switchboard.sip.transport.TransportProtocol;
import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.RoomAgentDispatch;
import io.switchboard.trunk.model.RoomConfiguration;
import io.switchboard.trunk.model.RoomRule;
import io.switchboard.trunk.store.FileConfigStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing against a real store and real rooms: a rule naming agents is answered only when they
 * listen, and development mode's rule takes calls only while no inbound trunk exists. The agent
 * runtime is played by a recording {@link RoomAgents} (the server's real one is tested end to end).
 */
class RoomCallHandlerTest {
  private static final String NUMBER = "+15550100";
  private static final String CALLER = "+14155550123";

  @TempDir Path dir;
  private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final RecordingAgents agents = new RecordingAgents();
  private FileConfigStore store;
  private RoomManager rooms;

  /** Records dispatches and answers each with a future the test completes. */
  private static final class RecordingAgents implements RoomAgents {
    final List<String> dispatched = new java.util.concurrent.CopyOnWriteArrayList<>();
    final CompletableFuture<Void> arrival = new CompletableFuture<>();
    final List<String> automatic = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The room's automatic agents: none unless a test says otherwise. */
    volatile CompletableFuture<Void> automaticArrival = CompletableFuture.completedFuture(null);

    @Override
    public CompletionStage<Void> dispatch(String roomName, List<RoomAgentDispatch> named) {
      dispatched.add(roomName + " " + named.stream().map(RoomAgentDispatch::agentName).toList());
      return arrival;
    }

    @Override
    public CompletionStage<Void> automatic(String roomName) {
      automatic.add(roomName);
      return automaticArrival;
    }
  }

  @BeforeEach
  void start() throws Exception {
    store = new FileConfigStore(dir, clock);
    rooms = new RoomManager(clock, ticks, Runnable::run, Runnable::run, RoomOptions.UNSET, new SplittableRandom(3));
  }

  @AfterEach
  void stop() {
    rooms.close();
    store.close();
    ticks.shutdownNow();
  }

  private RoomCallHandler handler(Optional<DispatchRule> whileNoTrunks) {
    var lobby = new LobbyRuntime(PinPolicy.defaults(), new ToneCues(), clock, ticks, Runnable::run);
    return new RoomCallHandler(store, rooms, new CallRegistry(), new SplittableRandom(5), false, lobby, agents, whileNoTrunks);
  }

  private static InviteInfo invite(String called) {
    CallParty caller = new CallParty("", "sip:" + CALLER + "@carrier.example", CALLER);
    CallParty callee = new CallParty("", "sip:" + called + "@gw.example", called);
    return new InviteInfo("c-1@carrier", "sip:" + called + "@gw.example", caller, callee, caller, List.of(),
        new Peer("127.0.0.1", 5060, TransportProtocol.UDP), SipHeaders.of());
  }

  private static final CallControl CONTROL = new RecordingControl("c-1@carrier");

  private DispatchDecision.Join call(RoomCallHandler handler, String called) throws Exception {
    var accepted = assertInstanceOf(AuthorizationDecision.Accept.class,
        handler.authorize(invite(called)).toCompletableFuture().get());
    DispatchDecision decision =
        handler.dispatch(invite(called), (InboundTrunk) accepted.context(), CONTROL).toCompletableFuture().get();
    return assertInstanceOf(DispatchDecision.Join.class, decision);
  }

  private void trunkAndRule(RoomConfiguration roomConfig) {
    InboundTrunk trunk = store.createInboundTrunk(InboundTrunk.builder().name("carrier").numbers(NUMBER).build());
    store.createDispatchRule(DispatchRule.builder().name("front desk").rule(new RoomRule.Direct("front-desk", ""))
        .trunkIds(trunk.id()).roomConfig(roomConfig).build());
  }

  @Test
  void aRuleNamingAgentsIsAnsweredOnlyOnceTheyListen() throws Exception {
    trunkAndRule(RoomConfiguration.withAgents(new RoomAgentDispatch("receptionist", "", Map.of("desk", "1"))));
    DispatchDecision.Join join = call(handler(Optional.empty()), NUMBER);

    assertEquals(List.of("front-desk [receptionist]"), agents.dispatched);
    ParticipantInfo caller = rooms.room("front-desk").orElseThrow().participant("sip_" + CALLER).orElseThrow();
    assertEquals("ringing", caller.attributes().get("sip.callStatus"), "the caller waits in the room");
    CompletableFuture<Void> ready = join.readyToAnswer().toCompletableFuture();
    assertFalse(ready.isDone(), "not answered before the agents listen");
    agents.arrival.complete(null);
    assertTrue(ready.isDone() && !ready.isCompletedExceptionally());
  }

  @Test
  void anAgentThatCannotJoinLeavesTheCallUnanswered() throws Exception {
    trunkAndRule(RoomConfiguration.withAgents(new RoomAgentDispatch("nobody")));
    DispatchDecision.Join join = call(handler(Optional.empty()), NUMBER);
    agents.arrival.completeExceptionally(new IllegalArgumentException("no agent named 'nobody' is registered (known: [demo])"));
    var failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> join.readyToAnswer().toCompletableFuture().get());
    assertEquals("no agent named 'nobody' is registered (known: [demo])", failure.getCause().getMessage());
  }

  @Test
  void aRuleWithoutAgentsIsAnsweredAtOnce() throws Exception {
    trunkAndRule(RoomConfiguration.builder().maxParticipants(5).build());
    DispatchDecision.Join join = call(handler(Optional.empty()), NUMBER);
    assertTrue(join.readyToAnswer().toCompletableFuture().isDone());
    assertEquals(List.of(), agents.dispatched);
  }

  @Test
  void aRuleWithoutAgentsWaitsForTheRoomsAutomaticAgent() throws Exception {
    agents.automaticArrival = new CompletableFuture<>();
    trunkAndRule(RoomConfiguration.builder().maxParticipants(5).build());
    DispatchDecision.Join join = call(handler(Optional.empty()), NUMBER);

    assertEquals(List.of("front-desk"), agents.automatic);
    assertEquals(List.of(), agents.dispatched, "no named agent is dispatched");
    CompletableFuture<Void> ready = join.readyToAnswer().toCompletableFuture();
    assertFalse(ready.isDone(), "not answered before the automatic agent listens");
    agents.automaticArrival.complete(null);
    assertTrue(ready.isDone() && !ready.isCompletedExceptionally());
  }

  @Test
  void theDevelopmentRuleTakesAnyCallOnlyWhileNoTrunkExists() throws Exception {
    DispatchRule demo = DispatchRule.builder().name("dev").rule(new RoomRule.Individual("call", "", false))
        .roomConfig(RoomConfiguration.withAgents(new RoomAgentDispatch("demo"))).build();
    RoomCallHandler handler = handler(Optional.of(demo));

    DispatchDecision.Join join = call(handler, "anything");
    assertEquals(1, agents.dispatched.size());
    String room = agents.dispatched.getFirst().split(" ")[0];
    assertTrue(room.startsWith("call_" + CALLER + "_"), "a room of its own per call: " + room);
    assertEquals(List.of(room + " [demo]"), agents.dispatched);
    ParticipantInfo caller = rooms.room(room).orElseThrow().participant("sip_" + CALLER).orElseThrow();
    assertEquals("", caller.attributes().get("sip.trunkID"));
    assertFalse(join.readyToAnswer().toCompletableFuture().isDone());

    store.createInboundTrunk(InboundTrunk.builder().name("carrier").numbers(NUMBER).build());
    var refused = handler.authorize(invite("anything")).toCompletableFuture().get();
    assertEquals(new AuthorizationDecision.Reject<>(404, "No Matching Trunk"), refused, "trunks decide once one exists");
  }

  @Test
  void withoutTheDevelopmentRuleACallWithoutTrunksIsRefused() throws Exception {
    var refused = handler(Optional.empty()).authorize(invite("anything")).toCompletableFuture().get();
    assertEquals(new AuthorizationDecision.Reject<>(404, "No Matching Trunk"), refused);
    assertEquals(List.of(), agents.dispatched);
  }
}
