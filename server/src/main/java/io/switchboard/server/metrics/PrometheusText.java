package io.switchboard.server.metrics;

import java.util.Map;

/**
 * Prometheus' text exposition format, version 0.0.4: {@code # HELP} and {@code # TYPE} lines,
 * then one sample per line. Small enough to write rather than to take a client library (and its
 * process-wide default registry) for.
 */
final class PrometheusText {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final StringBuilder out = new StringBuilder(4096);

  PrometheusText gauge(String name, String help, double value) {
    header(name, help, "gauge");
    sample(name, Map.of(), value);
    return this;
  }

  /** A gauge with one label, one sample per entry. */
  PrometheusText gauge(String name, String help, String label, Map<String, ? extends Number> values) {
    header(name, help, "gauge");
    values.forEach((labelValue, v) -> sample(name, Map.of(label, labelValue), v.doubleValue()));
    return this;
  }

  /** {@code name} must end in {@code _total}, as the format's counters do. */
  PrometheusText counter(String name, String help, long value) {
    if (!name.endsWith("_total")) {
      throw new IllegalArgumentException("a counter's name ends in _total: " + name);
    }
    header(name, help, "counter");
    sample(name, Map.of(), value);
    return this;
  }

  PrometheusText histogram(String name, String help, Histogram.Snapshot h) {
    header(name, help, "histogram");
    for (int i = 0; i < h.bounds().length; i++) {
      sample(name + "_bucket", Map.of("le", number(h.bounds()[i])), h.cumulativeCounts()[i]);
    }
    sample(name + "_bucket", Map.of("le", "+Inf"), h.count());
    sample(name + "_sum", Map.of(), h.sum());
    sample(name + "_count", Map.of(), h.count());
    return this;
  }

  String text() {
    return out.toString();
  }

  private void header(String name, String help, String type) {
    out.append("# HELP ").append(name).append(' ');
    for (char c : help.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    out.append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private void sample(String name, Map<String, String> labels, double value) {
    out.append(name);
    if (!labels.isEmpty()) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, String> l : labels.entrySet()) {
        out.append(first ? "" : ",").append(l.getKey()).append("=\"");
        escapeLabel(l.getValue());
        out.append('"');
        first = false;
      }
      out.append('}');
    }
    out.append(' ').append(number(value)).append('\n');
  }

  private void escapeLabel(String value) {
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
  }

  /** Integers without a fraction ({@code 3}, not {@code 3.0}); others as Java prints doubles (Go parses both). */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
