package io.switchboard.agent.openai;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read as a stream that gives up when the server sends nothing for
 * {@code idleTimeout}: a server that stalls in the middle of a reply fails it instead of holding
 * the agent in "thinking" until the caller speaks. Interrupting the reader cancels too. Pieces
 * are requested one at a time, so at most one is buffered ahead of the reader.
 */
final class IdleTimeoutBody extends InputStream implements HttpResponse.BodySubscriber<InputStream> {
  private static final Object END = new Object();

  private final long idleNanos;
  private final LinkedBlockingQueue<Object> pieces = new LinkedBlockingQueue<>();
  private volatile Flow.Subscription subscription;
  private Iterator<ByteBuffer> current = List.<ByteBuffer>of().iterator();
  private ByteBuffer buffer = ByteBuffer.allocate(0);
  private boolean ended;
  private boolean closed;

  IdleTimeoutBody(Duration idleTimeout) {
    this.idleNanos = idleTimeout.toNanos();
  }

  /** The stream itself, at once: the caller reads while the body arrives. */
  @Override
  public CompletionStage<InputStream> getBody() {
    return CompletableFuture.completedStage(this);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    pieces.add(item);
  }

  @Override
  public void onError(Throwable error) {
    pieces.add(error);
  }

  @Override
  public void onComplete() {
    pieces.add(END);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    if (length == 0) {
      return 0;
    }
    while (!buffer.hasRemaining()) {
      if (current.hasNext()) {
        buffer = current.next();
        continue;
      }
      if (ended || !nextPiece()) {
        return -1;
      }
    }
    int n = Math.min(length, buffer.remaining());
    buffer.get(into, offset, n);
    return n;
  }

  /** Waits for the next piece; false at the end of the body. */
  @SuppressWarnings("unchecked")
  private boolean nextPiece() throws IOException {
    Object piece;
    try {
      piece = pieces.poll(idleNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // callers see the flag and report a cancellation
      close();
      throw new InterruptedIOException("reading the response was interrupted");
    }
    if (piece == null) {
      close();
      throw new HttpTimeoutException("the server sent nothing for " + idleNanos / 1_000_000 + " ms");
    }
    if (piece == END) {
      ended = true;
      return false;
    }
    if (piece instanceof Throwable t) {
      ended = true;
      throw t instanceof IOException io ? io : new IOException(t);
    }
    current = ((List<ByteBuffer>) piece).iterator();
    subscription.request(1);
    return true;
  }

  /** Cancels the response: the connection is closed (HTTP/1.1) or the stream reset (HTTP/2). */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
  }
}
