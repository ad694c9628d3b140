package io.switchboard.sip.transport;

import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The sockets JAIN-SIP opens, with TLS from our own {@link SSLContext} instead of the
 * {@code javax.net.ssl.*} files the stack would otherwise read. The stack makes this class by
 * reflection with no arguments, so {@link JainSipStack} hands it the context right after making
 * the stack, before any listening point exists (no static state).
 *
 * <p>Outgoing TLS connections verify the carrier's certificate chain and its name against the
 * address we dialled (RFC 5922 §7.2: subjectAltName DNS or IP), as HTTPS does.
 */
public final class JainTlsNetworkLayer implements NetworkLayer {
  private static final int CONNECT_TIMEOUT_MILLIS = 8000;

  private volatile SSLContext context;

  public JainTlsNetworkLayer() {
    // made by the stack through reflection; use() supplies the context
  }

  void use(SSLContext ssl) {
    this.context = ssl;
  }

  @Override
  public void setSipStack(SipStackImpl stack) {
    // nothing to take from the stack
  }

  private SSLContext context() {
    SSLContext ssl = context;
    if (ssl == null) {
      throw new IllegalStateException("SIP TLS socket asked for before the TLS context was set");
    }
    return ssl;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
    return new ServerSocket(port, backlog, bindAddress);
  }

  @Override
  public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
    return (SSLServerSocket) context().getServerSocketFactory().createServerSocket(port, backlog, bindAddress);
  }

  @Override
  public Socket createSocket(InetAddress address, int port) throws IOException {
    return new Socket(address, port);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
    return createSocket(address, port, myAddress, 0);
  }

  /** Plain TCP as the stack's default layer makes it: bound to our address, connect bounded in time. */
  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort) throws IOException {
    var socket = new Socket();
    if (myAddress != null) {
      socket.bind(new InetSocketAddress(myAddress, myPort));
    }
    socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
    return socket;
  }

  @Override
  public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
    return createSSLSocket(address, port, null);
  }

  @Override
  public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
    var socket = (SSLSocket) context().getSocketFactory().createSocket();
    var parameters = socket.getSSLParameters();
    // The JDK checks the certificate's names against the host the address was resolved from
    // (or its literal IP), the way HTTPS clients do.
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    socket.setSSLParameters(parameters);
    if (myAddress != null) {
      socket.bind(new InetSocketAddress(myAddress, 0));
    }
    socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
    return socket;
  }

  @Override
  public DatagramSocket createDatagramSocket() throws SocketException {
    return new DatagramSocket();
  }

  @Override
  public DatagramSocket createDatagramSocket(int port, InetAddress bindAddress) throws SocketException {
    return new DatagramSocket(port, bindAddress);
  }
}
