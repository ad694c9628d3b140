package io.switchboard.agent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.agent.stt.SpeechToText;
import io.switchboard.agent.stt.SttEvent;
import io.switchboard.agent.stt.SttStream;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.sfu.concurrent.SerialExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Recognition through {@code POST {base}/audio/transcriptions} (OpenAI whisper-1 /
 * gpt-4o-transcribe, faster-whisper and speaches servers, vLLM, whisper.cpp's server). The
 * endpoint is not streaming, so each speech segment the VAD cut is buffered and uploaded as one
 * WAV file when it ends ({@code response_format=json}); its text comes back as one final result.
 * A failed upload is reported as {@link SttEvent.Failed} and the call goes on.
 */
public final class OpenAiSpeechToText implements SpeechToText {
  private final OpenAiHttp http;
  private final URI url;
  private final int sampleRate;
  private final String language;
  private final Executor executor;
  private final RandomGenerator random;

  /**
   * @param sampleRate the rate audio is uploaded at (16000 suits Whisper)
   * @param language ISO-639-1 hint such as "en", or empty to let the server detect it
   * @param executor runs the uploads (virtual threads suit)
   * @param random makes multipart boundaries
   */
  public OpenAiSpeechToText(OpenAiEndpoint endpoint, int sampleRate, String language, Executor executor, RandomGenerator random) {
    this.http = new OpenAiHttp(endpoint);
    this.url = endpoint.resolve("audio/transcriptions");
    this.sampleRate = sampleRate;
    this.language = language == null ? "" : language.strip();
    this.executor = executor;
    this.random = random;
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  @Override
  public boolean interimResults() {
    return false;
  }

  @Override
  public String label() {
    return http.endpoint.provider() + "/" + http.endpoint.model();
  }

  @Override
  public SttStream open(Consumer<SttEvent> events) {
    return new SegmentStream(events);
  }

  /** The text of one WAV upload. Blocking. */
  String transcribe(byte[] wav) throws InterruptedException {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    Multipart form = new Multipart("switchboard-" + HexFormat.of().formatHex(bytes))
        .field("model", http.endpoint.model())
        .field("response_format", "json");
    if (!language.isEmpty()) {
      form.field("language", language);
    }
    form.file("file", "speech.wav", "audio/wav", wav);
    HttpRequest request = http.post("audio/transcriptions", form.contentType(),
        HttpRequest.BodyPublishers.ofByteArray(form.finish())).header("Accept", "application/json").build();
    try (InputStream in = http.open(request)) {
      byte[] body = in.readAllBytes();
      JsonNode text;
      try {
        text = http.json.readTree(body).get("text");
      } catch (IOException notJson) {
        throw http.failure(url, 0, "the answer is not JSON: " + new String(body, 0, Math.min(body.length, 120),
            java.nio.charset.StandardCharsets.UTF_8), notJson);
      }
      if (text == null || !text.isTextual()) {
        throw http.failure(url, 0, "the answer has no \"text\" field", null);
      }
      return text.asText().strip();
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("transcription cancelled");
      }
      throw http.failure(url, 0, "reading the answer failed: " + e, e);
    }
  }

  /** Buffers the pushed speech; each end of speech uploads what was buffered, in order. */
  private final class SegmentStream implements SttStream {
    private final Consumer<SttEvent> events;
    private final SerialExecutor uploads = new SerialExecutor(executor);
    private byte[] pcm = new byte[64_000];
    private int length;
    private boolean closed;

    SegmentStream(Consumer<SttEvent> events) {
      this.events = events;
    }

    @Override
    public synchronized void push(PcmFrame frame) {
      if (frame.sampleRate() != sampleRate) {
        throw new IllegalArgumentException(label() + " takes " + sampleRate + " Hz audio, got a frame at " + frame.sampleRate() + " Hz");
      }
      int n = frame.length();
      if (length + 2 * n > pcm.length) {
        pcm = Arrays.copyOf(pcm, Math.max(pcm.length * 2, length + 2 * n));
      }
      short[] s = frame.samples();
      for (int i = 0; i < n; i++) {
        pcm[length++] = (byte) s[i];
        pcm[length++] = (byte) (s[i] >> 8);
      }
    }

    @Override
    public synchronized void endOfSpeech() {
      byte[] wav = length == 0 ? null : Wav.mono16(pcm, length, sampleRate);
      length = 0;
      uploads.execute(() -> {
        if (isClosed()) {
          return;
        }
        try {
          String text = wav == null ? "" : transcribe(wav);
          if (!isClosed()) {
            events.accept(new SttEvent.Final(text, Double.NaN));
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (RuntimeException e) {
          events.accept(new SttEvent.Failed(e));
        }
        if (!isClosed()) {
          events.accept(new SttEvent.SegmentDone());
        }
      });
    }

    private synchronized boolean isClosed() {
      return closed;
    }

    @Override
    public synchronized void close() {
      closed = true;
      length = 0;
    }
  }
}
