package io.switchboard.agent.audio;

import java.util.List;

/**
 * What part of a reply's text the caller heard, from where playback stopped. Within a piece the
 * words are assumed evenly spread over its audio (LiveKit's speaking-rate estimate does the same
 * when the synthesiser gives no word timings).
 */
final class PlayedText {
  private PlayedText() {}

  static String of(List<SpeechAudio.TextSpan> spans, int playedSamples) {
    StringBuilder out = new StringBuilder();
    for (SpeechAudio.TextSpan span : spans) {
      if (playedSamples >= span.end()) {
        append(out, span.text());
      } else if (playedSamples > span.start()) {
        String[] words = span.text().split("\\s+");
        double heard = (double) (playedSamples - span.start()) / (span.end() - span.start());
        int count = (int) Math.floor(words.length * heard);
        append(out, String.join(" ", java.util.Arrays.copyOf(words, count)));
      }
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String text) {
    if (text.isBlank()) {
      return;
    }
    if (!out.isEmpty()) {
      out.append(' ');
    }
    out.append(text.strip());
  }
}
