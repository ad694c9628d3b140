package io.switchboard.agent.vad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.agent.tts.freetts.FreeTtsTextToSpeech;
import io.switchboard.agent.vad.silero.SileroVad;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.testing.PcmRecorder;
import io.switchboard.media.testing.ToneGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Silero (from the npm package, on ONNX Runtime) against synthesised speech, noise and a tone. */
class SileroVadTest {
  private static SileroVad silero;
  private static short[] speech;

  @BeforeAll
  static void load() throws Exception {
    silero = SileroVad.load();
    PcmRecorder rec = new PcmRecorder(16_000);
    try (FreeTtsTextToSpeech tts = new FreeTtsTextToSpeech()) {
      tts.synthesize("Good morning, I would like to book a table for two.", rec::append);
    }
    speech = rec.samples();
  }

  @AfterAll
  static void close() {
    silero.close();
  }

  /** 1 s of silence, the sentence, 1 s of silence: frame indexes where speech starts and ends. */
  private static List<String> segments(VoiceActivityDetector vad, short[] middle) {
    int silence = 16_000;
    short[] clip = new short[silence + middle.length + silence];
    System.arraycopy(middle, 0, clip, silence, middle.length);
    SpeechSegmenter seg = new SpeechSegmenter(vad.options());
    List<String> out = new ArrayList<>();
    PcmFrame frame = new PcmFrame(16_000);
    try (VadStream stream = vad.open()) {
      for (int f = 0; (f + 1) * 320 <= clip.length; f++) {
        System.arraycopy(clip, f * 320, frame.samples(), 0, 320);
        switch (seg.update(stream.process(frame))) {
          case STARTED -> out.add("start@" + f);
          case ENDED -> out.add("end@" + f);
          case NONE -> {}
        }
      }
    }
    return out;
  }

  private static int at(String event) {
    return Integer.parseInt(event.substring(event.indexOf('@') + 1));
  }

  /** Frames (20 ms) of the clip louder than -45 dBFS: where the voice really is. */
  private static int[] loudRange(short[] pcm) {
    int first = -1;
    int last = -1;
    for (int f = 0; (f + 1) * 320 <= pcm.length; f++) {
      if (io.switchboard.media.testing.SignalMetrics.rmsDbfs(pcm, f * 320, 320) > -45) {
        first = first < 0 ? f : first;
        last = f;
      }
    }
    return new int[] {first, last};
  }

  @Test
  void findsTheSentenceBetweenTheSilences() {
    List<String> events = segments(silero, speech);
    assertEquals(2, events.size(), events.toString());
    int[] loud = loudRange(speech);
    int onset = 50 + loud[0];
    int offset = 50 + loud[1];
    // The start needs min speech (50 ms) of a 32 ms window scoring high; the end needs 550 ms
    // (28 frames) below the deactivation threshold after the voice fades.
    assertTrue(at(events.get(0)) >= onset && at(events.get(0)) <= onset + 8, events + ", voice from frame " + onset);
    int end = at(events.get(1));
    assertTrue(end >= offset + 20 && end <= offset + 28 + 10, events + ", voice until frame " + offset);
  }

  @Test
  void whiteNoiseAndAToneAreNotSpeech() {
    Random random = new Random(7);
    short[] noise = new short[3 * 16_000];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (short) (random.nextGaussian() * 3000);
    }
    assertEquals(List.of(), segments(silero, noise), "Silero ignores steady noise");
    assertEquals(List.of(), segments(silero, ToneGenerator.tone(440, 8000, 16_000, 3 * 16_000)));
    assertEquals(2, segments(new EnergyVad(), noise).size(), "the energy detector cannot tell noise from speech");
  }

  @Test
  void worksAt8kHzToo() {
    SileroVad narrow = SileroVad.load(8_000, VadOptions.SILERO);
    try {
      short[] down = new short[speech.length / 2];
      for (int i = 0; i < down.length; i++) {
        down[i] = (short) ((speech[2 * i] + speech[2 * i + 1]) / 2);
      }
      PcmFrame frame = new PcmFrame(8_000);
      float max = 0;
      try (VadStream s = narrow.open()) {
        for (int f = 0; (f + 1) * 160 <= down.length; f++) {
          System.arraycopy(down, f * 160, frame.samples(), 0, 160);
          max = Math.max(max, s.process(frame));
        }
      }
      assertTrue(max > 0.9, "speech scores high at 8 kHz: " + max);
    } finally {
      narrow.close();
    }
  }
}
