package io.switchboard.sfu.transport.ice;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import org.ice4j.StunException;
import org.ice4j.attribute.Attribute;
import org.ice4j.attribute.UsernameAttribute;
import org.ice4j.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts ICE-TCP connections and reads each one's first RFC 4571 frame, which must be a STUN
 * Binding Request naming a local ufrag (RFC 6544 §7.1), before handing the connection on. The port
 * faces the internet: a connection gets {@code firstFrameTimeout} to send its check, at most
 * {@code maxPending} wait at once (more are closed at once), and anything but a check closes it.
 */
final class TcpCheckListener implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TcpCheckListener.class);

  /** Receives a connection whose first frame was a check for {@code localUfrag}. */
  @FunctionalInterface
  interface Handoff {
    void accept(Socket socket, String localUfrag, byte[] firstFrame) throws IOException;
  }

  private final List<ServerSocket> listening;
  private final Executor executor;
  private final Handoff handoff;
  private final int firstFrameTimeoutMillis;
  private final Semaphore pending;
  private volatile boolean closed;

  TcpCheckListener(
      List<ServerSocket> listening,
      Executor executor,
      Handoff handoff,
      Duration firstFrameTimeout,
      int maxPending) {
    this.listening = List.copyOf(listening);
    this.executor = executor;
    this.handoff = handoff;
    this.firstFrameTimeoutMillis = Math.toIntExact(firstFrameTimeout.toMillis());
    this.pending = new Semaphore(maxPending);
  }

  void start() {
    listening.forEach(server -> executor.execute(() -> acceptLoop(server)));
  }

  private void acceptLoop(ServerSocket server) {
    while (!closed) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (!closed) {
          log.warn("ICE-TCP accept on {} failed, no longer accepting: {}", server.getLocalSocketAddress(), e.getMessage());
        }
        return;
      }
      if (!pending.tryAcquire()) {
        log.debug("ICE-TCP connection from {} refused: too many waiting for a first check", socket.getRemoteSocketAddress());
        closeQuietly(socket);
        continue;
      }
      executor.execute(() -> {
        try {
          readFirstCheck(socket);
        } finally {
          pending.release();
        }
      });
    }
  }

  private void readFirstCheck(Socket socket) {
    try {
      socket.setSoTimeout(firstFrameTimeoutMillis);
      socket.setTcpNoDelay(true); // media: small frames must not wait for Nagle
      DataInputStream in = new DataInputStream(socket.getInputStream());
      byte[] frame = new byte[in.readUnsignedShort()];
      in.readFully(frame);
      String ufrag = localUfrag(frame);
      if (ufrag == null) {
        throw new IOException("first frame is not a STUN Binding Request with a USERNAME");
      }
      socket.setSoTimeout(0);
      handoff.accept(socket, ufrag, frame);
    } catch (SocketTimeoutException e) {
      log.debug("ICE-TCP connection from {} sent no check in {} ms", socket.getRemoteSocketAddress(), firstFrameTimeoutMillis);
      closeQuietly(socket);
    } catch (IOException | RuntimeException e) {
      log.debug("ICE-TCP connection from {} closed: {}", socket.getRemoteSocketAddress(), e.getMessage());
      closeQuietly(socket);
    }
  }

  /** The local ufrag of a Binding Request's USERNAME ({@code local:remote}, RFC 8445 §7.2.2). */
  static String localUfrag(byte[] frame) {
    if (frame.length < 20) {
      return null;
    }
    try {
      Message message = Message.decode(frame, 0, frame.length);
      if (message.getMessageType() != Message.BINDING_REQUEST
          || !(message.getAttribute(Attribute.USERNAME) instanceof UsernameAttribute username)) {
        return null;
      }
      String value = new String(username.getUsername(), java.nio.charset.StandardCharsets.UTF_8);
      int colon = value.indexOf(':');
      return colon <= 0 ? null : value.substring(0, colon);
    } catch (StunException | RuntimeException e) {
      return null;
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }

  /** Stops accepting and lets go of the ports; handed-on connections belong to their agents. */
  @Override
  public void close() {
    closed = true;
    for (ServerSocket server : listening) {
      try {
        server.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
