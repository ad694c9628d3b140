package io.switchboard.agent.vad.silero;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.switchboard.agent.vad.VadOptions;
import io.switchboard.agent.vad.VadStream;
import io.switchboard.agent.vad.VoiceActivityDetector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Silero VAD (v5, MIT, snakers4) on ONNX Runtime. The model scores 32 ms windows (512 samples at
 * 16 kHz, 256 at 8 kHz) with 64/32 samples of context and a recurrent state; a 20 ms frame
 * reports the latest window's score. The weights are taken from the npm registry at build time
 * ({@code @livekit/agents-plugin-silero}, sha256-checked) and ship as a classpath resource.
 */
public final class SileroVad implements VoiceActivityDetector, AutoCloseable {
  /** Where the build puts the model. */
  public static final String MODEL_RESOURCE = "/io/switchboard/agent/vad/silero/silero_vad.onnx";

  private final OrtEnvironment env;
  private final OrtSession session;
  private final int sampleRate;
  private final VadOptions options;

  /** Loads the bundled model for {@code sampleRate} (8000 or 16000 Hz). */
  public static SileroVad load(int sampleRate, VadOptions options) {
    try (InputStream in = SileroVad.class.getResourceAsStream(MODEL_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Silero VAD model " + MODEL_RESOURCE
            + " is not on the classpath: build agent-runtime with Maven, which fetches it from npm");
      }
      return new SileroVad(in.readAllBytes(), sampleRate, options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Silero VAD model", e);
    }
  }

  /** The bundled model at 16 kHz with LiveKit's Silero settings. */
  public static SileroVad load() {
    return load(16_000, VadOptions.SILERO);
  }

  public SileroVad(byte[] model, int sampleRate, VadOptions options) {
    if (sampleRate != 8_000 && sampleRate != 16_000) {
      throw new IllegalArgumentException("Silero VAD runs at 8000 or 16000 Hz, not " + sampleRate);
    }
    this.sampleRate = sampleRate;
    this.options = options;
    this.env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
      // One thread each: a call is a few hundred microseconds, and calls share the machine.
      so.setIntraOpNumThreads(1);
      so.setInterOpNumThreads(1);
      this.session = env.createSession(model, so);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot load the Silero VAD model: " + e.getMessage(), e);
    }
    for (String name : new String[] {"input", "state", "sr"}) {
      if (!session.getInputNames().contains(name)) {
        throw new IllegalStateException("not a Silero VAD v5 model: no input named '" + name + "' (inputs: " + session.getInputNames() + ")");
      }
    }
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  @Override
  public VadOptions options() {
    return options;
  }

  @Override
  public String label() {
    return "silero-vad";
  }

  @Override
  public VadStream open() {
    try {
      return new SileroStream(env, session, sampleRate);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot create Silero VAD tensors: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("closing the Silero VAD session failed", e);
    }
  }
}
