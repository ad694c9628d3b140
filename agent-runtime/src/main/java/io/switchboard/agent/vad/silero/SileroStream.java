package io.switchboard.agent.vad.silero;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.switchboard.agent.vad.VadStream;
import io.switchboard.media.audio.PcmFrame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * One audio stream's Silero state. Input and state tensors wrap direct buffers that are refilled
 * in place, so a window costs one model call and its (small) result objects.
 */
final class SileroStream implements VadStream {
  private static final int STATE_SIZE = 2 * 128;

  private final OrtSession session;
  private final int window;
  private final int context;
  private final FloatBuffer input;
  private final FloatBuffer state;
  private final OnnxTensor inputTensor;
  private final OnnxTensor stateTensor;
  private final OnnxTensor rateTensor;
  private final Map<String, OnnxTensor> inputs;
  private final float[] pending;
  private int pendingCount;
  private final float[] contextSamples;
  private float probability;

  SileroStream(OrtEnvironment env, OrtSession session, int sampleRate) throws OrtException {
    this.session = session;
    this.window = sampleRate == 16_000 ? 512 : 256;
    this.context = sampleRate == 16_000 ? 64 : 32;
    this.input = direct(context + window);
    this.state = direct(STATE_SIZE);
    this.inputTensor = OnnxTensor.createTensor(env, input, new long[] {1, context + window});
    this.stateTensor = OnnxTensor.createTensor(env, state, new long[] {2, 1, 128});
    this.rateTensor = OnnxTensor.createTensor(env, (long) sampleRate);
    this.inputs = Map.of("input", inputTensor, "state", stateTensor, "sr", rateTensor);
    this.pending = new float[window + PcmFrame.MAX_SAMPLES];
    this.contextSamples = new float[context];
  }

  private static FloatBuffer direct(int floats) {
    return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
  }

  @Override
  public float process(PcmFrame frame) {
    short[] s = frame.samples();
    int n = frame.length();
    for (int i = 0; i < n; i++) {
      pending[pendingCount++] = s[i] / 32768f;
    }
    while (pendingCount >= window) {
      probability = infer();
      System.arraycopy(pending, window - context, contextSamples, 0, context);
      System.arraycopy(pending, window, pending, 0, pendingCount - window);
      pendingCount -= window;
    }
    return probability;
  }

  private float infer() {
    input.clear();
    input.put(contextSamples).put(pending, 0, window);
    try (OrtSession.Result result = session.run(inputs)) {
      float[][] out = (float[][]) output(result, "output").getValue();
      FloatBuffer nextState = ((OnnxTensor) output(result, "stateN")).getFloatBuffer();
      state.clear();
      state.put(nextState);
      return out[0][0];
    } catch (OrtException e) {
      throw new IllegalStateException("Silero VAD inference failed: " + e.getMessage(), e);
    }
  }

  private static OnnxValue output(OrtSession.Result result, String name) {
    return result.get(name).orElseThrow(() -> new IllegalStateException("Silero VAD model has no output named " + name));
  }

  @Override
  public void close() {
    inputTensor.close();
    stateTensor.close();
    rateTensor.close();
  }
}
