package io.switchboard.server.agents;

import io.switchboard.agent.AgentSession;

/** Builds the session an agent runs in: its providers (VAD, STT, LLM, TTS) and executor. */
@FunctionalInterface
public interface SessionFactory {
  /** A new, unstarted session; may block while models load. */
  AgentSession newSession();
}
