package io.switchboard.sfu.room;

import java.util.random.RandomGenerator;

/** LiveKit-style ids: a type prefix and 12 random base-62 characters ({@code RM_…}, {@code PA_…}). */
public final class Ids {
  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private final RandomGenerator random;

  public Ids(RandomGenerator random) {
    this.random = random;
  }

  public String next(String prefix) {
    StringBuilder sb = new StringBuilder(prefix.length() + 12).append(prefix);
    for (int i = 0; i < 12; i++) {
      sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }
}
