package io.switchboard.server.metrics;

import io.switchboard.server.http.HttpExchange;
import io.switchboard.server.http.HttpHandler;
import io.switchboard.server.http.HttpReply;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code GET /metrics} for Prometheus, unauthenticated as LiveKit's prometheus_port is. */
public final class MetricsEndpoint implements HttpHandler {
  private final ServerMetrics metrics;

  public MetricsEndpoint(ServerMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public HttpReply handle(HttpExchange exchange) {
    if (!exchange.method().equals("GET") && !exchange.method().equals("HEAD")) {
      return new HttpReply(405, "text/plain", "use GET for /metrics".getBytes(StandardCharsets.UTF_8),
          Map.of("Allow", "GET, HEAD"));
    }
    return new HttpReply(200, PrometheusText.CONTENT_TYPE, metrics.scrape().getBytes(StandardCharsets.UTF_8), null);
  }
}
