package io.switchboard.sfu.transport.ice;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import org.ice4j.socket.IceSocketWrapper;

/**
 * A connection's STUN view for ice4j's stack that first returns the check already read by {@link
 * TcpCheckListener}, then reads on.
 */
final class PushBackSocketWrapper extends IceSocketWrapper {
  private final IceSocketWrapper wrapped;
  private final SocketAddress remote;
  private byte[] first; // guarded by this

  PushBackSocketWrapper(IceSocketWrapper wrapped, byte[] first, SocketAddress remote) {
    this.wrapped = wrapped;
    this.first = first;
    this.remote = remote;
  }

  @Override
  public void receive(DatagramPacket p) throws IOException {
    byte[] pushedBack;
    synchronized (this) {
      pushedBack = first;
      first = null;
    }
    if (pushedBack == null) {
      wrapped.receive(p);
      return;
    }
    int length = Math.min(pushedBack.length, p.getData().length - p.getOffset());
    System.arraycopy(pushedBack, 0, p.getData(), p.getOffset(), length);
    p.setLength(length);
    p.setSocketAddress(remote);
  }

  @Override
  public void send(DatagramPacket p) throws IOException {
    wrapped.send(p);
  }

  @Override
  public void close() {
    wrapped.close();
  }

  @Override
  public InetAddress getLocalAddress() {
    return wrapped.getLocalAddress();
  }

  @Override
  public int getLocalPort() {
    return wrapped.getLocalPort();
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    return wrapped.getLocalSocketAddress();
  }

  @Override
  public Socket getTCPSocket() {
    return wrapped.getTCPSocket();
  }

  @Override
  public DatagramSocket getUDPSocket() {
    return wrapped.getUDPSocket();
  }
}
