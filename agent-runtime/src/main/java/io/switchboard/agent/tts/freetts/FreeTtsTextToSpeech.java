package io.switchboard.agent.tts.freetts;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import io.switchboard.agent.pool.ModelPool;
import io.switchboard.agent.tts.TextToSpeech;
import io.switchboard.agent.tts.TtsOutput;
import java.util.Arrays;
import java.util.concurrent.Executor;

/**
 * Speech synthesis with FreeTTS's "kevin16" diphone voice (US English, 16 kHz): pure Java, no
 * network, robotic but intelligible. Audio is handed over utterance by utterance as FreeTTS
 * produces it. A voice speaks one text at a time; an instance keeps up to {@code maxVoices} of
 * them, made when concurrent syntheses would otherwise wait, so sessions do not queue behind
 * each other.
 */
public final class FreeTtsTextToSpeech implements TextToSpeech, AutoCloseable {
  public static final int SAMPLE_RATE = 16_000;
  private static final String VOICE = "kevin16";

  /** A voice and the capture it speaks into. */
  private record Speaker(Voice voice, PcmCapture capture) {}

  private final ModelPool<Speaker> speakers;

  /**
   * Loads one voice now (about a second the first time) and up to {@code maxVoices} in all, on
   * {@code loader}, as concurrent syntheses need them. {@code wordsPerMinute}: FreeTTS's default is 150.
   */
  public FreeTtsTextToSpeech(float wordsPerMinute, int maxVoices, Executor loader) {
    this.speakers = new ModelPool<>("FreeTTS " + VOICE + " voice", maxVoices, () -> load(wordsPerMinute), loader);
  }

  /** One voice: syntheses take turns on it. */
  public FreeTtsTextToSpeech(float wordsPerMinute) {
    this(wordsPerMinute, 1, Runnable::run);
  }

  public FreeTtsTextToSpeech() {
    this(150f);
  }

  private static Speaker load(float wordsPerMinute) {
    Voice voice = Arrays.stream(new KevinVoiceDirectory().getVoices())
        .filter(v -> v.getName().equals(VOICE))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("FreeTTS voice " + VOICE + " is missing from the classpath"));
    PcmCapture capture = new PcmCapture();
    voice.setAudioPlayer(capture);
    voice.allocate();
    voice.setRate(wordsPerMinute);
    return new Speaker(voice, capture);
  }

  @Override
  public int sampleRate() {
    return SAMPLE_RATE;
  }

  @Override
  public String label() {
    return "freetts/" + VOICE;
  }

  /** How many voices are loaded now. */
  public int voices() {
    return speakers.size();
  }

  @Override
  public void synthesize(String text, TtsOutput out) throws InterruptedException {
    speakers.with(speaker -> {
      speak(speaker, text, out);
      return null;
    });
  }

  private static void speak(Speaker speaker, String text, TtsOutput out) throws InterruptedException {
    PcmCapture capture = speaker.capture();
    capture.start(out, Thread.currentThread());
    speaker.voice().speak(text);
    RuntimeException failure = capture.failure();
    boolean cancelled = capture.finish();
    if (failure != null) {
      throw failure;
    }
    if (cancelled) {
      throw new InterruptedException("synthesis cancelled");
    }
  }

  @Override
  public void close() {
    speakers.close(s -> s.voice().deallocate());
  }
}
