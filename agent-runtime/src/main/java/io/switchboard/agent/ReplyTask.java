package io.switchboard.agent;

import io.switchboard.agent.audio.RateConverter;
import io.switchboard.agent.audio.SpeechAudio;
import io.switchboard.agent.llm.ChatItem;
import io.switchboard.agent.llm.LanguageModel;
import io.switchboard.agent.llm.LlmChunk;
import io.switchboard.agent.llm.LlmRequest;
import io.switchboard.agent.llm.ToolCall;
import io.switchboard.agent.pipeline.SentenceSplitter;
import io.switchboard.agent.tool.RunContext;
import io.switchboard.agent.tool.ToolOutcome;
import io.switchboard.agent.tts.TextToSpeech;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Produces one speech: the model's streamed reply cut into sentences, each synthesised as soon as
 * it is complete (so the caller hears the first sentence while the model still writes), with
 * tool rounds in between and a handoff when a tool returns another agent. Runs on one executor
 * thread; interrupting it cancels the model and the synthesis.
 */
final class ReplyTask implements Runnable {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReplyTask.class);
  /** Pieces shorter than this wait for the next sentence (LiveKit's tokenizer uses 20). */
  private static final int MIN_SENTENCE_CHARS = 20;

  private final AgentSession session;
  private final SpeechHandle handle;
  private final Agent agent;
  private final String fixedText;
  private final String instructions;
  private final Clock clock;

  private ReplyTask(AgentSession session, SpeechHandle handle, Agent agent, String fixedText, String instructions) {
    this.session = session;
    this.handle = handle;
    this.agent = agent;
    this.fixedText = fixedText;
    this.instructions = instructions;
    this.clock = session.config.clock();
  }

  static ReplyTask say(AgentSession session, SpeechHandle handle, String text) {
    return new ReplyTask(session, handle, session.currentAgent(), text, "");
  }

  static ReplyTask generate(AgentSession session, SpeechHandle handle, Agent agent, String instructions) {
    return new ReplyTask(session, handle, agent, null, instructions == null ? "" : instructions);
  }

  /** Unchecked carrier for a cancellation seen inside a streaming callback. */
  private static final class Cancelled extends RuntimeException {
    Cancelled() {
      super(null, null, false, false);
    }
  }

  @Override
  public void run() {
    try {
      if (fixedText != null) {
        for (String sentence : sentences(fixedText)) {
          speak(sentence);
        }
      } else {
        if (session.agentState() != AgentState.SPEAKING) {
          session.setAgentState(AgentState.THINKING);
        }
        generate();
      }
    } catch (InterruptedException | Cancelled e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      session.emit(new AgentEvent.Error("reply " + handle.id(), e));
    } finally {
      handle.markSynthesized();
    }
  }

  private void generate() throws InterruptedException {
    LanguageModel llm = session.llmFor(agent);
    for (int step = 0; step < session.config.maxToolSteps(); step++) {
      LlmRequest request = new LlmRequest(agent.instructions(), session.chatContext(),
          agent.tools().definitions(), step == 0 ? instructions : "");
      SentenceSplitter splitter = new SentenceSplitter(MIN_SENTENCE_CHARS);
      List<ToolCall> calls = new ArrayList<>();
      Instant started = clock.instant();
      Instant[] first = {null};
      llm.chat(request, chunk -> {
        if (first[0] == null) {
          first[0] = clock.instant();
        }
        switch (chunk) {
          case LlmChunk.TextDelta d -> {
            for (String sentence : splitter.push(d.text())) {
              speakInCallback(sentence);
            }
          }
          case LlmChunk.ToolCallRequested c -> calls.add(c.call());
        }
      });
      Instant ended = clock.instant();
      session.emit(new AgentEvent.MetricsCollected(new AgentMetrics.Llm(llm.label(), handle.id(),
          Duration.between(started, first[0] != null ? first[0] : ended), Duration.between(started, ended))));
      speak(splitter.flush());
      if (calls.isEmpty() || interrupted()) {
        return;
      }
      Agent next = runTools(calls);
      if (next != null) {
        session.updateAgent(next);
        return;
      }
      // A tool that caught the interruption may have cleared the thread's flag: the handle knows.
      if (interrupted()) {
        throw new InterruptedException("reply interrupted during tools");
      }
    }
  }

  /**
   * Runs the calls in order; returns the agent to hand over to, if one of them did. An
   * interruption settles the running call as cancelled (see {@link AgentSession#cancel}) and
   * the calls after it are not made.
   */
  private Agent runTools(List<ToolCall> calls) {
    Agent next = null;
    for (ToolCall call : calls) {
      if (!handle.tools().begin(call, () -> session.appendChat(new ChatItem.FunctionCall(call)))) {
        break;
      }
      ToolOutcome outcome = agent.tools().tool(call.name())
          .map(t -> t.invoke(call.argumentsJson(), new RunContext(session, handle, call)))
          .orElseGet(() -> new ToolOutcome.Failed("there is no tool named " + call.name()));
      if (!handle.tools().finish(call)) {
        break; // an interruption already recorded it as cancelled
      }
      session.toolSettled(call, outcome);
      if (outcome instanceof ToolOutcome.HandedOff h) {
        next = h.next();
      }
    }
    return next;
  }

  private void speakInCallback(String sentence) {
    try {
      speak(sentence);
    } catch (InterruptedException e) {
      throw new Cancelled();
    }
  }

  /**
   * Whether this reply was interrupted. The handle says so for every real interruption (the
   * user's turn, the session closing); an interrupt flag on the thread without it is a stray one
   * (seen after a pooled TTS voice was interrupted for an earlier reply) and is cleared, so it
   * cannot silently drop this reply's speech or tool calls.
   */
  private boolean interrupted() {
    if (handle.interrupted()) {
      return true;
    }
    if (Thread.interrupted()) {
      log.warn("reply {}: cleared an interrupt that was not meant for it", handle.id());
    }
    return false;
  }

  private void speak(String sentence) throws InterruptedException {
    if (sentence.isBlank()) {
      return;
    }
    if (interrupted()) {
      throw new InterruptedException("speech interrupted");
    }
    TextToSpeech tts = session.ttsFor(agent);
    SpeechAudio audio = handle.audio();
    int rate = session.playout().sampleRate();
    RateConverter converter = tts.sampleRate() == rate ? null : new RateConverter(tts.sampleRate(), rate, audio);
    int start = audio.written();
    Instant started = clock.instant();
    Instant[] first = {null};
    try {
      tts.synthesize(sentence, (samples, offset, length) -> {
        if (first[0] == null) {
          first[0] = clock.instant();
        }
        if (converter == null) {
          audio.append(samples, offset, length);
        } else {
          converter.append(samples, offset, length);
        }
      });
      if (converter != null) {
        converter.finish();
      }
    } finally {
      audio.spoke(sentence, start); // also when cut short: the part played is still known
    }
    int samples = audio.written() - start;
    session.emit(new AgentEvent.MetricsCollected(new AgentMetrics.Tts(tts.label(), handle.id(),
        Duration.between(started, first[0] != null ? first[0] : clock.instant()),
        Duration.ofMillis(samples * 1000L / rate), sentence.length())));
  }

  private static List<String> sentences(String text) {
    SentenceSplitter splitter = new SentenceSplitter(MIN_SENTENCE_CHARS);
    List<String> out = new ArrayList<>(splitter.push(text));
    String rest = splitter.flush();
    if (!rest.isEmpty()) {
      out.add(rest);
    }
    return out;
  }
}
