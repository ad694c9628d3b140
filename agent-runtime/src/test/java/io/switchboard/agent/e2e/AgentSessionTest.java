package io.switchboard.agent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.agent.Agent;
import io.switchboard.agent.AgentEvent;
import io.switchboard.agent.AgentModels;
import io.switchboard.agent.AgentRegistry;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.SpeechHandle;
import io.switchboard.agent.llm.ChatItem;
import io.switchboard.agent.llm.LanguageModel;
import io.switchboard.agent.llm.LlmRequest;
import io.switchboard.agent.llm.ScriptedLanguageModel;
import io.switchboard.agent.llm.ScriptedReply;
import io.switchboard.agent.tool.FunctionTool;
import io.switchboard.agent.tool.RunContext;
import io.switchboard.agent.tts.freetts.FreeTtsTextToSpeech;
import io.switchboard.agent.vad.EnergyVad;
import io.switchboard.media.testing.PcmRecorder;
import io.switchboard.media.testing.SignalMetrics;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** say(), handoff between agents with the chat carried over, per-agent models, the registry. */
class AgentSessionTest {
  private static FreeTtsTextToSpeech tts;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final List<AgentEvent> events = new CopyOnWriteArrayList<>();
  private final PcmRecorder ear = new PcmRecorder(16_000);
  private Room room;

  @BeforeAll
  static void voice() {
    tts = new FreeTtsTextToSpeech();
  }

  @AfterAll
  static void unload() {
    tts.close();
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    executor.shutdownNow();
  }

  static final class Billing extends Agent {
    final List<LlmRequest> requests = new CopyOnWriteArrayList<>();

    Billing(LanguageModel script, List<LlmRequest> seen) {
      super("You handle invoices.", new AgentModels((request, out) -> {
        seen.add(request);
        script.chat(request, out);
      }, null));
    }

    @Override
    public void onEnter(AgentSession session) {
      session.generateReply("introduce yourself");
    }
  }

  static final class Receptionist extends Agent {
    private final Agent billing;

    Receptionist(Agent billing) {
      super("You are the receptionist.");
      this.billing = billing;
    }

    @FunctionTool("Transfer the caller to the billing team")
    Agent transferToBilling(RunContext context) {
      assertEquals("transfer_to_billing", context.call().name());
      return billing;
    }
  }

  private AgentSession session(LanguageModel llm) {
    RoomManager rooms = new RoomManager(Clock.systemUTC(), scheduler, Runnable::run, executor, RoomOptions.UNSET, new Random(2));
    room = rooms.getOrCreate("test-room", RoomOptions.UNSET);
    LocalParticipant caller = room.join(new ParticipantSpec("caller", "", ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE);
    caller.subscribeMix(ear);
    AgentSession session = AgentSession.builder().vad(new EnergyVad()).stt(SharedSphinx.get()).llm(llm).tts(tts).executor(executor).build();
    session.addListener(events::add);
    return session;
  }

  private void playOut(SpeechHandle speech) throws Exception {
    speech.synthesized().get(30, TimeUnit.SECONDS);
    for (int i = 0; i < 50 * 30 && !speech.done().isDone(); i++) {
      room.tick();
    }
    speech.done().get(5, TimeUnit.SECONDS);
  }

  @Test
  void sayIsHeardByTheCallerAndRecordedAsWhatTheAgentSaid() throws Exception {
    AgentSession session = session(ScriptedLanguageModel.builder().build());
    session.start(room, new Agent("Be nice."), "agent");
    playOut(session.say("Hello, you are through to the shop."));
    double level = SignalMetrics.rmsDbfs(ear.samples(), 0, ear.length());
    assertTrue(ear.length() > 16_000 && level > -40, ear.length() + " samples at " + level + " dBFS");
    assertEquals(List.of(ChatItem.Message.assistant("Hello, you are through to the shop.")), session.chatContext().items());
    session.close();
  }

  @Test
  void aToolReturningAnAgentHandsOverWithTheChatCarriedOver() throws Exception {
    ScriptedLanguageModel script = ScriptedLanguageModel.builder()
        .onUser("bill|invoice", ScriptedReply.say("One moment, transferring you.").andCallTool("transfer_to_billing", "{}"))
        .onInstructions("introduce", ScriptedReply.say("Billing here. Which invoice is it about?"))
        .build();
    List<LlmRequest> billingSaw = new CopyOnWriteArrayList<>();
    Billing billing = new Billing(script, billingSaw);
    AgentSession session = session(script);
    session.start(room, new Receptionist(billing), "agent");

    CompletableFuture<SpeechHandle> intro = new CompletableFuture<>();
    session.addListener(e -> {
      if (e instanceof AgentEvent.SpeechCreated c && c.source().equals("generate_reply")) {
        intro.complete(c.speech());
      }
    });
    SpeechHandle transfer = session.replyToUser("I have a question about my invoice");
    playOut(transfer);
    playOut(intro.get(30, TimeUnit.SECONDS));
    assertEquals(billing, session.currentAgent());

    assertTrue(events.contains(new AgentEvent.AgentHandoff("Receptionist", "Billing")), events.toString());
    List<ChatItem> chat = session.chatContext().items();
    assertEquals(ChatItem.Message.user("I have a question about my invoice"), chat.get(0));
    assertInstanceOf(ChatItem.FunctionCall.class, chat.get(1));
    assertEquals("Transferred to Billing", ((ChatItem.FunctionCallOutput) chat.get(2)).output());
    assertEquals(new ChatItem.AgentHandoff("Receptionist", "Billing"), chat.get(3));
    assertEquals(ChatItem.Message.assistant("One moment, transferring you."), chat.get(4));
    assertEquals(ChatItem.Message.assistant("Billing here. Which invoice is it about?"), chat.get(5));
    // Billing's own model saw the whole conversation so far and its own instructions.
    LlmRequest first = billingSaw.get(0);
    assertEquals("You handle invoices.", first.instructions());
    assertEquals("introduce yourself", first.turnInstructions());
    assertEquals(ChatItem.Message.user("I have a question about my invoice"), first.history().items().get(0));
    assertTrue(first.tools().isEmpty(), "billing has no tools");
    session.close();
  }

  @Test
  void registryCreatesAgentsByName() {
    AgentRegistry registry = new AgentRegistry();
    registry.register("receptionist", () -> new Agent("front desk"));
    assertEquals("front desk", registry.create("receptionist").instructions());
    assertTrue(registry.create("receptionist") != registry.create("receptionist"), "a new agent per dispatch");
    var dup = assertThrows(IllegalArgumentException.class, () -> registry.register("receptionist", () -> new Agent("x")));
    assertEquals("an agent named 'receptionist' is already registered", dup.getMessage());
    var unknown = assertThrows(IllegalArgumentException.class, () -> registry.create("sales"));
    assertEquals("no agent named 'sales' is registered (known: [receptionist])", unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> registry.register("bad name!", () -> new Agent("x")));
  }
}
