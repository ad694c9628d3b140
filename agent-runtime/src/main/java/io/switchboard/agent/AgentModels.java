package io.switchboard.agent;

import io.switchboard.agent.llm.LanguageModel;
import io.switchboard.agent.tts.TextToSpeech;

/** Providers an agent uses instead of its session's; null means "the session's". */
public record AgentModels(LanguageModel llm, TextToSpeech tts) {
  public static final AgentModels INHERIT = new AgentModels(null, null);
}
