package io.switchboard.sfu.transport.dtls;

import io.switchboard.sfu.transport.srtp.SrtpProfile;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;

/**
 * One DTLS-SRTP association over BouncyCastle, with no network access of its own (as JVB's
 * DtlsStack): records from the network are pushed in with {@link #receive}, records to send leave
 * through the {@link Sender}. {@link #handshake} blocks until the handshake completes, so run it on
 * a thread that may block (a virtual thread).
 */
public final class DtlsStack implements AutoCloseable {
  /** Where our DTLS records go: the ICE transport. */
  @FunctionalInterface
  public interface Sender {
    void send(byte[] buf, int off, int len) throws IOException;
  }

  /**
   * Receives decrypted application data (SCTP packets, RFC 8261) on the network thread; the bytes
   * are valid only during the call.
   */
  @FunctionalInterface
  public interface ApplicationDataHandler {
    void onApplicationData(byte[] buf, int off, int len);
  }

  /** Told when the peer ends the association after the handshake (close_notify or fatal alert). */
  @FunctionalInterface
  public interface CloseListener {
    void peerClosed(String reason);
  }

  private final DtlsCertificate certificate;
  private final List<SrtpProfile> profiles;
  private final int handshakeTimeoutMillis;
  private final QueuedDatagramTransport transport;
  private final FingerprintVerifier verifier = new FingerprintVerifier();
  private final CloseListener closeListener;
  private final byte[] drainBuffer = new byte[1500];
  private final Object sendLock = new Object();
  private volatile ApplicationDataHandler applicationData = (buf, off, len) -> {};
  private volatile DTLSTransport established;
  private volatile boolean handshakeDone; // set after stopBlocking: records may then be lent
  private volatile boolean closed;

  public DtlsStack(
      DtlsCertificate certificate,
      List<SrtpProfile> profiles,
      Duration handshakeTimeout,
      Sender sender,
      CloseListener closeListener) {
    if (profiles.isEmpty()) {
      throw new IllegalArgumentException("at least one SRTP profile is required");
    }
    this.certificate = certificate;
    this.profiles = List.copyOf(profiles);
    this.handshakeTimeoutMillis = Math.toIntExact(handshakeTimeout.toMillis());
    this.transport = new QueuedDatagramTransport(sender);
    this.closeListener = closeListener;
  }

  public DtlsFingerprint localFingerprint() {
    return certificate.fingerprint();
  }

  /** The fingerprints from the peer's SDP; the peer's certificate must match (RFC 8122 §5). */
  public void setRemoteFingerprints(List<DtlsFingerprint> fingerprints) {
    if (fingerprints.isEmpty()) {
      throw new IllegalArgumentException("at least one remote fingerprint is required");
    }
    verifier.expect(fingerprints);
  }

  /**
   * Runs the handshake in the given role and returns the negotiated SRTP keys. Blocks until done,
   * failed, timed out ({@code handshakeTimeout}) or {@link #close closed}.
   */
  public DtlsHandshakeResult handshake(DtlsRole role) throws DtlsHandshakeException {
    try {
      DtlsHandshakeResult result =
          switch (role) {
            case SERVER -> {
              SrtpTlsServer server =
                  new SrtpTlsServer(
                      certificate, profiles, verifier, handshakeTimeoutMillis, this::alertReceived);
              established = new DTLSServerProtocol().accept(server, transport);
              yield new DtlsHandshakeResult(role, server.chosenProfile(), server.keyingMaterial());
            }
            case CLIENT -> {
              SrtpTlsClient client =
                  new SrtpTlsClient(
                      certificate, profiles, verifier, handshakeTimeoutMillis, this::alertReceived);
              established = new DTLSClientProtocol().connect(client, transport);
              yield new DtlsHandshakeResult(role, client.chosenProfile(), client.keyingMaterial());
            }
          };
      transport.stopBlocking();
      handshakeDone = true;
      drain(); // records that arrived between the last handshake read and now
      return result;
    } catch (IOException | RuntimeException e) {
      transport.close();
      throw new DtlsHandshakeException(
          "DTLS handshake as " + role + " failed: " + e.getMessage(), e);
    }
  }

  /** Where decrypted application data goes; until set it is dropped. */
  public void setApplicationDataHandler(ApplicationDataHandler handler) {
    applicationData = handler;
  }

  /**
   * Encrypts and sends one application-data record once the handshake is done.
   *
   * @return false before the handshake completes, after close, or if sending failed
   */
  public boolean send(byte[] buf, int off, int len) {
    DTLSTransport dtls = established;
    if (dtls == null || closed) {
      return false;
    }
    synchronized (sendLock) { // receive runs concurrently on the network thread; BC allows that
      try {
        dtls.send(buf, off, len);
        return true;
      } catch (IOException e) {
        return false;
      }
    }
  }

  /** Takes a DTLS record from the network (first byte 20 to 63); it is not kept after the call. */
  public void receive(byte[] buf, int off, int len) {
    if (established != null && handshakeDone) {
      synchronized (drainBuffer) {
        transport.lend(buf, off, len); // no copy on the data channel path
        drain();
        transport.lend(null, 0, 0);
      }
      return;
    }
    transport.offer(buf, off, len);
    if (established != null) {
      drain();
    }
  }

  /**
   * Lets BC process records that arrive after the handshake: retransmitted final flights (which it
   * answers by resending ours), alerts, and application data, which goes to the handler.
   */
  private void drain() {
    DTLSTransport dtls = established;
    if (dtls == null || closed) {
      return;
    }
    synchronized (drainBuffer) {
      try {
        int n;
        while ((n = dtls.receivePending(drainBuffer, 0, drainBuffer.length)) >= 0
            || (n = dtls.receive(drainBuffer, 0, drainBuffer.length, 1)) >= 0) {
          if (n > 0) {
            applicationData.onApplicationData(drainBuffer, 0, n);
          }
        }
      } catch (IOException e) {
        if (!closed) {
          closeListener.peerClosed("DTLS failed: " + e.getMessage());
        }
      }
    }
  }

  private void alertReceived(short description) {
    if (established != null && !closed) {
      closeListener.peerClosed("peer sent " + AlertDescription.getText(description));
    }
  }

  /** Records dropped because the queue was full or the stack closed. */
  public long droppedRecords() {
    return transport.dropped();
  }

  /** Sends close_notify if established and stops; a running handshake fails promptly. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    DTLSTransport dtls = established;
    if (dtls != null) {
      try {
        dtls.close();
      } catch (IOException e) {
        // the peer will time out instead
      }
    }
    transport.close();
  }
}
