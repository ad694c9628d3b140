package io.switchboard.agent;

import io.switchboard.agent.llm.ToolCall;
import java.util.ArrayList;
import java.util.List;

/**
 * The tool calls one reply has running. Each is settled exactly once: by the tool finishing, or
 * by an interruption that cancels it first. The interruption records the cancelled outputs at
 * once, so the chat reads call, cancelled output, then the user's new words, however long the
 * tool takes to notice.
 */
final class RunningTools {
  private final List<ToolCall> running = new ArrayList<>();
  private boolean cancelled;

  /**
   * Starts {@code call} unless the reply was cancelled; {@code announce} (which records the call)
   * runs first, under the same lock, so a cancellation never records an output before its call.
   */
  synchronized boolean begin(ToolCall call, Runnable announce) {
    if (cancelled) {
      return false;
    }
    announce.run();
    running.add(call);
    return true;
  }

  /** The tool returned: true when its outcome is still wanted (no interruption settled it). */
  synchronized boolean finish(ToolCall call) {
    return running.remove(call);
  }

  /** Cancels the reply's tools: no new one begins; returns those running, now settled as cancelled. */
  synchronized List<ToolCall> cancelAll() {
    cancelled = true;
    List<ToolCall> out = List.copyOf(running);
    running.clear();
    return out;
  }
}
