/**
 * Voice agents in rooms, in the manner of LiveKit Agents: an {@link io.switchboard.agent.Agent}
 * (instructions, {@code @FunctionTool} methods, model overrides, hooks) run by an
 * {@link io.switchboard.agent.AgentSession} that joins a room as an AGENT participant and runs the
 * voice pipeline: caller audio → noise suppression → VAD → endpointing → STT → LLM (streaming,
 * tools, handoffs) → TTS (from the first sentence) → the agent's track, with barge-in.
 *
 * <p>Providers are small streaming interfaces ({@code vad}, {@code stt}, {@code llm}, {@code tts},
 * {@code audio.NoiseSuppressor}); the embedded, offline ones are Silero VAD (ONNX Runtime),
 * an energy VAD, Sphinx4, FreeTTS, RNNoise (WebAssembly on Chicory) and a scripted LLM.
 */
package io.switchboard.agent;
