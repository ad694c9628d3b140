package io.switchboard.bench.load;

import java.util.List;
import java.util.Map;

/** Writes maps, lists, strings and numbers as JSON: enough for the load report. */
final class Json {
  private Json() {}

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, "");
    return out.append('\n').toString();
  }

  private static void write(Object value, StringBuilder out, String indent) {
    switch (value) {
      case null -> out.append("null");
      case String s -> quote(s, out);
      case Double d when d.isNaN() || d.isInfinite() -> out.append("null");
      case Double d -> out.append(Math.round(d * 1000) / 1000.0);
      case Number n -> out.append(n);
      case Boolean b -> out.append(b);
      case Map<?, ?> map -> {
        out.append("{");
        String inner = indent + "  ";
        boolean first = true;
        for (var e : map.entrySet()) {
          out.append(first ? "\n" : ",\n").append(inner);
          quote(String.valueOf(e.getKey()), out);
          out.append(": ");
          write(e.getValue(), out, inner);
          first = false;
        }
        out.append(first ? "}" : "\n" + indent + "}");
      }
      case List<?> list -> {
        out.append("[");
        for (int i = 0; i < list.size(); i++) {
          out.append(i == 0 ? "" : ", ");
          write(list.get(i), out, indent);
        }
        out.append("]");
      }
      default -> quote(value.toString(), out);
    }
  }

  private static void quote(String s, StringBuilder out) {
    out.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
