package io.switchboard.agent.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.agent.stt.SttEvent;
import io.switchboard.agent.stt.SttStream;
import io.switchboard.media.audio.PcmFrame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each end-pointed segment goes up as one WAV file; its text comes back as a final result. */
class OpenAiSpeechToTextTest {
  private final ReplayServer server = new ReplayServer();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final LinkedBlockingQueue<SttEvent> events = new LinkedBlockingQueue<>();

  @AfterEach
  void stop() {
    server.close();
    executor.shutdownNow();
  }

  private OpenAiSpeechToText stt(String language) {
    return new OpenAiSpeechToText(OpenAiEndpoint.of("whisper", server.baseUrl(), "whisper-1", "sk-stt"), 16_000,
        language, executor, new Random(7));
  }

  /** 440 Hz at a quarter of full scale, frame {@code n} of a continuous tone. */
  private static PcmFrame tone(int n) {
    PcmFrame f = new PcmFrame(16_000);
    short[] s = f.samples();
    for (int i = 0; i < f.length(); i++) {
      s[i] = (short) Math.round(8192 * Math.sin(2 * Math.PI * 440 * (n * f.length() + i) / 16_000.0));
    }
    return f;
  }

  private SttEvent next() throws InterruptedException {
    SttEvent e = events.poll(10, TimeUnit.SECONDS);
    assertTrue(e != null, "no STT event");
    return e;
  }

  @Test
  void uploadsTheSegmentAsWavAndDeliversTheText() throws Exception {
    server.route("audio/transcriptions", ReplayServer.status(200, "application/json", "{\"text\":\" Book a table for four tomorrow. \"}"));
    SttStream stream = stt("en").open(events::add);
    for (int n = 0; n < 50; n++) {
      stream.push(tone(n)); // one second
    }
    stream.endOfSpeech();

    assertEquals(new SttEvent.Final("Book a table for four tomorrow.", Double.NaN), next());
    assertInstanceOf(SttEvent.SegmentDone.class, next());

    ReplayServer.Recorded request = server.requests().getFirst();
    assertEquals("/v1/audio/transcriptions", request.path());
    assertEquals("Bearer sk-stt", request.header("authorization"));
    String contentType = request.header("content-type");
    assertTrue(contentType.startsWith("multipart/form-data; boundary="), contentType);
    String boundary = contentType.substring(contentType.indexOf('=') + 1);
    List<byte[]> parts = split(request.body(), ("--" + boundary).getBytes(StandardCharsets.US_ASCII));
    assertEquals(5, parts.size(), "model, response_format, language, file, and the closing --");
    assertEquals("\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n", ascii(parts.get(0)));
    assertEquals("\r\nContent-Disposition: form-data; name=\"response_format\"\r\n\r\njson\r\n", ascii(parts.get(1)));
    assertEquals("\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nen\r\n", ascii(parts.get(2)));
    assertEquals("--\r\n", ascii(parts.get(4)));
    byte[] file = parts.get(3);
    String head = "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"speech.wav\"\r\nContent-Type: audio/wav\r\n\r\n";
    assertEquals(head, ascii(Arrays.copyOf(file, head.length())));
    ByteBuffer wav = ByteBuffer.wrap(file, head.length(), file.length - head.length() - 2).slice().order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(44 + 32_000, wav.remaining(), "44-byte header + 16000 samples of 2 bytes");
    assertEquals("RIFF", ascii(Arrays.copyOfRange(file, head.length(), head.length() + 4)));
    assertEquals(36 + 32_000, wav.getInt(4));
    assertEquals(1, wav.getShort(20), "PCM");
    assertEquals(1, wav.getShort(22), "mono");
    assertEquals(16_000, wav.getInt(24));
    assertEquals(32_000, wav.getInt(28), "byte rate");
    assertEquals(16, wav.getShort(34), "bits per sample");
    assertEquals(32_000, wav.getInt(40), "data length");
    short[] first = tone(0).samples();
    for (int i = 0; i < 320; i++) {
      assertEquals(first[i], wav.getShort(44 + 2 * i), "sample " + i);
    }
  }

  @Test
  void aFailedUploadIsReportedAndTheSegmentStillEnds() throws Exception {
    server.route("audio/transcriptions",
        ReplayServer.status(500, "application/json", "{\"error\":{\"message\":\"CUDA out of memory\"}}"),
        ReplayServer.status(200, "application/json", "{\"text\":\"hello again\"}"));
    SttStream stream = stt("").open(events::add);
    stream.push(tone(0));
    stream.endOfSpeech();
    SttEvent.Failed failed = assertInstanceOf(SttEvent.Failed.class, next());
    assertEquals("whisper at " + server.uri("audio/transcriptions") + " answered HTTP 500: server error: CUDA out of memory",
        failed.cause().getMessage());
    assertInstanceOf(SttEvent.SegmentDone.class, next());

    stream.push(tone(1));
    stream.endOfSpeech();
    assertEquals(new SttEvent.Final("hello again", Double.NaN), next());
    assertInstanceOf(SttEvent.SegmentDone.class, next());
    assertTrue(!new String(server.requests().get(1).body(), StandardCharsets.ISO_8859_1).contains("name=\"language\""),
        "no language field when none is configured");
  }

  private static String ascii(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  /** The pieces between occurrences of {@code delimiter} (the preamble before the first is dropped). */
  private static List<byte[]> split(byte[] body, byte[] delimiter) {
    List<byte[]> parts = new java.util.ArrayList<>();
    int start = -1;
    for (int i = 0; i + delimiter.length <= body.length; i++) {
      if (Arrays.equals(body, i, i + delimiter.length, delimiter, 0, delimiter.length)) {
        if (start >= 0) {
          parts.add(Arrays.copyOfRange(body, start, i));
        }
        start = i + delimiter.length;
        i = start - 1;
      }
    }
    parts.add(Arrays.copyOfRange(body, start, body.length));
    return parts;
  }
}
