package io.switchboard.agent.tts.freetts;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import io.switchboard.agent.tts.TextToSpeech;
import io.switchboard.agent.tts.TtsOutput;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Speech synthesis with FreeTTS's "kevin16" diphone voice (US English, 16 kHz): pure Java, no
 * network, robotic but intelligible. Audio is handed over utterance by utterance as FreeTTS
 * produces it. One voice per instance; syntheses take turns on it.
 */
public final class FreeTtsTextToSpeech implements TextToSpeech, AutoCloseable {
  public static final int SAMPLE_RATE = 16_000;
  private static final String VOICE = "kevin16";

  private final Voice voice;
  private final PcmCapture capture = new PcmCapture();
  private final ReentrantLock lock = new ReentrantLock();

  /** Loads the voice (about a second the first time). {@code rate} in words per minute; FreeTTS's default is 150. */
  public FreeTtsTextToSpeech(float wordsPerMinute) {
    this.voice = Arrays.stream(new KevinVoiceDirectory().getVoices())
        .filter(v -> v.getName().equals(VOICE))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("FreeTTS voice " + VOICE + " is missing from the classpath"));
    voice.setAudioPlayer(capture);
    voice.allocate();
    voice.setRate(wordsPerMinute);
  }

  public FreeTtsTextToSpeech() {
    this(150f);
  }

  @Override
  public int sampleRate() {
    return SAMPLE_RATE;
  }

  @Override
  public String label() {
    return "freetts/" + VOICE;
  }

  @Override
  public void synthesize(String text, TtsOutput out) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      capture.start(out, Thread.currentThread());
      voice.speak(text);
      RuntimeException failure = capture.failure();
      boolean cancelled = capture.finish();
      if (failure != null) {
        throw failure;
      }
      if (cancelled) {
        throw new InterruptedException("synthesis cancelled");
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    voice.deallocate();
  }
}
