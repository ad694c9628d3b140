package io.switchboard.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text exposition format 0.0.4 as Prometheus' documentation shows it. */
class PrometheusTextTest {
  @Test
  void aHistogramHasCumulativeBucketsAnInfBucketSumAndCount() {
    Histogram h = new Histogram(0.1, 0.5, 1);
    for (double s : new double[] {0.05, 0.3, 0.3, 2}) {
      h.observe(s);
    }
    assertEquals("""
        # HELP rpc_seconds Request latency.
        # TYPE rpc_seconds histogram
        rpc_seconds_bucket{le="0.1"} 1
        rpc_seconds_bucket{le="0.5"} 3
        rpc_seconds_bucket{le="1"} 3
        rpc_seconds_bucket{le="+Inf"} 4
        rpc_seconds_sum 2.65
        rpc_seconds_count 4
        """, new PrometheusText().histogram("rpc_seconds", "Request latency.", h.snapshot()).text());
  }

  @Test
  void gaugesCountersAndEscaping() {
    assertEquals("""
        # HELP rooms Open rooms.
        # TYPE rooms gauge
        rooms 3
        # HELP calls_total Calls, with a \\\\ and a\\nnewline.
        # TYPE calls_total counter
        calls_total 12
        # HELP people By kind.
        # TYPE people gauge
        people{kind="a \\"b\\" \\\\ c"} 0.5
        """, new PrometheusText()
            .gauge("rooms", "Open rooms.", 3)
            .counter("calls_total", "Calls, with a \\ and a\nnewline.", 12)
            .gauge("people", "By kind.", "kind", Map.of("a \"b\" \\ c", 0.5))
            .text());
    assertThrows(IllegalArgumentException.class, () -> new PrometheusText().counter("calls", "x", 1));
    assertThrows(IllegalArgumentException.class, () -> new Histogram(1, 0.5));
  }
}
