package io.switchboard.agent;

import java.time.Duration;

/** Latency measurements, named as in LiveKit Agents' metrics. */
public sealed interface AgentMetrics {
  /**
   * End of the user's utterance: {@code endOfUtteranceDelay} from when they stopped speaking to
   * the turn being committed; {@code transcriptionDelay} from then to the last final transcript.
   */
  record EndOfUtterance(Duration endOfUtteranceDelay, Duration transcriptionDelay) implements AgentMetrics {}

  /** Recognition of one speech segment: its audio length and the wait for its result after it ended. */
  record Stt(String provider, Duration audioDuration, Duration latency) implements AgentMetrics {}

  /** One model request: time to first token (text or tool call) and to the end. */
  record Llm(String provider, String speechId, Duration ttft, Duration duration) implements AgentMetrics {}

  /** One synthesis: time to first audio, and the audio's length. */
  record Tts(String provider, String speechId, Duration ttfb, Duration audioDuration, int characters)
      implements AgentMetrics {}

  /** User stopped speaking → the agent's answer began to play (LiveKit's e2e_latency). */
  record Turn(String speechId, Duration endToEndLatency) implements AgentMetrics {}
}
