package io.switchboard.agent;

import io.switchboard.agent.audio.NoiseSuppressor;
import io.switchboard.agent.audio.Playout;
import io.switchboard.agent.audio.SpeechAudio;
import io.switchboard.agent.llm.ChatContext;
import io.switchboard.agent.llm.ChatItem;
import io.switchboard.agent.llm.LanguageModel;
import io.switchboard.agent.llm.ToolCall;
import io.switchboard.agent.phone.PhoneControl;
import io.switchboard.agent.phone.PhoneLines;
import io.switchboard.agent.phone.SessionPhone;
import io.switchboard.agent.stt.SpeechToText;
import io.switchboard.agent.tool.ToolOutcome;
import io.switchboard.agent.tts.TextToSpeech;
import io.switchboard.agent.vad.VoiceActivityDetector;
import io.switchboard.sfu.concurrent.SerialExecutor;
import io.switchboard.sfu.room.DataMessage;
import io.switchboard.sfu.room.DataPacket;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * The runtime of one voice conversation: joins a room as an agent participant, hears the mix of
 * everyone else, and answers through its own audio track. Caller audio → noise suppression →
 * VAD → endpointing → STT → LLM (streaming, tools) → TTS → playout, with barge-in.
 *
 * <p>Events go to listeners in order on the session's event thread. Provider work (recognition,
 * model calls, synthesis, tools) runs on the given executor, normally virtual threads.
 */
