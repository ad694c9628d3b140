package io.switchboard.agent.llm;

import java.util.function.Consumer;

/** A chat model that streams its reply: text deltas and tool calls. */
public interface LanguageModel {
  /**
   * Streams the reply to {@code request} into {@code out} and returns when it is complete.
   * Blocking; runs on a session's virtual thread. Interrupting the thread cancels the reply, and
   * the model then stops calling {@code out} and throws {@link InterruptedException}.
   */
  void chat(LlmRequest request, Consumer<LlmChunk> out) throws InterruptedException;

  /** A short name for metrics and logs. */
  default String label() {
    return getClass().getSimpleName();
  }
}
