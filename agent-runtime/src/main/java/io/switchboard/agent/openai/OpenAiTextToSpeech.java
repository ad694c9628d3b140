package io.switchboard.agent.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.agent.tts.TextToSpeech;
import io.switchboard.agent.tts.TtsOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Synthesis through {@code POST {base}/audio/speech} with {@code response_format: "pcm"}: raw
 * 24 kHz signed 16-bit little-endian mono, read as the server sends it, so the first audio is
 * handed on while the rest is still being synthesised (OpenAI tts-1 / gpt-4o-mini-tts,
 * Kokoro-FastAPI, speaches, openedai-speech). Interrupting the calling thread closes the stream.
 *
 * <p>Rooms convert between rates that are whole multiples of each other (8, 16, 48 kHz), which
 * 24 kHz is not of 16 kHz, so by default the audio is handed on at 48 kHz (upsampled by 2).
 */
public final class OpenAiTextToSpeech implements TextToSpeech {
  /** The rate of OpenAI's "pcm" format. */
  public static final int WIRE_RATE = 24_000;
  /** The default rate audio is handed on at: one every room can convert from. */
  public static final int ROOM_RATE = 48_000;
  /** Bytes read per hand-over: 20 ms at 24 kHz. */
  private static final int READ_BYTES = 960;

  private final OpenAiHttp http;
  private final URI url;
  private final String voice;
  private final double speed;
  private final int outputRate;

  /**
   * @param voice e.g. "alloy" (OpenAI) or "af_bella" (Kokoro)
   * @param speed 0.25 to 4.0; 1.0 is normal
   */
  public OpenAiTextToSpeech(OpenAiEndpoint endpoint, String voice, double speed) {
    this(endpoint, voice, speed, ROOM_RATE);
  }

  /** As above, handing audio on at {@code outputRate}: {@link #WIRE_RATE} as received, or {@link #ROOM_RATE}. */
  public OpenAiTextToSpeech(OpenAiEndpoint endpoint, String voice, double speed, int outputRate) {
    if (outputRate != WIRE_RATE && outputRate != ROOM_RATE) {
      throw new IllegalArgumentException(endpoint.provider() + ": TTS output rate is " + WIRE_RATE + " or " + ROOM_RATE + ", not " + outputRate);
    }
    this.outputRate = outputRate;
    if (voice == null || voice.isBlank()) {
      throw new IllegalArgumentException(endpoint.provider() + ": a TTS voice is required (e.g. alloy)");
    }
    if (!(speed >= 0.25 && speed <= 4.0)) {
      throw new IllegalArgumentException(endpoint.provider() + ": TTS speed must be 0.25 to 4.0, not " + speed);
    }
    this.http = new OpenAiHttp(endpoint);
    this.url = endpoint.resolve("audio/speech");
    this.voice = voice;
    this.speed = speed;
  }

  @Override
  public int sampleRate() {
    return outputRate;
  }

  @Override
  public String label() {
    return http.endpoint.provider() + "/" + http.endpoint.model() + "/" + voice;
  }

  @Override
  public void synthesize(String text, TtsOutput target) throws InterruptedException {
    FrameResampler upsampler = outputRate == WIRE_RATE ? null : new FrameResampler(WIRE_RATE, outputRate, target);
    TtsOutput out = upsampler == null ? target : upsampler::append;
    ObjectNode body = http.json.createObjectNode()
        .put("model", http.endpoint.model())
        .put("voice", voice)
        .put("input", text)
        .put("response_format", "pcm");
    if (speed != 1.0) {
      body.put("speed", speed);
    }
    HttpRequest request = http.post("audio/speech", "application/json",
        HttpRequest.BodyPublishers.ofString(body.toString())).build();
    byte[] bytes = new byte[READ_BYTES + 1];
    short[] samples = new short[READ_BYTES / 2];
    try (InputStream in = http.open(request)) {
      int carried = 0; // an odd byte left from the previous read
      int n;
      while ((n = in.read(bytes, carried, READ_BYTES)) > 0) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("synthesis cancelled");
        }
        int available = carried + n;
        int count = available / 2;
        for (int i = 0; i < count; i++) {
          samples[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
        }
        if (count > 0) {
          out.audio(samples, 0, count);
        }
        carried = available & 1;
        if (carried == 1) {
          bytes[0] = bytes[available - 1];
        }
      }
      if (upsampler != null) {
        upsampler.finish();
      }
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new InterruptedException("synthesis cancelled");
      }
      throw http.failure(url, 0, "the audio stream broke: " + e, e);
    }
  }
}
