package io.switchboard.server.e2e.sipp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A TLS hop on loopback for SIPp, whose Debian build has no OpenSSL ({@code -t l1} is refused):
 * either TLS in, TCP out (a carrier reached over TLS) or TCP in, TLS out (a carrier calling our
 * TLS port). Bytes are relayed untouched, each connection to its own connection.
 */
final class TlsRelay implements AutoCloseable {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final ServerSocket listener;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  private TlsRelay(ServerSocket listener, Connector connector) {
    this.listener = listener;
    Thread.ofVirtual().start(() -> acceptLoop(connector));
  }

  /**
   * Accepts TLS with {@code server}'s certificate and forwards in plain TCP to {@code targetPort}
   * (asked at each connection: SIPp's port is known only once the scenario naming ours starts).
   */
  static TlsRelay terminating(SSLContext server, IntSupplier targetPort) throws IOException {
    var listener = server.getServerSocketFactory().createServerSocket(0, 8, LOOPBACK);
    return new TlsRelay(listener, () -> new Socket(LOOPBACK, targetPort.getAsInt()));
  }

  /** Accepts TCP and forwards over TLS to {@code targetPort}, verifying it with {@code client}'s trust. */
  static TlsRelay originating(SSLContext client, int targetPort) throws IOException {
    var listener = new ServerSocket(0, 8, LOOPBACK);
    return new TlsRelay(listener, () -> {
      var socket = (SSLSocket) client.getSocketFactory().createSocket();
      socket.connect(new InetSocketAddress(LOOPBACK, targetPort), 5000);
      socket.startHandshake();
      return socket;
    });
  }

  int port() {
    return listener.getLocalPort();
  }

  private void acceptLoop(Connector connector) {
    while (!listener.isClosed()) {
      try {
        Socket in = listener.accept();
        sockets.add(in);
        Thread.ofVirtual().start(() -> {
          try {
            if (in instanceof SSLSocket tls) {
              tls.startHandshake(); // before the far side exists: a handshake failure is only about TLS
            }
            Socket out = connector.connect();
            sockets.add(out);
            Thread.ofVirtual().start(() -> pump(in, out));
            pump(out, in);
          } catch (IOException e) {
            closeQuietly(in);
          }
        });
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** Copies until either side ends, then closes both (TLS has no half-close). */
  private static void pump(Socket from, Socket to) {
    byte[] buffer = new byte[8192];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException ended) {
      // the other pump or close() ended the connection
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  @Override
  public void close() {
    closeQuietly(listener);
    sockets.forEach(TlsRelay::closeQuietly);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // closing anyway
    }
  }

  private interface Connector {
    Socket connect() throws IOException;
  }
}
