package io.switchboard.sfu.transport;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and writes the one-level JSON objects the node test peers print, values as strings. */
final class FlatJson {
  private FlatJson() {}

  static Map<String, String> parse(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = json.indexOf('{') + 1;
    while (i < json.length()) {
      int keyStart = json.indexOf('"', i);
      if (keyStart < 0) {
        break;
      }
      int keyEnd = json.indexOf('"', keyStart + 1);
      String key = json.substring(keyStart + 1, keyEnd);
      i = json.indexOf(':', keyEnd) + 1;
      while (json.charAt(i) == ' ') {
        i++;
      }
      StringBuilder value = new StringBuilder();
      if (json.charAt(i) == '"') {
        i++;
        for (char c; (c = json.charAt(i)) != '"'; i++) {
          if (c == '\\') {
            char e = json.charAt(++i);
            switch (e) {
              case 'n' -> value.append('\n');
              case 'r' -> value.append('\r');
              case 't' -> value.append('\t');
              case 'u' -> {
                value.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                i += 4;
              }
              default -> value.append(e);
            }
          } else {
            value.append(c);
          }
        }
        i++;
      } else {
        while (i < json.length() && ",}".indexOf(json.charAt(i)) < 0) {
          value.append(json.charAt(i++));
        }
      }
      out.put(key, value.toString().strip());
      i = json.indexOf(',', i);
      if (i < 0) {
        break;
      }
      i++;
    }
    return out;
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
