package io.switchboard.sfu.transport.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.ice4j.attribute.AttributeFactory;
import org.ice4j.message.MessageFactory;
import org.ice4j.message.Request;
import org.ice4j.stack.TransactionID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The internet-facing side of ICE-TCP: what gets handed on and what gets closed. */
class TcpCheckListenerTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private record Handed(String ufrag, byte[] frame) {}

  private final BlockingQueue<Handed> handed = new LinkedBlockingQueue<>();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private ServerSocket server;
  private TcpCheckListener listener;

  private void listen(Duration firstCheckTimeout, int maxPending) throws Exception {
    server = new ServerSocket(0, 50, LOOPBACK);
    listener = new TcpCheckListener(
        List.of(server), executor, (socket, ufrag, frame) -> handed.add(new Handed(ufrag, frame)),
        firstCheckTimeout, maxPending);
    listener.start();
  }

  @AfterEach
  void close() {
    if (listener != null) {
      listener.close();
    }
    executor.shutdownNow();
  }

  @Test
  void aBindingRequestIsHandedOnWithItsLocalUfrag() throws Exception {
    listen(Duration.ofSeconds(10), 2);
    byte[] check = bindingRequest("srv1:cli1");
    try (Socket client = connect()) {
      send(client, check);
      Handed h = handed.poll(10, TimeUnit.SECONDS);
      assertEquals("srv1", h.ufrag());
      assertArrayEquals(check, h.frame());
    }
  }

  @Test
  void garbageAndSilenceAreClosedWithoutBeingHandedOn() throws Exception {
    listen(Duration.ofMillis(300), 2);
    try (Socket garbage = connect(); Socket silent = connect()) {
      send(garbage, "GET / HTTP/1.1\r\n\r\n".getBytes());
      assertEquals(-1, garbage.getInputStream().read(), "a non-STUN first frame closes the connection");
      assertEquals(-1, silent.getInputStream().read(), "no check within the timeout closes it");
    }
    assertNull(handed.poll(200, TimeUnit.MILLISECONDS));
  }

  @Test
  void connectionsBeyondThePendingLimitAreClosedAtOnce() throws Exception {
    listen(Duration.ofSeconds(30), 2);
    try (Socket a = connect(); Socket b = connect(); Socket third = connect()) {
      assertEquals(-1, third.getInputStream().read(), "the third waiting connection is refused");
      send(a, bindingRequest("srv2:cli2"));
      assertEquals("srv2", handed.poll(10, TimeUnit.SECONDS).ufrag());
    }
  }

  @Test
  void usernamesWithoutALocalPartAreNotChecks() throws Exception {
    assertNull(TcpCheckListener.localUfrag(bindingRequest(":cli")));
    assertNull(TcpCheckListener.localUfrag(new byte[19]));
    assertEquals("a", TcpCheckListener.localUfrag(bindingRequest("a:b")));
  }

  private Socket connect() throws Exception {
    Socket s = new Socket(LOOPBACK, server.getLocalPort());
    s.setSoTimeout(10_000);
    return s;
  }

  private static void send(Socket socket, byte[] frame) throws Exception {
    DataOutputStream out = new DataOutputStream(socket.getOutputStream());
    out.writeShort(frame.length);
    out.write(frame);
    out.flush();
  }

  private static byte[] bindingRequest(String username) throws Exception {
    Request request = MessageFactory.createBindingRequest();
    request.setTransactionID(TransactionID.createNewTransactionID().getBytes());
    request.putAttribute(AttributeFactory.createUsernameAttribute(username));
    return request.encode(null);
  }
}
