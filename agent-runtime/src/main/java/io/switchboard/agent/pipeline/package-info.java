/**
 * Pure, frame-counted decisions of the voice pipeline: when the user's turn is over
 * ({@link io.switchboard.agent.pipeline.Endpointing}), when the user cuts the agent off and
 * whether that was real ({@link io.switchboard.agent.pipeline.InterruptionTracker}), and where
 * streamed text becomes sentences to speak ({@link io.switchboard.agent.pipeline.SentenceSplitter}).
 * Time here is 20 ms frames of received audio, so tests step it exactly.
 */
package io.switchboard.agent.pipeline;
