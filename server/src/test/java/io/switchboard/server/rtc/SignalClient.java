package io.switchboard.server.rtc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;

/** A bare protocol client of {@code /rtc}: binary SignalRequests out, SignalResponses in. */
final class SignalClient implements AutoCloseable {
  private static final int WAIT_SECONDS = 30;

  final BlockingQueue<SignalResponse> received;
  final CompletableFuture<Integer> closed;
  private final WebSocket socket;

  private SignalClient(WebSocket socket, Listener listener) {
    this.socket = socket;
    this.received = listener.received;
    this.closed = listener.closed;
  }

  /** Connects; the future fails with a WebSocketHandshakeException on a refused upgrade. */
  static CompletableFuture<SignalClient> connect(String wsUrl) {
    var holder = new CompletableFuture<SignalClient>();
    Listener listener = new Listener();
    HttpClient.newHttpClient()
        .newWebSocketBuilder()
        .buildAsync(URI.create(wsUrl), listener)
        .whenComplete(
            (ws, e) -> {
              if (e != null) {
                holder.completeExceptionally(e);
              } else {
                holder.complete(new SignalClient(ws, listener));
              }
            });
    // A handshake that never completes fails the test instead of hanging the build.
    return holder.orTimeout(20, TimeUnit.SECONDS);
  }

  void send(SignalRequest request) {
    socket.sendBinary(ByteBuffer.wrap(request.toByteArray()), true).join();
  }

  /**
   * The next response, within 30 s: a bound, not a wait (a first join in a fresh test JVM on a
   * loaded 2-core machine loads ice4j and BouncyCastle and took over 10 s once).
   */
  SignalResponse next() throws InterruptedException {
    SignalResponse r = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no signal response within " + WAIT_SECONDS + " s");
    }
    return r;
  }

  /** Skips responses until one matches, within 30 s in all. */
  SignalResponse next(Predicate<SignalResponse> match) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (System.nanoTime() < deadline) {
      SignalResponse r = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (r != null && match.test(r)) {
        return r;
      }
    }
    throw new AssertionError("no matching signal response within " + WAIT_SECONDS + " s");
  }

  @Override
  public void close() {
    socket.abort();
  }

  /**
   * Owns the queue and close future itself: the server's JoinResponse can arrive before
   * buildAsync completes, on the thread that would complete it, so waiting for the client here
   * would deadlock.
   */
  private static final class Listener implements WebSocket.Listener {
    final BlockingQueue<SignalResponse> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private ByteBuffer partial = ByteBuffer.allocate(0);

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      ByteBuffer all = ByteBuffer.allocate(partial.remaining() + data.remaining());
      all.put(partial).put(data).flip();
      partial = all;
      if (last) {
        byte[] bytes = new byte[partial.remaining()];
        partial.get(bytes);
        partial = ByteBuffer.allocate(0);
        try {
          received.add(SignalResponse.parseFrom(bytes));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
          throw new IllegalStateException(e);
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      closed.complete(status);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.completeExceptionally(error);
    }
  }
}
