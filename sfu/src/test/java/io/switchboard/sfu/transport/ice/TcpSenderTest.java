package io.switchboard.sfu.transport.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ice4j.socket.IceTcpSocketWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The ICE-TCP writer over a real loopback connection. */
class TcpSenderTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Test
  void datagramsArriveFramedPerRfc4571InOrder() throws Exception {
    try (ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
        ServerSocket listener = new ServerSocket(0, 1, LOOPBACK);
        Socket client = new Socket(LOOPBACK, listener.getLocalPort());
        Socket peer = listener.accept()) {
      TcpSender sender = new TcpSender(new IceTcpSocketWrapper(client), 16, writers);
      byte[][] sent = {{1, 2, 3}, new byte[1200], {(byte) 0x80, 0x60}};
      sent[1][1199] = 42;
      for (byte[] datagram : sent) {
        assertTrue(sender.offer(datagram, 0, datagram.length));
      }
      DataInputStream in = new DataInputStream(peer.getInputStream());
      for (byte[] expected : sent) {
        byte[] frame = new byte[in.readUnsignedShort()];
        in.readFully(frame);
        assertArrayEquals(expected, frame);
      }
      sender.close();
      assertFalse(sender.offer(sent[0], 0, 3), "a closed sender takes nothing");
    }
  }

  /** A peer that stops reading fills the TCP window; the sender's callers carry on and it drops. */
  @Test
  @Timeout(60) // a blocked offer() would hang here
  void aPeerThatStopsReadingNeverBlocksTheCaller() throws Exception {
    try (ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
        ServerSocket listener = new ServerSocket(0, 1, LOOPBACK);
        Socket client = new Socket(LOOPBACK, listener.getLocalPort());
        Socket peer = listener.accept()) {
      TcpSender sender = new TcpSender(new IceTcpSocketWrapper(client), 64, writers);
      byte[] datagram = new byte[1200];
      int accepted = 0;
      int offered = 20_000; // 24 MB: far more than the loopback socket buffers hold
      for (int i = 0; i < offered; i++) {
        if (sender.offer(datagram, 0, datagram.length)) {
          accepted++;
        }
      }
      assertTrue(sender.dropped() > 0, "nothing was dropped although the peer never read");
      assertEquals(offered, accepted + sender.dropped());
      sender.close();
      assertTrue(peer.isConnected());
    }
  }
}
