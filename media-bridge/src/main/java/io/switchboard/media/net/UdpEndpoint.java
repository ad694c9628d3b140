package io.switchboard.media.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * One bound UDP socket with preallocated direct buffers, so receiving and sending copy bytes
 * but allocate nothing. One thread may receive while others send; sends are serialised.
 */
final class UdpEndpoint implements AutoCloseable {
  /** Larger datagrams are truncated; RTP over UDP stays below the Ethernet MTU. */
  static final int MAX_DATAGRAM = 2048;

  private final DatagramChannel channel;
  private final InetSocketAddress localAddress;
  private final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
  private final ByteBuffer sendBuffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
  private int receivedLength;

  private UdpEndpoint(DatagramChannel channel) throws IOException {
    this.channel = channel;
    this.localAddress = (InetSocketAddress) channel.getLocalAddress();
  }

  static UdpEndpoint bind(InetSocketAddress address) throws IOException {
    var family =
        address.getAddress() instanceof java.net.Inet6Address
            ? StandardProtocolFamily.INET6
            : StandardProtocolFamily.INET;
    DatagramChannel channel = DatagramChannel.open(family);
    try {
      channel.bind(address);
      return new UdpEndpoint(channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  InetSocketAddress localAddress() {
    return localAddress;
  }

  /**
   * Blocks until a datagram arrives and copies it to {@code into}.
   *
   * @return the sender; the length is {@link #receivedLength()}
   */
  InetSocketAddress receive(byte[] into) throws IOException {
    receiveBuffer.clear();
    SocketAddress from = channel.receive(receiveBuffer);
    receiveBuffer.flip();
    receivedLength = Math.min(receiveBuffer.remaining(), into.length);
    receiveBuffer.get(into, 0, receivedLength);
    return (InetSocketAddress) from;
  }

  int receivedLength() {
    return receivedLength;
  }

  /** Sends {@code data[0, length)}; returns false if the socket refused it. */
  synchronized boolean send(byte[] data, int length, InetSocketAddress target) {
    sendBuffer.clear();
    sendBuffer.put(data, 0, length);
    sendBuffer.flip();
    try {
      return channel.send(sendBuffer, target) == length;
    } catch (IOException e) {
      return false;
    }
  }

  boolean isOpen() {
    return channel.isOpen();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
