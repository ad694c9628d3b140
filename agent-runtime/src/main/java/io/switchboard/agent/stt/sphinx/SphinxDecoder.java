package io.switchboard.agent.stt.sphinx;

import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.SpeechResult;
import edu.cmu.sphinx.api.StreamSpeechRecognizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One Sphinx4 recogniser over the bundled US English models; decodes whole segments, one at a time (a pool holds several). */
final class SphinxDecoder {
  private static final String MODELS = "resource:/edu/cmu/sphinx/models/en-us/";

  private final StreamSpeechRecognizer recognizer;
  /** Held so the level set below sticks (java.util.logging keeps loggers weakly). */
  private final Logger sphinxLog;

  SphinxDecoder() {
    // Sphinx4's default configuration logs at INFO while loading (one line per acoustic unit);
    // its configuration manager takes the global "logLevel" from a system property of that name.
    if (System.getProperty("logLevel") == null) {
      System.setProperty("logLevel", "WARNING");
    }
    Configuration config = new Configuration();
    config.setAcousticModelPath(MODELS + "en-us");
    config.setDictionaryPath(MODELS + "cmudict-en-us.dict");
    config.setLanguageModelPath(MODELS + "en-us.lm.bin");
    config.setSampleRate(Sphinx4SpeechToText.SAMPLE_RATE);
    try {
      recognizer = new StreamSpeechRecognizer(config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the Sphinx4 US English models (net.sf.phat:sphinx4-data)", e);
    }
    // Loading configured Sphinx4's logger ("default.config") at INFO: timers and memory after
    // every utterance. Warnings are enough.
    sphinxLog = Logger.getLogger("default.config");
    sphinxLog.setLevel(Level.WARNING);
  }

  /** The words in {@code pcm} (16 kHz, 16-bit little-endian), lower case, or "". */
  synchronized String decode(byte[] pcm) {
    recognizer.startRecognition(new ByteArrayInputStream(pcm));
    StringBuilder text = new StringBuilder();
    try {
      SpeechResult result;
      while ((result = recognizer.getResult()) != null) {
        String words = result.getHypothesis().strip();
        if (!words.isEmpty()) {
          if (!text.isEmpty()) {
            text.append(' ');
          }
          text.append(words);
        }
      }
    } finally {
      recognizer.stopRecognition();
    }
    return text.toString();
  }
}
