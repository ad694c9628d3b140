package io.switchboard.sfu.transport;

import io.switchboard.sfu.transport.dtls.DtlsCertificate;
import io.switchboard.sfu.transport.dtls.DtlsFingerprint;
import io.switchboard.sfu.transport.dtls.DtlsHandshakeException;
import io.switchboard.sfu.transport.dtls.DtlsHandshakeResult;
import io.switchboard.sfu.transport.dtls.DtlsRole;
import io.switchboard.sfu.transport.dtls.DtlsSetup;
import io.switchboard.sfu.transport.dtls.DtlsStack;
import io.switchboard.sfu.transport.ice.IceCandidate;
import io.switchboard.sfu.transport.ice.IceParameters;
import io.switchboard.sfu.transport.ice.IceState;
import io.switchboard.sfu.transport.ice.IceTransport;
import io.switchboard.sfu.transport.sctp.SctpAssociation;
import io.switchboard.sfu.transport.srtp.SrtpSession;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport of one WebRTC peer connection, wired as JVB wires it: ICE delivers datagrams, the
 * RFC 7983 demux sends DTLS records to the DTLS stack and SRTP/SRTCP to the SRTP session, whose
 * keys the DTLS handshake exports once ICE connects. Decrypted RTP and RTCP go to the {@link
 * MediaHandler} on the network thread; {@link #sendRtp}/{@link #sendRtcp} encrypt a copy and send
 * it. State changes go to the {@link StateListener}. A failed transport stays open until {@link
 * #close}d.
 */
public final class WebRtcTransport implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebRtcTransport.class);

  /** Receives decrypted packets; the bytes are valid only during the call. Must not block. */
  public interface MediaHandler {
    void onRtp(byte[] buf, int off, int len);

    void onRtcp(byte[] buf, int off, int len);
  }

  @FunctionalInterface
  public interface StateListener {
    void onStateChanged(TransportState state);
  }

  /** RFC 7675 §5.1: consent expires 30 seconds after the last confirmation. */
  private static final Duration CONSENT_TIMEOUT = Duration.ofSeconds(30);

  private final WebRtcTransportConfig config;
  private final SdpRole sdpRole;
  private final StateListener listener;
  private final Executor blockingExecutor;
  private final DtlsStack dtls;
  private final IceTransport ice;
  private final TransportCounters counters = new TransportCounters();
  private final AtomicReference<TransportState> state =
      new AtomicReference<>(new TransportState.New());
  private final AtomicBoolean handshakeStarted = new AtomicBoolean();
  private final SrtpPath srtp;
  private volatile DtlsRole dtlsRole;
  private volatile SctpAssociation sctp;
  private final AtomicBoolean sctpStarted = new AtomicBoolean();
  private DtlsSetup localSetup; // guarded by this; known for an answerer once the offer is in

  private WebRtcTransport(
      WebRtcTransportConfig config,
      SdpRole sdpRole,
      DtlsCertificate certificate,
      MediaHandler media,
      StateListener listener,
      Executor blockingExecutor,
      Clock clock)
      throws IOException {
    this.config = config;
    this.sdpRole = sdpRole;
    this.listener = listener;
    this.blockingExecutor = blockingExecutor;
    this.localSetup = sdpRole == SdpRole.OFFERER ? DtlsSetup.ACTPASS : null;
    this.srtp = new SrtpPath((buf, off, len) -> ice().send(buf, off, len), media, counters);
    this.dtls =
        new DtlsStack(
            certificate,
            config.srtpProfiles(),
            config.dtlsHandshakeTimeout(),
            (buf, off, len) -> ice().send(buf, off, len), // a lost record is retransmitted by DTLS
            reason -> advance(new TransportState.Failed(reason)));
    this.ice =
        IceTransport.open(
            config.ice(),
            sdpRole.iceRole(),
            this::onDatagram,
            this::onIceState,
            blockingExecutor,
            clock);
  }

  /**
   * Gathers candidates and gets ready for the remote description.
   *
   * @param certificate our DTLS identity, usually shared by all transports of the process
   * @param blockingExecutor runs the blocking DTLS handshake and socket reads (virtual threads)
   * @throws IOException if no ICE candidate could be bound
   */
  public static WebRtcTransport open(
      WebRtcTransportConfig config,
      SdpRole sdpRole,
      DtlsCertificate certificate,
      MediaHandler media,
      StateListener listener,
      Executor blockingExecutor,
      Clock clock)
      throws IOException {
    return new WebRtcTransport(
        config, sdpRole, certificate, media, listener, blockingExecutor, clock);
  }

  private IceTransport ice() {
    return ice;
  }

  /**
   * Our ICE parameters, candidates, fingerprint and setup for the SDP.
   *
   * @throws IllegalStateException for an answerer before {@link #setRemote}, whose {@code a=setup}
   *     depends on the offer
   */
  public synchronized TransportDescription localDescription() {
    if (localSetup == null) {
      throw new IllegalStateException(
          "an answer's a=setup depends on the offer: call setRemote first");
    }
    return new TransportDescription(
        ice.localParameters(), ice.localCandidates(), dtls.localFingerprint(), localSetup);
  }

  /**
   * Applies the peer's ICE credentials, certificate fingerprints and {@code a=setup}, which fixes
   * the DTLS roles, and starts ICE. Candidates may follow through {@link #addRemoteCandidate}.
   *
   * @throws IllegalArgumentException if the setup values do not decide a DTLS role
   * @throws IllegalStateException if called again with different values
   */
  public synchronized void setRemote(
      IceParameters remoteIce, List<DtlsFingerprint> fingerprints, DtlsSetup remoteSetup) {
    DtlsSetup local = sdpRole == SdpRole.OFFERER ? DtlsSetup.ACTPASS : remoteSetup.answer();
    DtlsRole role = DtlsSetup.negotiate(local, remoteSetup);
    if (dtlsRole != null && dtlsRole != role) {
      throw new IllegalStateException("DTLS role already fixed as " + dtlsRole);
    }
    dtls.setRemoteFingerprints(fingerprints);
    localSetup = local;
    dtlsRole = role;
    advance(new TransportState.Connecting());
    ice.start(remoteIce);
  }

  /**
   * Adds a remote candidate from the SDP or a trickle message; see {@link
   * IceTransport#addRemoteCandidate}.
   */
  public boolean addRemoteCandidate(IceCandidate candidate) {
    return ice.addRemoteCandidate(candidate);
  }

  /**
   * Carries data channels on this transport (RFC 8261): decrypted DTLS application data goes to
   * the association, which is started once DTLS connects (at once if it already has). Its sender
   * should be {@link #sendData}. Call at most once.
   */
  public void attachSctp(SctpAssociation association) {
    sctp = association;
    dtls.setApplicationDataHandler(
        (buf, off, len) -> {
          try {
            association.receive(buf, off, len);
          } catch (RuntimeException e) {
            log.warn("SCTP association failed on a packet", e);
          }
        });
    if (state.get() instanceof TransportState.Connected connected) {
      startSctp(connected.dtlsRole());
    }
  }

  private void startSctp(DtlsRole role) {
    SctpAssociation association = sctp;
    if (association != null && sctpStarted.compareAndSet(false, true)) {
      association.start(role);
    }
  }

  /**
   * Encrypts one DTLS application-data record (an SCTP packet) and sends it.
   *
   * @return false before the DTLS handshake completes, after close, or if it failed
   */
  public boolean sendData(byte[] buf, int off, int len) {
    return dtls.send(buf, off, len);
  }

  /** Encrypts a copy of an RTP packet and sends it; false if not connected or it failed. */
  public boolean sendRtp(byte[] buf, int off, int len) {
    return srtp.send(buf, off, len, false);
  }

  /**
   * Encrypts a copy of an RTCP compound packet and sends it; false if not connected or it failed.
   */
  public boolean sendRtcp(byte[] buf, int off, int len) {
    return srtp.send(buf, off, len, true);
  }

  private void onDatagram(byte[] buf, int off, int len) {
    switch (PacketDemux.classify(buf, off, len)) {
      case DTLS -> dtls.receive(buf, off, len);
      case RTP -> srtp.receive(buf, off, len, false);
      case RTCP -> srtp.receive(buf, off, len, true);
      case STUN, ZRTP, TURN_CHANNEL, UNKNOWN -> counters.unknownDropped.increment();
    }
  }

  private void onIceState(IceState iceState) {
    switch (iceState) {
      case NEW, CHECKING, CLOSED -> {}
      case CONNECTED -> {
        if (handshakeStarted.compareAndSet(false, true)) {
          blockingExecutor.execute(this::handshake);
        }
      }
      case FAILED -> advance(new TransportState.Failed("ICE failed: no candidate pair works"));
    }
  }

  private void handshake() {
    DtlsHandshakeResult result;
    try {
      result = dtls.handshake(dtlsRole);
    } catch (DtlsHandshakeException e) {
      advance(new TransportState.Failed(e.getMessage()));
      return;
    }
    srtp.install(new SrtpSession(result.srtpKeys(), config.maxSsrcs()));
    if (!advance(new TransportState.Connected(result.profile(), result.role()))) {
      srtp.close(); // closed or failed meanwhile
      return;
    }
    startSctp(result.role());
  }

  /** Moves forward only; returns whether the state changed. */
  private boolean advance(TransportState next) {
    TransportState current;
    do {
      current = state.get();
      if (next.rank() <= current.rank()) {
        return false;
      }
    } while (!state.compareAndSet(current, next));
    try {
      listener.onStateChanged(next);
    } catch (RuntimeException e) {
      log.warn("transport state listener failed on {}", next, e);
    }
    return true;
  }

  /**
   * Fails the transport if the peer has not confirmed ICE consent for 30 seconds (RFC 7675 §5.1),
   * as happens when it vanishes without a goodbye. Call it every few seconds.
   *
   * @return whether consent is still fresh (or not yet due)
   */
  public boolean checkConsent() {
    if (ice.consentExpired(CONSENT_TIMEOUT)) {
      advance(new TransportState.Failed("ICE consent expired: no answer from the peer for 30 s"));
      return false;
    }
    return true;
  }

  public TransportState state() {
    return state.get();
  }

  public TransportStats stats() {
    return counters.snapshot();
  }

  /** The peer's address on the ICE pair in use, once connected. */
  public Optional<InetSocketAddress> remoteAddress() {
    return ice.remoteAddress();
  }

  /**
   * Aborts any SCTP association, sends DTLS close_notify if connected, then frees ICE and wipes the
   * SRTP keys.
   */
  @Override
  public void close() {
    advance(new TransportState.Closed());
    SctpAssociation association = sctp;
    if (association != null) {
      association.abort("transport closed");
    }
    dtls.close();
    ice.close();
    srtp.close();
  }
}
