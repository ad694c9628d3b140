package io.switchboard.agent;

import io.switchboard.agent.audio.Playout;
import io.switchboard.agent.audio.SpeechAudio;
import io.switchboard.agent.llm.ChatItem;
import io.switchboard.agent.llm.ChatRole;
import java.time.Duration;
import java.time.Instant;

/**
 * What the playout reports (on the media thread), handled on the session's event thread: the
 * agent starts speaking, or a speech ends, played out or cut, and what was heard of it joins the
 * chat.
 */
final class PlayoutEvents implements Playout.Listener {
  private final AgentSession session;

  PlayoutEvents(AgentSession session) {
    this.session = session;
  }

  @Override
  public void started(SpeechAudio audio) {
    Instant at = session.config.clock().instant();
    session.onEventThread(() -> started(audio, at));
  }

  @Override
  public void finished(SpeechAudio audio, boolean interrupted) {
    session.onEventThread(() -> finished(audio, interrupted, audio.playedText()));
  }

  private void started(SpeechAudio audio, Instant at) {
    SpeechHandle h = session.handleOf(audio);
    Instant stopped = session.takeUserStoppedAt();
    session.setAgentState(AgentState.SPEAKING);
    if (h != null && stopped != null) {
      session.emit(new AgentEvent.MetricsCollected(new AgentMetrics.Turn(h.id(), Duration.between(stopped, at))));
    }
  }

  private void finished(SpeechAudio audio, boolean interrupted, String heard) {
    SpeechHandle h = session.handleOf(audio);
    if (h == null) {
      return;
    }
    if (interrupted) {
      session.cancel(h);
    }
    if (!heard.isBlank()) {
      session.appendChat(new ChatItem.Message(ChatRole.ASSISTANT, heard, interrupted));
    }
    if (!heard.isBlank() || interrupted) {
      session.emit(new AgentEvent.AgentTranscript(h.id(), heard, interrupted));
    }
    boolean idle = session.retire(h);
    h.markDone();
    if (idle) {
      session.setAgentState(AgentState.LISTENING);
    }
  }
}
