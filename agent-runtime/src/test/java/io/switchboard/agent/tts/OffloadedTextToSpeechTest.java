package io.switchboard.agent.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.testing.PcmRecorder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OffloadedTextToSpeechTest {
  private final ExecutorService inference = Executors.newCachedThreadPool();
  private final ExecutorService sessions = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void stop() {
    inference.shutdownNow();
    sessions.shutdownNow();
  }

  /** One sample per character; remembers the thread it ran on; blocks on "wait" until interrupted. */
  private final CompletableFuture<Thread> ranOn = new CompletableFuture<>();
  private final CompletableFuture<Boolean> sawInterruption = new CompletableFuture<>();
  private final CountDownLatch waiting = new CountDownLatch(1);
  private final TextToSpeech counting = new TextToSpeech() {
    @Override
    public int sampleRate() {
      return 8000;
    }

    @Override
    public void synthesize(String text, TtsOutput out) throws InterruptedException {
      ranOn.complete(Thread.currentThread());
      if (text.equals("fail")) {
        throw new IllegalArgumentException("cannot say fail");
      }
      if (text.equals("wait")) {
        waiting.countDown();
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          sawInterruption.complete(true);
          throw e;
        }
      }
      out.audio(new short[text.length()], 0, text.length());
    }
  };

  @Test
  void aSessionsVirtualThreadGetsTheAudioComputedOnAPlatformThread() throws Exception {
    OffloadedTextToSpeech tts = new OffloadedTextToSpeech(counting, inference);
    PcmRecorder heard = new PcmRecorder(8000);
    sessions.submit(() -> {
      assertTrue(Thread.currentThread().isVirtual());
      tts.synthesize("twelve chars", heard::append);
      return null;
    }).get(30, TimeUnit.SECONDS);
    assertEquals(12, heard.length());
    assertFalse(ranOn.get().isVirtual(), "synthesised on " + ranOn.get());
    assertEquals(8000, tts.sampleRate());
  }

  @Test
  void failuresReachTheCallerAsThemselves() {
    OffloadedTextToSpeech tts = new OffloadedTextToSpeech(counting, inference);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tts.synthesize("fail", (s, o, n) -> {}));
    assertEquals("cannot say fail", e.getMessage());
  }

  @Test
  void interruptingTheCallerCancelsTheSynthesis() throws Exception {
    OffloadedTextToSpeech tts = new OffloadedTextToSpeech(counting, inference);
    Future<?> reply = sessions.submit(() -> {
      tts.synthesize("wait", (s, o, n) -> {});
      return null;
    });
    assertTrue(waiting.await(30, TimeUnit.SECONDS));
    reply.cancel(true);
    assertTrue(sawInterruption.get(30, TimeUnit.SECONDS), "the platform thread was interrupted too");
  }
}
