package io.switchboard.media.rtp;

import java.util.HexFormat;

/** Test helper: bytes from annotated hex text ("80 00 | 12 34  # comment" per line). */
final class Hex {
  private Hex() {}

  static byte[] bytes(String annotated) {
    StringBuilder digits = new StringBuilder();
    for (String line : annotated.split("\n")) {
      int comment = line.indexOf('#');
      String data = comment >= 0 ? line.substring(0, comment) : line;
      digits.append(data.replaceAll("[\\s|]", ""));
    }
    return HexFormat.of().parseHex(digits);
  }
}
