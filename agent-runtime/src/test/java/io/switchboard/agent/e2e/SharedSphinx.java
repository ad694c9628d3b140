package io.switchboard.agent.e2e;

import io.switchboard.agent.stt.sphinx.Sphinx4SpeechToText;
import java.util.concurrent.Executors;

/**
 * One Sphinx4 recogniser for all tests in the JVM: loading its models costs several seconds of
 * CPU, and decodes take turns on it anyway. Test fixture only.
 */
final class SharedSphinx {
  private SharedSphinx() {}

  private static final class Holder {
    static final Sphinx4SpeechToText STT = new Sphinx4SpeechToText(Executors.newVirtualThreadPerTaskExecutor());
  }

  static Sphinx4SpeechToText get() {
    return Holder.STT;
  }
}
