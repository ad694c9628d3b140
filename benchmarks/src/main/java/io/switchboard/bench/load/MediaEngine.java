package io.switchboard.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Moves every caller's RTP: one sender thread sends each caller's next frame every 20 ms on an
 * absolute schedule, one receiver thread reads every socket through a selector and measures.
 * Two threads in all, whatever the number of calls, so the generator stays light next to the
 * server it loads on the same machine.
 *
 * <p>Real phones are not in step with each other or with the server's media clock, so callers
 * are spread over {@value #SLOTS} send slots 1 ms apart: each caller's packets reach the server
 * at a different point of its 20 ms tick, and the two callers of a room at different points.
 */
final class MediaEngine implements AutoCloseable {
  private static final long FRAME_NANOS = 20_000_000L;
  static final int SLOTS = 20;
  private static final long SLOT_NANOS = FRAME_NANOS / SLOTS;

  private final List<Caller> callers;
  private final Caller[][] bySlot;
  private final Selector selector;
  private final Thread sender;
  private final Thread receiver;
  private volatile boolean running = true;
  private volatile boolean measuring;
  /** One-way latency samples, µs (receiver thread). */
  final Histogram latency = new Histogram(10, 1_000_000);
  /** How late the sender started each tick, µs (sender thread). */
  final Histogram senderLateness = new Histogram(10, 1_000_000);
  long sendFailures;

  /** Callers 2k and 2k+1 share a room and listen for each other. */
  MediaEngine(List<Caller> callers) throws IOException {
    this.callers = callers;
    this.bySlot = new Caller[SLOTS][];
    for (int slot = 0; slot < SLOTS; slot++) {
      final int s = slot;
      bySlot[slot] = callers.stream().filter(c -> slotOf(c.index) == s).toArray(Caller[]::new);
    }
    this.selector = Selector.open();
    for (Caller c : callers) {
      c.rtp.register(selector, SelectionKey.OP_READ, c);
      c.rtcp.register(selector, SelectionKey.OP_READ, c);
    }
    this.sender = Thread.ofPlatform().name("rtp-sender").unstarted(this::sendLoop);
    this.receiver = Thread.ofPlatform().name("rtp-receiver").unstarted(this::receiveLoop);
  }

  /** The send slot of caller {@code index}: pairs land 7 ms apart, consecutive pairs 14 ms apart. */
  static int slotOf(int index) {
    return (index * 7) % SLOTS;
  }

  void start() {
    sender.start();
    receiver.start();
  }

  void measure(boolean on) {
    measuring = on;
  }

  private void sendLoop() {
    long deadline = System.nanoTime();
    int slot = 0;
    while (running) {
      long now = System.nanoTime();
      if (measuring && bySlot[slot].length > 0) {
        senderLateness.add((now - deadline) / 1000);
      }
      for (Caller c : bySlot[slot]) {
        try {
          if (!c.sendFrame(System.nanoTime())) {
            sendFailures++;
          }
        } catch (IOException e) {
          sendFailures++;
        }
      }
      slot = (slot + 1) % SLOTS;
      deadline += SLOT_NANOS;
      long wait;
      while ((wait = deadline - System.nanoTime()) > 0 && running) {
        LockSupport.parkNanos(wait);
      }
    }
  }

  private void receiveLoop() {
    ByteBuffer datagram = ByteBuffer.allocateDirect(2048);
    try {
      while (running) {
        selector.select(100);
        var ready = selector.selectedKeys().iterator();
        while (ready.hasNext()) {
          SelectionKey key = ready.next();
          ready.remove();
          drain(key, datagram);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void drain(SelectionKey key, ByteBuffer datagram) throws IOException {
    Caller c = (Caller) key.attachment();
    boolean isRtcp = key.channel() == c.rtcp;
    while (true) {
      datagram.clear();
      if ((isRtcp ? c.rtcp : c.rtp).receive(datagram) == null) {
        return;
      }
      long arrival = System.nanoTime();
      datagram.flip();
      if (isRtcp) {
        if (measuring) {
          c.serverView.onPacket(datagram, c.ssrc);
        }
      } else {
        long oneWay = c.onPacket(datagram, arrival, measuring, callers.get(c.index ^ 1));
        if (oneWay >= 0) {
          latency.add(oneWay / 1000);
        }
      }
    }
  }

  /** Stops both threads; afterwards their measurements may be read. */
  @Override
  public void close() throws IOException {
    if (!selector.isOpen()) {
      return;
    }
    running = false;
    selector.wakeup();
    try {
      sender.join();
      receiver.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    selector.close();
  }
}