public final class AgentSession implements AutoCloseable {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AgentSession.class);
  /** The participant attribute LiveKit clients read the agent's state from. */
  public static final String STATE_ATTRIBUTE = "lk.agent.state";

  final SessionConfig config;
  private final SerialExecutor events;
  private final List<Consumer<AgentEvent>> listeners = new CopyOnWriteArrayList<>();
  private final Playout playout;
  private final List<SpeechHandle> active = new ArrayList<>();
  private ChatContext chat = ChatContext.EMPTY;
  private Agent agent;
  private JobInfo job = JobInfo.NONE;
  private AgentState agentState = AgentState.INITIALIZING;
  private UserState userState = UserState.LISTENING;
  private LocalParticipant participant;
  private PhoneControl phone;
  private VoiceInput input;
  private Instant userStoppedAt;
  private int speechCount;
  private boolean closed;

  AgentSession(SessionConfig config) {
    this.config = config;
    this.events = new SerialExecutor(config.executor());
    this.playout = new Playout(config.tts().sampleRate(), new PlayoutEvents(this));
  }

  public static AgentSessionBuilder builder() {
    return new AgentSessionBuilder();
  }

  public void addListener(Consumer<AgentEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Joins {@code room} as participant {@code identity} (kind AGENT), publishes the agent's voice,
   * subscribes to everyone else, and enters {@code agent}.
   */
  public LocalParticipant start(Room room, Agent firstAgent, String identity) {
    return start(room, firstAgent, identity, JobInfo.NONE, config.phoneLines());
  }

  /** As {@link #start(Room, Agent, String)}, with the phone lines its tools reach through {@link #phone()}. */
  public LocalParticipant start(Room room, Agent firstAgent, String identity, PhoneLines phoneLines) {
    return start(room, firstAgent, identity, JobInfo.NONE, phoneLines);
  }

  /** As {@link #start(Room, Agent, String)}, for the dispatch {@code job} (its metadata is {@link #job()}). */
  public LocalParticipant start(Room room, Agent firstAgent, String identity, JobInfo job) {
    return start(room, firstAgent, identity, job, config.phoneLines());
  }

  /** Starts for the dispatch {@code job}, with the phone lines its tools reach through {@link #phone()}. */
  public LocalParticipant start(Room room, Agent firstAgent, String identity, JobInfo job, PhoneLines phoneLines) {
    synchronized (this) {
      if (participant != null || closed) {
        throw new IllegalStateException("agent session already started or closed");
      }
      agent = Objects.requireNonNull(firstAgent, "agent");
      this.job = Objects.requireNonNull(job, "job");
      participant =
          room.join(
              new ParticipantSpec(identity, firstAgent.name(), ParticipantKind.AGENT, "",
                  Map.of(STATE_ATTRIBUTE, AgentState.INITIALIZING.attributeValue())),
              new ParticipantListener() {
                @Override
                public void onDisconnected(DisconnectReason reason) {
                  closeWith("disconnected: " + reason);
                }

                @Override
                public void onData(DataPacket packet) {
                  if (packet.value() instanceof DataMessage.SipDtmf dtmf) {
                    try {
                      emit(new AgentEvent.SipDtmfReceived(packet.participantIdentity(), dtmf.key(), dtmf.code()));
                    } catch (IllegalArgumentException notAKey) {
                      emit(new AgentEvent.Error("SipDTMF from " + packet.participantIdentity(), notAKey));
                    }
                  }
                }
              });
      phone = new SessionPhone(room, participant, Objects.requireNonNull(phoneLines, "phoneLines"));
      input = new VoiceInput(this, config, playout);
    }
    participant.publishAudio("agent-voice", playout);
    participant.subscribeMix(input);
    setAgentState(AgentState.LISTENING);
    enter(firstAgent);
    return participant;
  }

  /** Says {@code text} as it is (no model), interruptible. */
  public SpeechHandle say(String text) {
    return say(text, true);
  }

  public SpeechHandle say(String text, boolean allowInterruptions) {
    return schedule("say", allowInterruptions, handle -> ReplyTask.say(this, handle, text));
  }

  /** Asks the model for a reply now, steered by {@code instructions} (may be empty). */
  public SpeechHandle generateReply(String instructions) {
    Agent current = currentAgent();
    return schedule("generate_reply", true, handle -> ReplyTask.generate(this, handle, current, instructions));
  }

  /**
   * Answers {@code text} as if the user had just said it (typed input, text-only sessions,
   * tests): it joins the chat as a user message and the agent replies.
   */
  public SpeechHandle replyToUser(String text) {
    return userTurnCompleted(text, null);
  }

  /** Stops every interruptible speech, playing or queued. */
  public void interrupt() {
    List<SpeechHandle> speeches;
    synchronized (this) {
      speeches = List.copyOf(active);
    }
    for (SpeechHandle s : speeches) {
      if (s.allowInterruptions()) {
        cancel(s);
        playout.stop(s.audio());
      }
    }
  }

  /** Makes {@code next} the active agent, keeping the chat context. */
  public void updateAgent(Agent next) {
    Agent previous;
    synchronized (this) {
      previous = agent;
      agent = Objects.requireNonNull(next, "agent");
    }
    appendChat(new ChatItem.AgentHandoff(previous.name(), next.name()));
    emit(new AgentEvent.AgentHandoff(previous.name(), next.name()));
    previous.onExit(this);
    enter(next);
  }

  /** The phone calls in this session's room, for tools: transfer, DTMF, hang up. */
  public synchronized PhoneControl phone() {
    if (phone == null) {
      throw new IllegalStateException("agent session not started: no room, no phones");
    }
    return phone;
  }

  public synchronized Agent currentAgent() {
    return agent;
  }

  /** The dispatch this session serves ({@link JobInfo#NONE} when started without one). */
  public synchronized JobInfo job() {
    return job;
  }

  public synchronized ChatContext chatContext() {
    return chat;
  }

  public synchronized AgentState agentState() {
    return agentState;
  }

  public synchronized UserState userState() {
    return userState;
  }

  /** The application state given to {@link AgentSessionBuilder#userdata}, as {@code type}. */
  public <T> T userdata(Class<T> type) {
    return type.cast(config.userdata());
  }

  /** The audio the agent publishes (for tests and recorders). */
  public Playout playout() {
    return playout;
  }

  @Override
  public void close() {
    closeWith("closed");
  }

  // ---- internals used by VoiceInput and ReplyTask ----

  void emit(AgentEvent event) {
    events.execute(() -> {
      for (Consumer<AgentEvent> l : listeners) {
        try {
          l.accept(event);
        } catch (RuntimeException e) {
          // One listener's bug must not hide the event from the others (metrics, transcripts).
          log.warn("agent event listener failed on {}", event.getClass().getSimpleName(), e);
        }
      }
    });
  }

  void appendChat(ChatItem item) {
    synchronized (this) {
      chat = chat.with(item);
    }
    emit(new AgentEvent.ConversationItemAdded(item));
  }

  /**
   * Interrupts {@code speech}: its running tools are recorded as cancelled first (call, then
   * cancelled output, before anything the user says next), then its thread is interrupted.
   */
  void cancel(SpeechHandle speech) {
    cancel(speech, ToolOutcome.Cancelled::of);
  }

  private void cancel(SpeechHandle speech, java.util.function.Function<String, ToolOutcome.Cancelled> why) {
    for (ToolCall call : speech.tools().cancelAll()) {
      toolSettled(call, why.apply(call.name()));
    }
    speech.markInterrupted();
  }

  /** A tool call's outcome joins the chat (as the model will read it) and is announced. */
  void toolSettled(ToolCall call, ToolOutcome outcome) {
    appendChat(new ChatItem.FunctionCallOutput(call.callId(), call.name(), outcome.output(),
        !(outcome instanceof ToolOutcome.Output || outcome instanceof ToolOutcome.HandedOff)));
    emit(new AgentEvent.ToolExecuted(call, outcome));
  }

  LanguageModel llmFor(Agent a) {
    return a.models().llm() != null ? a.models().llm() : config.llm();
  }

  TextToSpeech ttsFor(Agent a) {
    return a.models().tts() != null ? a.models().tts() : config.tts();
  }

  void setUserState(UserState next) {
    UserState old;
    synchronized (this) {
      old = userState;
      userState = next;
    }
    if (old != next) {
      emit(new AgentEvent.UserStateChanged(old, next));
    }
  }

  void setAgentState(AgentState next) {
    AgentState old;
    LocalParticipant p;
    synchronized (this) {
      old = agentState;
      agentState = next;
      p = participant;
    }
    if (old != next) {
      if (p != null && p.isConnected()) {
        p.updateAttributes(Map.of(STATE_ATTRIBUTE, next.attributeValue()));
      }
      emit(new AgentEvent.AgentStateChanged(old, next));
    }
  }

  /** A committed user turn: the user message joins the chat, current speech stops, the agent answers. */
  SpeechHandle userTurnCompleted(String transcript, Instant stoppedSpeakingAt) {
    synchronized (this) {
      userStoppedAt = stoppedSpeakingAt;
    }
    interrupt();
    Agent current = currentAgent();
    SpeechHandle handle = create();
    // On the event thread, after the interrupted speech has reported what was heard of it, so
    // the chat and the events read in the order things happened.
    events.execute(() -> {
      emit(new AgentEvent.SpeechCreated(handle, "user_turn"));
      appendChat(ChatItem.Message.user(transcript));
      start(handle, ReplyTask.generate(this, handle, current, ""));
    });
    return handle;
  }

  private SpeechHandle schedule(String source, boolean allowInterruptions, java.util.function.Function<SpeechHandle, Runnable> task) {
    SpeechHandle handle = create(allowInterruptions);
    emit(new AgentEvent.SpeechCreated(handle, source));
    start(handle, task.apply(handle));
    return handle;
  }

  private SpeechHandle create() {
    return create(true);
  }

  private SpeechHandle create(boolean allowInterruptions) {
    SpeechHandle handle;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("agent session is closed");
      }
      handle = new SpeechHandle("SP_" + ++speechCount, allowInterruptions);
      active.add(handle);
    }
    playout.enqueue(handle.audio());
    return handle;
  }

  private void start(SpeechHandle handle, Runnable task) {
    if (handle.interrupted()) {
      handle.markSynthesized();
      return;
    }
    handle.task(config.executor().submit(task));
  }

  private void enter(Agent next) {
    config.executor().execute(() -> {
      try {
        next.onEnter(this);
      } catch (RuntimeException e) {
        emit(new AgentEvent.Error("onEnter of " + next.name(), e));
      }
    });
  }

  private void closeWith(String reason) {
    LocalParticipant p;
    VoiceInput in;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      p = participant;
      in = input;
    }
    // Not interrupt(): nobody interrupted; a tool still running is told the session ended.
    List<SpeechHandle> speeches;
    synchronized (this) {
      speeches = List.copyOf(active);
    }
    for (SpeechHandle s : speeches) {
      cancel(s, ToolOutcome.Cancelled::sessionClosed);
      playout.stop(s.audio());
    }
    if (in != null) {
      in.close();
    }
    if (p != null) {
      p.leave(DisconnectReason.CLIENT_INITIATED);
    }
    emit(new AgentEvent.Closed(reason));
  }

  SpeechHandle handleOf(SpeechAudio audio) {
    synchronized (this) {
      for (SpeechHandle h : active) {
        if (h.audio() == audio) {
          return h;
        }
      }
    }
    return null;
  }

  /** Runs {@code task} on the session's event thread, after the events emitted before it. */
  void onEventThread(Runnable task) {
    events.execute(task);
  }

  /** The instant the user stopped speaking before the reply now starting; read once. */
  synchronized Instant takeUserStoppedAt() {
    Instant stopped = userStoppedAt;
    userStoppedAt = null;
    return stopped;
  }

  /** Forgets a finished speech; returns whether none is left. */
  synchronized boolean retire(SpeechHandle h) {
    active.remove(h);
    return active.isEmpty() && !closed;
  }

  String speechIdOf(SpeechAudio audio) {
    SpeechHandle h = handleOf(audio);
    return h == null ? "" : h.id();
  }

  boolean isClosed() {
    synchronized (this) {
      return closed;
    }
  }
}
