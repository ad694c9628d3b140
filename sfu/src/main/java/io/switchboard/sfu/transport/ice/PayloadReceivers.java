package io.switchboard.sfu.transport.ice;

import java.io.IOException;
import java.net.DatagramPacket;
import java.util.concurrent.Executor;
import org.ice4j.ice.Component;
import org.ice4j.socket.MultiplexingDatagramSocket;
import org.ice4j.util.BufferPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The two ways payload leaves ice4j for a {@link IceTransport.DatagramHandler}. */
final class PayloadReceivers {
  private static final Logger log = LoggerFactory.getLogger(PayloadReceivers.class);

  private PayloadReceivers() {}

  /** Shared port: ice4j's reader thread pushes each datagram; its buffer goes back to the pool. */
  static void push(Component component, IceTransport.DatagramHandler handler) {
    component.setBufferCallback(
        buffer -> {
          try {
            handler.onDatagram(buffer.getBuffer(), buffer.getOffset(), buffer.getLength());
          } finally {
            BufferPool.returnBuffer.invoke(buffer);
          }
        });
  }

  /**
   * Dedicated sockets: a loop on {@code executor} reads the component socket (which passes only
   * addresses that passed a check) into one reused buffer until the socket closes.
   */
  static void pull(
      Component component,
      int bufferSize,
      IceTransport.DatagramHandler handler,
      Executor executor) {
    MultiplexingDatagramSocket socket = component.getSocket();
    executor.execute(() -> readLoop(socket, new byte[bufferSize], handler));
  }

  private static void readLoop(
      MultiplexingDatagramSocket socket, byte[] buffer, IceTransport.DatagramHandler handler) {
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    while (!socket.isClosed()) {
      packet.setData(buffer, 0, buffer.length);
      try {
        socket.receive(packet);
      } catch (IOException e) {
        return; // closed with the agent
      }
      if (Thread.currentThread().isInterrupted()) {
        return; // ice4j's merging socket returns without a packet when interrupted
      }
      try {
        handler.onDatagram(buffer, packet.getOffset(), packet.getLength());
      } catch (RuntimeException e) {
        log.warn("datagram handler failed", e);
      }
    }
  }
}
