package io.switchboard.sfu.transport.ice;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of ICE-TCP written from the RFCs, as a browser behind a UDP-blocking firewall
 * does it: an active TCP connection to our passive candidate (RFC 6544), RFC 4571 framing, STUN
 * checks with short-term credentials (RFC 8489 §14.5, §14.7, RFC 8445 §7.1-7.3), answers to the
 * server's checks, and anything that is not STUN handed to {@link #received}.
 */
final class ActiveTcpPeer implements AutoCloseable {
  private static final int MAGIC_COOKIE = 0x2112A442;
  private static final int BINDING_REQUEST = 0x0001;
  private static final int BINDING_SUCCESS = 0x0101;

  final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
  final BlockingQueue<Boolean> checkAnswered = new LinkedBlockingQueue<>();
  final BlockingQueue<Boolean> nominatedByServer = new LinkedBlockingQueue<>();
  private final Socket socket;
  private final DataOutputStream out;
  private final IceParameters local;
  private final IceParameters server;
  private final Thread reader;

  ActiveTcpPeer(InetSocketAddress candidate, IceParameters local, IceParameters server) throws IOException {
    this.socket = new Socket(candidate.getAddress(), candidate.getPort());
    this.out = new DataOutputStream(socket.getOutputStream());
    this.local = local;
    this.server = server;
    this.reader = Thread.ofVirtual().start(this::readLoop);
  }

  /** Sends a connectivity check to the server; {@code controlling} also nominates the pair. */
  void sendCheck(boolean controlling) throws IOException {
    ByteBuffer attrs = ByteBuffer.allocate(256);
    attribute(attrs, 0x0006, (server.ufrag() + ":" + local.ufrag()).getBytes(StandardCharsets.UTF_8));
    attribute(attrs, 0x0024, ByteBuffer.allocate(4).putInt(0x6EFFFEFF).array()); // PRIORITY, prflx
    attribute(attrs, controlling ? 0x802A : 0x8029, ByteBuffer.allocate(8).putLong(new SecureRandom().nextLong()).array());
    if (controlling) {
      attribute(attrs, 0x0025, new byte[0]); // USE-CANDIDATE
    }
    byte[] transaction = new byte[12];
    new SecureRandom().nextBytes(transaction);
    send(BINDING_REQUEST, transaction, attrs, server.password());
  }

  /** Sends a non-STUN datagram, as DTLS or SRTP would go. */
  synchronized void sendPayload(byte[] payload) throws IOException {
    out.writeShort(payload.length);
    out.write(payload);
    out.flush();
  }

  private void readLoop() {
    try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
      while (true) {
        byte[] frame = new byte[in.readUnsignedShort()];
        in.readFully(frame);
        boolean stun = frame.length >= 20 && ByteBuffer.wrap(frame, 4, 4).getInt() == MAGIC_COOKIE;
        if (!stun) {
          received.add(frame);
          continue;
        }
        int type = ByteBuffer.wrap(frame).getShort() & 0xFFFF;
        if (type == BINDING_SUCCESS) {
          checkAnswered.add(true);
        } else if (type == BINDING_REQUEST) {
          if (hasAttribute(frame, 0x0025)) {
            nominatedByServer.add(true);
          }
          answer(Arrays.copyOfRange(frame, 8, 20));
        }
      }
    } catch (IOException | GeneralSecurityException e) {
      // closed
    }
  }

  /** A success response with XOR-MAPPED-ADDRESS, signed with our password (RFC 8445 §7.3.1.2). */
  private void answer(byte[] transaction) throws IOException, GeneralSecurityException {
    ByteBuffer attrs = ByteBuffer.allocate(64);
    byte[] ip = socket.getInetAddress().getAddress();
    ByteBuffer mapped = ByteBuffer.allocate(8).put((byte) 0).put((byte) 1)
        .putShort((short) (socket.getPort() ^ (MAGIC_COOKIE >>> 16)))
        .putInt(ByteBuffer.wrap(ip).getInt() ^ MAGIC_COOKIE);
    attribute(attrs, 0x0020, mapped.array());
    send(BINDING_SUCCESS, transaction, attrs, local.password());
  }

  private synchronized void send(int type, byte[] transaction, ByteBuffer attrs, String password) throws IOException {
    try {
      attrs.flip();
      byte[] body = new byte[attrs.remaining()];
      attrs.get(body);
      // MESSAGE-INTEGRITY over the message with its length counting the MI attribute (§14.5).
      ByteBuffer m = ByteBuffer.allocate(20 + body.length + 24 + 8);
      m.putShort((short) type).putShort((short) (body.length + 24)).putInt(MAGIC_COOKIE).put(transaction).put(body);
      Mac hmac = Mac.getInstance("HmacSHA1");
      hmac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      hmac.update(m.array(), 0, m.position());
      m.putShort((short) 0x0008).putShort((short) 20).put(hmac.doFinal());
      // FINGERPRINT: CRC-32 of everything before it, length now counting it too (§14.7).
      m.putShort(2, (short) (body.length + 24 + 8));
      CRC32 crc = new CRC32();
      crc.update(m.array(), 0, m.position());
      m.putShort((short) 0x8028).putShort((short) 4).putInt((int) crc.getValue() ^ 0x5354554E);
      sendPayload(m.array());
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  private static void attribute(ByteBuffer b, int type, byte[] value) {
    b.putShort((short) type).putShort((short) value.length).put(value);
    while (b.position() % 4 != 0) {
      b.put((byte) 0);
    }
  }

  private static boolean hasAttribute(byte[] frame, int wanted) {
    int at = 20;
    while (at + 4 <= frame.length) {
      int type = ((frame[at] & 0xFF) << 8) | (frame[at + 1] & 0xFF);
      int length = ((frame[at + 2] & 0xFF) << 8) | (frame[at + 3] & 0xFF);
      if (type == wanted) {
        return true;
      }
      at += 4 + ((length + 3) & ~3);
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    reader.interrupt();
  }
}
