package io.switchboard.sfu.transport.ice;

import java.io.IOException;
import java.net.DatagramPacket;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.ice4j.socket.IceSocketWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes datagrams to one ICE-TCP connection from a thread of its own. A TCP write blocks while the
 * peer's window is full, and the threads that send are the ones forwarding everyone's media: a
 * slow TCP subscriber must not stall them. A full queue drops the datagram, as a congested UDP path
 * would, and the peer's NACKs and PLIs recover as they do for UDP loss.
 */
final class TcpSender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TcpSender.class);
  private static final byte[] STOP = new byte[0];

  private final IceSocketWrapper socket;
  private final BlockingQueue<byte[]> queue;
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean closed;

  TcpSender(IceSocketWrapper socket, int capacity, Executor writer) {
    this.socket = socket;
    this.queue = new ArrayBlockingQueue<>(capacity);
    writer.execute(this::writeLoop);
  }

  /** The socket this sender writes to. */
  IceSocketWrapper socket() {
    return socket;
  }

  /** Queues a copy of the datagram; false if it was dropped (queue full or sender closed). */
  boolean offer(byte[] buf, int off, int len) {
    if (closed) {
      return false;
    }
    if (!queue.offer(Arrays.copyOfRange(buf, off, off + len))) {
      dropped.incrementAndGet();
      return false;
    }
    return true;
  }

  /** Datagrams dropped because the connection could not keep up. */
  long dropped() {
    return dropped.get();
  }

  private void writeLoop() {
    DatagramPacket packet = new DatagramPacket(STOP, 0);
    try {
      while (true) {
        byte[] next = queue.take();
        if (next == STOP) {
          return;
        }
        packet.setData(next);
        socket.send(packet); // framed per RFC 4571 by ice4j's TCP output stream
      }
    } catch (IOException e) {
      if (!closed) {
        log.debug("ICE-TCP write failed, sender stops: {}", e.getMessage());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closed = true;
      queue.clear();
    }
  }

  @Override
  public void close() {
    closed = true;
    queue.clear();
    queue.offer(STOP);
  }
}
