package io.switchboard.agent.openai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server standing in for an OpenAI-compatible API: it records every request and
 * answers from recorded wire captures, written in small flushed pieces (each an HTTP/1.1 chunk)
 * so clients see the bytes arrive the way a streaming server sends them.
 */
final class ReplayServer implements AutoCloseable {
  record Recorded(String method, String path, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      List<String> v = headers.get(name);
      return v == null || v.isEmpty() ? null : v.getFirst();
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Writes one response. */
  interface Reply {
    void write(HttpExchange exchange) throws IOException;
  }

  /**
   * A streamed answer that stops after {@code pauseAfter} pieces until {@link #open()} (or 10 s),
   * then keeps writing; it records whether the client hung up on it.
   */
  static final class Streamed implements Reply {
    private final String contentType;
    private final byte[] body;
    private final int pieceSize;
    private final int pauseAfter;
    private final int extraPieces;
    final CountDownLatch paused = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);
    final CountDownLatch clientClosed = new CountDownLatch(1);
    private final CountDownLatch pace = new CountDownLatch(1); // never opened
    /** Whether the client opened the gate while the server was waiting (not after a timeout). */
    volatile boolean openedByClient;
    private volatile boolean gateTimedOut;

    /** {@code extraPieces}: padding pieces written after the pause (to find out if the client left). */
    Streamed(String contentType, byte[] body, int pieceSize, int pauseAfter, int extraPieces) {
      this.contentType = contentType;
      this.body = body;
      this.pieceSize = pieceSize;
      this.pauseAfter = pauseAfter;
      this.extraPieces = extraPieces;
    }

    void open() {
      if (!gateTimedOut && gate.getCount() > 0) {
        openedByClient = true;
      }
      gate.countDown();
    }

    @Override
    public void write(HttpExchange exchange) throws IOException {
      exchange.getResponseHeaders().add("Content-Type", contentType);
      exchange.sendResponseHeaders(200, 0); // chunked
      OutputStream out = exchange.getResponseBody();
      try {
        int pieces = 0;
        for (int at = 0; at < body.length; at += pieceSize) {
          out.write(body, at, Math.min(pieceSize, body.length - at));
          out.flush();
          if (++pieces == pauseAfter) {
            paused.countDown();
            awaitGate();
            for (int i = 0; i < extraPieces; i++) {
              out.write(": keep-alive padding so a closed connection shows\n\n".getBytes(StandardCharsets.UTF_8));
              out.flush();
              // Paced like a server producing tokens, so a client that hangs up is noticed
              // (a write fails) before the padding runs out.
              pace.await(5, TimeUnit.MILLISECONDS);
            }
          }
        }
        out.close();
      } catch (IOException e) {
        clientClosed.countDown();
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void awaitGate() throws InterruptedException {
      gateTimedOut = !gate.await(10, TimeUnit.SECONDS);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, Deque<Reply>> routes = new HashMap<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();

  ReplayServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The base URL clients are configured with. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  URI uri(String path) {
    return URI.create(baseUrl() + "/" + path);
  }

  /** Answers requests to {@code path} with these replies in turn; the last one repeats. */
  synchronized ReplayServer route(String path, Reply... replies) {
    routes.put("/v1/" + path, new ArrayDeque<>(List.of(replies)));
    return this;
  }

  List<Recorded> requests() {
    return requests;
  }

  static Reply status(int status, String contentType, String body, String... headerPairs) {
    return exchange -> {
      for (int i = 0; i < headerPairs.length; i += 2) {
        exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", contentType);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    };
  }

  /** The whole body, streamed in {@code pieceSize}-byte pieces with no pause. */
  static Reply pieces(String contentType, byte[] body, int pieceSize) {
    return new Streamed(contentType, body, pieceSize, -1, 0);
  }

  static byte[] capture(String name) {
    try (InputStream in = ReplayServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test capture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, List<String>> headers = new HashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
      String path = exchange.getRequestURI().getPath();
      requests.add(new Recorded(exchange.getRequestMethod(), path, headers, body));
      Reply reply;
      synchronized (this) {
        Deque<Reply> queue = routes.get(path);
        reply = queue == null ? null : queue.size() > 1 ? queue.poll() : queue.peek();
      }
      if (reply == null) {
        status(404, "application/json", "{\"error\":{\"message\":\"no route " + path + "\"}}").write(exchange);
        return;
      }
      reply.write(exchange);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
