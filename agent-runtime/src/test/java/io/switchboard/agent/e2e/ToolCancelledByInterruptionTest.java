package io.switchboard.agent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.agent.Agent;
import io.switchboard.agent.AgentEvent;
import io.switchboard.agent.AgentModels;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.AgentState;
import io.switchboard.agent.SpeechHandle;
import io.switchboard.agent.llm.ChatItem;
import io.switchboard.agent.llm.ChatRole;
import io.switchboard.agent.llm.ScriptedLanguageModel;
import io.switchboard.agent.llm.ScriptedReply;
import io.switchboard.agent.stt.SpeechToText;
import io.switchboard.agent.stt.SttEvent;
import io.switchboard.agent.tool.FunctionTool;
import io.switchboard.agent.tool.ToolOutcome;
import io.switchboard.agent.vad.EnergyVad;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The caller speaks while the agent waits on a tool (state thinking): when their turn commits, the
 * tool's thread is interrupted, the chat records the call with a cancelled output before the
 * caller's new words, an event says so, and the new turn is answered. Real room, real session;
 * the recogniser hears what the test says, the voice is a tone.
 */
class ToolCancelledByInterruptionTest {
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final List<AgentEvent> events = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Consumer<SttEvent>> recogniser = new CompletableFuture<>();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    executor.shutdownNow();
  }

  /** A stock lookup that hangs until its thread is interrupted (or, if told to, until released). */
  static final class Shop extends Agent {
    final CountDownLatch started = new CountDownLatch(1);
    final CompletableFuture<Void> sawInterruption = new CompletableFuture<>();
    final CompletableFuture<Void> release = new CompletableFuture<>();
    final boolean ignoresInterruption;

    Shop(boolean ignoresInterruption) {
      super("You run a greengrocer.", AgentModels.INHERIT);
      this.ignoresInterruption = ignoresInterruption;
    }

    @FunctionTool("How many of an item are in stock")
    String checkStock(String item) throws InterruptedException, ExecutionException {
      started.countDown();
      while (true) {
        try {
          release.get();
          return "plenty of " + item;
        } catch (InterruptedException e) {
          sawInterruption.complete(null);
          if (!ignoresInterruption) {
            throw e;
          }
        }
      }
    }
  }

  @Test
  void aToolBlockedWhenTheCallerSpeaksIsCancelledAndTheNewTurnAnswered() throws Exception {
    Shop shop = new Shop(false);
    Run run = startAndInterruptTheTool(shop);

    shop.sawInterruption.get(10, TimeUnit.SECONDS);
    AgentEvent.ToolExecuted executed = run.await(AgentEvent.ToolExecuted.class, e -> true);
    assertEquals("check_stock", executed.call().name());
    assertInstanceOf(ToolOutcome.Cancelled.class, executed.outcome(), executed.toString());
    run.assertAnsweredAndChatInOrder(executed);
    assertEquals(1, count(AgentEvent.ToolExecuted.class), "the cancelled call is reported once: " + events);
  }

  @Test
  void aToolThatIgnoresTheInterruptionDoesNotHoldUpTheAnswerAndItsLateResultIsDropped() throws Exception {
    Shop shop = new Shop(true);
    Run run = startAndInterruptTheTool(shop);

    shop.sawInterruption.get(10, TimeUnit.SECONDS);
    AgentEvent.ToolExecuted executed = run.await(AgentEvent.ToolExecuted.class, e -> true);
    assertInstanceOf(ToolOutcome.Cancelled.class, executed.outcome(), executed.toString());
    run.assertAnsweredAndChatInOrder(executed);

    shop.release.complete(null); // the tool finally returns "plenty of apples": nobody wants it now
    run.first.synthesized().get(10, TimeUnit.SECONDS); // its thread has ended
    SpeechHandle later = run.session.say("Anything else?");
    run.playOut(later);
    run.await(AgentEvent.AgentTranscript.class, t -> t.speechId().equals(later.id()));
    assertEquals(1, count(AgentEvent.ToolExecuted.class), events.toString());
    assertEquals(1, run.session.chatContext().items().stream().filter(i -> i instanceof ChatItem.FunctionCallOutput).count(),
        run.session.chatContext().toString());
  }

  /** The session asks the tool, the tool blocks, the caller speaks and their turn commits. */
  private Run startAndInterruptTheTool(Shop shop) throws Exception {
    RoomManager rooms = new RoomManager(Clock.systemUTC(), scheduler, Runnable::run, executor, RoomOptions.UNSET, new Random(3));
    Room room = rooms.getOrCreate("greengrocer", RoomOptions.UNSET);
    ClipSource mouth = new ClipSource(16_000);
    LocalParticipant caller = room.join(new ParticipantSpec("caller", "", ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE);
    caller.publishAudio("microphone", mouth);
    caller.subscribeMix(new io.switchboard.media.testing.PcmRecorder(16_000));
    AgentSession session = AgentSession.builder().vad(new EnergyVad()).stt(toldByTheTest)
        .llm(ScriptedLanguageModel.builder()
            .onUser("apples", ScriptedReply.callTool("check_stock", "{\"item\":\"apples\"}").thenSay("We have {check_stock}."))
            .onUser("hours", ScriptedReply.say("We open at nine."))
            .build())
        .tts(TestSpeech.TONE).executor(executor).build();
    session.addListener(e -> {
      synchronized (events) {
        events.add(e);
        events.notifyAll();
      }
    });
    session.start(room, shop, "agent");
    Run run = new Run(room, session, session.replyToUser("Do you have apples?"));

    assertTrue(shop.started.await(10, TimeUnit.SECONDS), "the tool runs");
    assertEquals(AgentState.THINKING, session.agentState());
    short[] voice = new short[16_000];
    for (int i = 0; i < voice.length; i++) {
      voice[i] = (short) (6000 * Math.sin(2 * Math.PI * 300 * i / 16_000.0));
    }
    mouth.play(voice);
    run.tickUntil(recogniser::isDone);
    recogniser.get().accept(new SttEvent.Final("never mind, what are your hours", Double.NaN));
    recogniser.get().accept(new SttEvent.SegmentDone());
    run.tickUntil(run.first::interrupted); // the turn commits after the endpointing delay
    return run;
  }

  private final class Run {
    final Room room;
    final AgentSession session;
    final SpeechHandle first;

    Run(Room room, AgentSession session, SpeechHandle first) {
      this.room = room;
      this.session = session;
      this.first = first;
    }

    /** Ticks the room (20 ms a tick) until {@code done}, which the ticks themselves bring about. */
    void tickUntil(java.util.function.BooleanSupplier done) {
      for (int i = 0; i < 3000 && !done.getAsBoolean(); i++) {
        room.tick();
      }
      assertTrue(done.getAsBoolean(), "not after a minute of room time; events: " + events);
    }

    /** Plays {@code speech} out: it is synthesised first (no tick outruns the synthesis). */
    void playOut(SpeechHandle speech) throws Exception {
      speech.synthesized().get(10, TimeUnit.SECONDS);
      for (int i = 0; i < 500 && !speech.done().isDone(); i++) {
        room.tick();
      }
      speech.done().get(10, TimeUnit.SECONDS);
    }

    /** Waits for an event the session emits on its own threads. */
    <T extends AgentEvent> T await(Class<T> type, Predicate<T> test) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline) {
        var found = events.stream().filter(type::isInstance).map(type::cast).filter(test).findFirst();
        if (found.isPresent()) {
          return found.get();
        }
        synchronized (events) {
          events.wait(50);
        }
      }
      throw new AssertionError("no " + type.getSimpleName() + " within 10 s; events: " + events);
    }

    /** The next turn is answered in full, and the chat reads call, cancelled output, new words, answer. */
    void assertAnsweredAndChatInOrder(AgentEvent.ToolExecuted executed) throws Exception {
      AgentEvent.SpeechCreated reply = await(AgentEvent.SpeechCreated.class,
          s -> s.source().equals("user_turn") && s.speech() != first);
      playOut(reply.speech());
      AgentEvent.AgentTranscript answer = await(AgentEvent.AgentTranscript.class, t -> t.speechId().equals(reply.speech().id()));
      assertEquals(new AgentEvent.AgentTranscript(reply.speech().id(), "We open at nine.", false), answer);
      assertTrue(first.interrupted(), "the reply that ran the tool was interrupted");
      assertEquals(0, count(AgentEvent.AgentTranscript.class, t -> t.text().contains("We have")), "the tool's reply is never said");

      List<ChatItem> chat = session.chatContext().items();
      int call = indexOf(chat, i -> i instanceof ChatItem.FunctionCall c && c.call().equals(executed.call()));
      int output = indexOf(chat, i -> i instanceof ChatItem.FunctionCallOutput o && o.callId().equals(executed.call().callId()));
      int words = indexOf(chat, i -> i instanceof ChatItem.Message m && m.role() == ChatRole.USER && m.text().contains("hours"));
      int said = indexOf(chat, i -> i instanceof ChatItem.Message m && m.role() == ChatRole.ASSISTANT && m.text().equals("We open at nine."));
      assertTrue(0 <= call && call < output && output < words && words < said, chat.toString());
      ChatItem.FunctionCallOutput cancelled = (ChatItem.FunctionCallOutput) chat.get(output);
      assertTrue(cancelled.isError() && cancelled.output().contains("cancelled"), cancelled.toString());
    }
  }

  private static int indexOf(List<ChatItem> chat, Predicate<ChatItem> test) {
    for (int i = 0; i < chat.size(); i++) {
      if (test.test(chat.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private long count(Class<? extends AgentEvent> type) {
    return events.stream().filter(type::isInstance).count();
  }

  private <T extends AgentEvent> long count(Class<T> type, Predicate<T> test) {
    return events.stream().filter(type::isInstance).map(type::cast).filter(test).count();
  }

  private final SpeechToText toldByTheTest = TestSpeech.toldByTheTest(recogniser);

}
