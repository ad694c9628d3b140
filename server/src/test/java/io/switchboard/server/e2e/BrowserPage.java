package io.switchboard.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Serves the test page (src/test/browser/index.html) and livekit-client's UMD bundle from
 * node_modules to a browser, and collects the JSON results the page posts to {@code /result}.
 */
final class BrowserPage implements AutoCloseable {
  static final Path DIR = Path.of("src/test/browser");
  private static final Path CLIENT = DIR.resolve("node_modules/livekit-client/dist/livekit-client.umd.js");
  private final ObjectMapper json = new ObjectMapper();
  private final BlockingQueue<JsonNode> results = new LinkedBlockingQueue<>();
  private final HttpServer http;

  static boolean clientInstalled() {
    return Files.isReadable(CLIENT);
  }

  BrowserPage() throws IOException {
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/index.html", x -> serve(x, DIR.resolve("index.html"), "text/html"));
    http.createContext("/video.html", x -> serve(x, DIR.resolve("video.html"), "text/html"));
    http.createContext("/livekit-client.umd.js", x -> serve(x, CLIENT, "text/javascript"));
    http.createContext("/result", this::collect);
    http.start();
  }

  /** The page's address with {@code query} appended, URL-encoded. */
  URI address(Map<String, String> query) {
    String encoded =
        query.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/index.html?" + encoded);
  }

  /** The address of another page of src/test/browser with {@code query} appended. */
  URI address(String page, Map<String, String> query) {
    return URI.create(address(query).toString().replace("/index.html?", "/" + page + "?"));
  }

  /** The next result the page posted that matches {@code wanted}, skipping others. */
  JsonNode await(Predicate<JsonNode> wanted, Duration timeout, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      JsonNode next = left > 0 ? results.poll(left, TimeUnit.NANOSECONDS) : null;
      if (next == null) {
        throw new AssertionError("the page never reported " + what + " within " + timeout);
      }
      if (wanted.test(next)) {
        return next;
      }
    }
  }

  private void serve(HttpExchange exchange, Path file, String type) throws IOException {
    byte[] body = Files.readAllBytes(file);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private void collect(HttpExchange exchange) throws IOException {
    results.add(json.readTree(exchange.getRequestBody()));
    exchange.sendResponseHeaders(204, -1);
    exchange.close();
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
