package io.switchboard.sfu.transport.ice;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import kotlin.Unit;
import org.ice4j.ice.harvest.AbstractUdpListener;
import org.ice4j.util.Buffer;
import org.ice4j.util.BufferPool;

/**
 * ice4j's process-wide switches, set once before any Agent exists: the one place with static state,
 * because ice4j reads its configuration (Typesafe Config over system properties) and its push-API
 * and buffer-pool hooks from statics. {@link IceTransport} and {@link SharedUdpPort} call {@link
 * #ensureInitialized()}; a server may call it first thing to fail fast.
 *
 * <ul>
 *   <li>{@code ice4j.harvest.mapping.aws.enabled=false}: otherwise every process probes
 *       169.254.169.254 to guess whether it runs on EC2.
 *   <li>Push API on: the shared-port harvester hands payload to the component's buffer callback on
 *       its reader thread instead of queueing it for a socket read.
 *   <li>Received buffers come from a bounded pool of 1500-byte arrays and go back to it after the
 *       callback, instead of one new array per datagram.
 * </ul>
 */
public final class Ice4jBootstrap {
  private static final int POOLED_SIZE = 1500;
  private static final BlockingQueue<Buffer> POOL = new ArrayBlockingQueue<>(4096);
  private static boolean initialized;

  private Ice4jBootstrap() {}

  public static synchronized void ensureInitialized() {
    if (initialized) {
      return;
    }
    setDefault("ice4j.harvest.mapping.aws.enabled", "false");
    AbstractUdpListener.USE_PUSH_API = true;
    BufferPool.getBuffer = Ice4jBootstrap::take;
    BufferPool.returnBuffer =
        buffer -> {
          give(buffer);
          return Unit.INSTANCE;
        };
    initialized = true;
  }

  private static void setDefault(String key, String value) {
    if (value != null && System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  private static Buffer take(int size) {
    if (size > POOLED_SIZE) {
      return new Buffer(new byte[size], 0, size);
    }
    Buffer b = POOL.poll();
    if (b == null) {
      return new Buffer(new byte[POOLED_SIZE], 0, size);
    }
    b.setOffset(0);
    b.setLength(size);
    return b;
  }

  /** Returns a buffer received through the push API once its datagram is handled. */
  static void give(Buffer buffer) {
    if (buffer.getBuffer().length == POOLED_SIZE) {
      buffer.setRemoteAddress(null);
      buffer.setLocalAddress(null);
      buffer.setReceivedTime(null);
      POOL.offer(buffer);
    }
  }
}
