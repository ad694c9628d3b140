package io.switchboard.agent.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts streamed model text into sentences, so speech synthesis can start on the first sentence
 * while the model is still writing. A sentence ends at '.', '!', '?' or a newline followed by
 * white space; pieces shorter than {@code minChars} wait to be joined with the next one, so
 * "Dr. Smith" or "Hi." do not become their own utterances.
 */
public final class SentenceSplitter {
  private final int minChars;
  private final StringBuilder pending = new StringBuilder();

  public SentenceSplitter(int minChars) {
    this.minChars = minChars;
  }

  /** Adds model text; returns the sentences it completed. */
  public List<String> push(String delta) {
    pending.append(delta);
    List<String> out = new ArrayList<>(1);
    int start = 0;
    for (int i = 0; i + 1 < pending.length(); i++) {
      char c = pending.charAt(i);
      boolean end = (c == '.' || c == '!' || c == '?' || c == '\n') && Character.isWhitespace(pending.charAt(i + 1));
      if (end && i + 1 - start >= minChars) {
        String sentence = pending.substring(start, i + 1).strip();
        if (!sentence.isEmpty()) {
          out.add(sentence);
        }
        start = i + 1;
      }
    }
    pending.delete(0, start);
    return out;
  }

  /** The rest, once the model is done; empty if nothing is left. */
  public String flush() {
    String rest = pending.toString().strip();
    pending.setLength(0);
    return rest;
  }
}
