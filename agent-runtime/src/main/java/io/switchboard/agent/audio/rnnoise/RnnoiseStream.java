package io.switchboard.agent.audio.rnnoise;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import io.switchboard.agent.audio.NoiseSuppressor;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.resample.Resampler;

/**
 * One stream through RNNoise: a 20 ms frame is converted to 48 kHz, denoised as two 480-sample
 * RNNoise frames (float samples at 16-bit scale), and converted back in place. Each RNNoise call
 * goes through Chicory's varargs API, which allocates two small arrays.
 */
final class RnnoiseStream implements NoiseSuppressor.Stream {
  private static final int RATE = 48_000;
  private static final int FRAME = 480;

  private final Memory memory;
  private final ExportFunction process;
  private final ExportFunction destroy;
  private final ExportFunction free;
  private final long state;
  private final int inPtr;
  private final int outPtr;
  private final Resampler up;
  private final Resampler down;
  private final PcmFrame wide = new PcmFrame(RATE);
  private final PcmFrame cleaned = new PcmFrame(RATE);
  private float lastVoiceProbability;
  private boolean closed;

  RnnoiseStream(Instance instance, int sampleRate) {
    if (RATE % sampleRate != 0) {
      throw new IllegalArgumentException("RNNoise streams run at a divisor of 48000 Hz (8000, 16000, 48000), not " + sampleRate);
    }
    this.memory = instance.memory();
    ExportFunction malloc = instance.export("g");
    this.process = instance.export("j"); // rnnoise_process_frame(state, out, in) -> voice probability
    this.destroy = instance.export("h");
    this.free = instance.export("i");
    this.state = instance.export("f").apply(0)[0]; // rnnoise_create(NULL): the built-in model
    this.inPtr = (int) malloc.apply(FRAME * Float.BYTES)[0];
    this.outPtr = (int) malloc.apply(FRAME * Float.BYTES)[0];
    if (state == 0 || inPtr == 0 || outPtr == 0) {
      throw new IllegalStateException("RNNoise could not allocate its state");
    }
    this.up = Resampler.between(sampleRate, RATE);
    this.down = Resampler.between(RATE, sampleRate);
  }

  @Override
  public void process(PcmFrame frame) {
    up.process(frame, wide);
    short[] in = wide.samples();
    short[] out = cleaned.samples();
    cleaned.setSampleRate(RATE);
    for (int half = 0; half < 2; half++) {
      int base = half * FRAME;
      for (int i = 0; i < FRAME; i++) {
        memory.writeF32(inPtr + i * Float.BYTES, in[base + i]);
      }
      long result = process.apply(state, outPtr, inPtr)[0];
      lastVoiceProbability = Float.intBitsToFloat((int) result);
      for (int i = 0; i < FRAME; i++) {
        float v = memory.readFloat(outPtr + i * Float.BYTES);
        out[base + i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
      }
    }
    down.process(cleaned, frame);
  }

  /** RNNoise's own voice probability for the last 10 ms. */
  float lastVoiceProbability() {
    return lastVoiceProbability;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    destroy.apply(state);
    free.apply(inPtr);
    free.apply(outPtr);
  }
}
