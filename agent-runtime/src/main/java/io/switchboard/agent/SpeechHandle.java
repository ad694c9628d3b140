package io.switchboard.agent;

import io.switchboard.agent.audio.SpeechAudio;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** One thing the agent says (a {@code say}, a reply, an answer to a user turn). */
public final class SpeechHandle {
  private final String id;
  private final boolean allowInterruptions;
  private final SpeechAudio audio;
  private final RunningTools tools = new RunningTools();
  private final CompletableFuture<Void> synthesized = new CompletableFuture<>();
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private volatile boolean interrupted;
  private volatile Future<?> task;

  SpeechHandle(String id, boolean allowInterruptions) {
    this.id = id;
    this.allowInterruptions = allowInterruptions;
    this.audio = new SpeechAudio(allowInterruptions);
  }

  public String id() {
    return id;
  }

  public boolean allowInterruptions() {
    return allowInterruptions;
  }

  /** Completes when all of the speech's audio has been produced (or it was cut short). */
  public CompletableFuture<Void> synthesized() {
    return synthesized;
  }

  /** Completes when the speech has been played out or interrupted. */
  public CompletableFuture<Void> done() {
    return done;
  }

  public boolean interrupted() {
    return interrupted;
  }

  SpeechAudio audio() {
    return audio;
  }

  RunningTools tools() {
    return tools;
  }

  void task(Future<?> task) {
    this.task = task;
    if (interrupted) {
      task.cancel(true); // interrupted while the task was being started
    }
  }

  void markInterrupted() {
    interrupted = true;
    Future<?> t = task;
    if (t != null) {
      t.cancel(true);
    }
  }

  void markSynthesized() {
    audio.complete();
    synthesized.complete(null);
  }

  void markDone() {
    synthesized.complete(null);
    done.complete(null);
  }

  @Override
  public String toString() {
    return "SpeechHandle[" + id + "]";
  }
}
