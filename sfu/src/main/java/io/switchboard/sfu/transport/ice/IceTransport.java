package io.switchboard.sfu.transport.ice;

import java.beans.PropertyChangeEvent;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidatePair;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.socket.IceSocketWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ICE for one peer connection with everything bundled on one rtcp-mux component (RFC 8843, RFC
 * 5761), over an ice4j Agent. Host candidates are gathered when it opens; remote candidates may be
 * trickled before or after {@link #start}. Received payload (everything that is not STUN) goes to
 * the {@link DatagramHandler} on the receiving thread; state changes go to the {@link
 * StateListener} on ice4j's threads. Neither may block.
 */
public final class IceTransport implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IceTransport.class);
  /** About a second of a video subscriber's packets: beyond that the connection is not coping. */
  private static final int TCP_SEND_QUEUE = 512;

  /**
   * Receives one datagram; the bytes are valid only during the call and may be changed in place.
   */
  @FunctionalInterface
  public interface DatagramHandler {
    void onDatagram(byte[] buf, int off, int len);
  }

  @FunctionalInterface
  public interface StateListener {
    void onStateChanged(IceState state);
  }

  private final Agent agent;
  private final IceMediaStream stream;
  private final Component component;
  private final IceRole role;
  private final DatagramHandler handler;
  private final StateListener listener;
  private final Clock clock;
  private final Executor tcpWriters;
  private final AtomicReference<TcpSender> tcpSender = new AtomicReference<>();
  private final AtomicReference<IceState> state = new AtomicReference<>(IceState.NEW);
  private final DatagramPacket sendPacket = new DatagramPacket(new byte[0], 0);
  private volatile Instant lastConsent;
  private volatile Instant connectedAt;
  private volatile InetSocketAddress firstValidRemote;
  private IceParameters remote; // guarded by this

  private IceTransport(
      Agent agent,
      IceRole role,
      DatagramHandler handler,
      StateListener listener,
      Executor tcpWriters,
      Clock clock) {
    this.agent = agent;
    this.stream = agent.getStream(Ice4jAgents.STREAM);
    this.component = stream.getComponent(Component.RTP);
    this.role = role;
    this.handler = handler;
    this.listener = listener;
    this.tcpWriters = tcpWriters;
    this.clock = clock;
  }

  /**
   * Creates the agent and gathers host (and NAT-mapped) candidates.
   *
   * @param readerExecutor runs the blocking read loop of the component socket (dedicated UDP
   *     sockets, ICE-TCP connections) and each TCP connection's writer (virtual threads are fine);
   *     on a shared UDP port ice4j's own reader thread delivers
   * @throws IOException if no host candidate could be bound
   */
  public static IceTransport open(
      IceConfig config,
      IceRole role,
      DatagramHandler handler,
      StateListener listener,
      Executor readerExecutor,
      Clock clock)
      throws IOException {
    Agent agent = Ice4jAgents.create(config, role);
    try {
      IceTransport transport = new IceTransport(agent, role, handler, listener, readerExecutor, clock);
      transport.listen(config, readerExecutor);
      return transport;
    } catch (RuntimeException e) {
      agent.free();
      throw e;
    }
  }

  private void listen(IceConfig config, Executor readerExecutor) {
    agent.addStateChangeListener(this::agentStateChanged);
    stream.addPairChangeListener(this::pairChanged);
    if (config.sockets() instanceof SharedUdpPort) {
      PayloadReceivers.push(component, handler);
    }
    if (Ice4jAgents.readsComponentSocket(config)) {
      PayloadReceivers.pull(component, config.receiveBufferSize(), handler, readerExecutor);
    }
  }

  public IceParameters localParameters() {
    return new IceParameters(agent.getLocalUfrag(), agent.getLocalPassword());
  }

  /** Our candidates for the SDP answer or for trickling. */
  public List<IceCandidate> localCandidates() {
    return component.getLocalCandidates().stream().map(Ice4jCandidates::fromLocal).toList();
  }

  public IceRole role() {
    return role;
  }

  public IceState state() {
    return state.get();
  }

  /** When the peer last confirmed consent (RFC 7675), or null before the first confirmation. */
  public Instant lastConsent() {
    return lastConsent;
  }

  /**
   * Whether a connected peer has gone without confirming consent (RFC 7675) for longer than {@code
   * limit}, counting from the connection if it never confirmed. ice4j keeps checking but never
   * gives up by itself, so an owner asks this periodically.
   */
  public boolean consentExpired(Duration limit) {
    Instant since = lastConsent != null ? lastConsent : connectedAt;
    return state.get() == IceState.CONNECTED
        && since != null
        && Duration.between(since, clock.instant()).compareTo(limit) > 0;
  }

  /** The peer's address on the pair in use, once connected. */
  public Optional<InetSocketAddress> remoteAddress() {
    CandidatePair pair = component.getSelectedPair();
    return pair == null
        ? Optional.ofNullable(firstValidRemote)
        : Optional.of(pair.getRemoteCandidate().getTransportAddress());
  }

  /**
   * Starts connectivity checks with the peer's username fragment and password. Candidates may come
   * before or after; with none at all the peer's own checks reveal it (peer-reflexive).
   *
   * @throws IllegalStateException if started before with other parameters (ICE restart is not
   *     supported yet)
   */
  public synchronized void start(IceParameters remoteParameters) {
    if (remote != null) {
      if (!remote.equals(remoteParameters)) {
        throw new IllegalStateException(
            "ICE already started with "
                + remote
                + "; restart to "
                + remoteParameters
                + " is not supported");
      }
      return;
    }
    if (state.get() == IceState.CLOSED) {
      throw new IllegalStateException("ICE transport is closed");
    }
    remote = remoteParameters;
    stream.setRemoteUfrag(remoteParameters.ufrag());
    stream.setRemotePassword(remoteParameters.password());
    agent.startConnectivityEstablishment();
  }

  /**
   * Adds a remote candidate (from the SDP or trickled). Candidates that cannot be used are skipped,
   * and the reason logged: another component than 1 (rtcp-mux is required), TCP (our TCP
   * candidates are passive: a peer reaches them by connecting, and appears peer-reflexive) and host
   * names (mDNS-obfuscated host candidates; the peer is found through its checks instead).
   *
   * @return whether the candidate was added
   */
  public synchronized boolean addRemoteCandidate(IceCandidate candidate) {
    String skip =
        candidate.component() != Component.RTP
            ? "component " + candidate.component() + " (rtcp-mux is required)"
            : !candidate.transport().equals("udp")
                ? "transport " + candidate.transport()
                : !candidate.hasIpAddress() ? "a host name address" : null;
    if (skip != null) {
      log.debug("skipping remote candidate with {}: {}", skip, candidate);
      return false;
    }
    var ice4j = Ice4jCandidates.toRemote(candidate, component);
    if (agent.getState() == IceProcessingState.RUNNING) {
      component.addUpdateRemoteCandidates(ice4j);
      component.updateRemoteCandidates();
    } else {
      component.addRemoteCandidate(ice4j);
    }
    return true;
  }

  /**
   * Sends a datagram on the pair in use. Returns false, sending nothing, until a pair works or
   * after the transport failed or closed. Over ICE-TCP the datagram is queued for the connection's
   * writer, so the caller never waits on a full TCP window.
   */
  public boolean send(byte[] buf, int off, int len) {
    if (state.get() != IceState.CONNECTED) {
      return false;
    }
    try {
      CandidatePair selected = component.getSelectedPair();
      IceSocketWrapper socket = selected == null ? null : selected.getIceSocketWrapper();
      if (socket == null) {
        component.send(buf, off, len); // before nomination: the first valid pair
        return true;
      }
      if (socket.getTCPSocket() != null) {
        TcpSender sender = tcpSender(socket);
        return sender != null && sender.offer(buf, off, len);
      }
      synchronized (sendPacket) { // one reused packet: Component.send allocates one per call
        sendPacket.setData(buf, off, len);
        sendPacket.setSocketAddress(selected.getRemoteCandidate().getTransportAddress());
        socket.send(sendPacket);
      }
      return true;
    } catch (IOException e) {
      log.debug("send failed: {}", e.getMessage());
      return false;
    }
  }

  /**
   * The writer of the selected TCP connection, or null once closed; a new pair (after a reconnect)
   * gets its own.
   */
  private TcpSender tcpSender(IceSocketWrapper socket) {
    TcpSender current = tcpSender.get();
    if (current != null && current.socket() == socket) {
      return current;
    }
    synchronized (tcpSender) {
      current = tcpSender.get();
      if (state.get() == IceState.CLOSED) {
        return null;
      }
      if (current == null || current.socket() != socket) {
        if (current != null) {
          current.close();
        }
        current = new TcpSender(socket, TCP_SEND_QUEUE, tcpWriters);
        tcpSender.set(current);
      }
      return current;
    }
  }

  /** The transport ("udp" or "tcp") of the pair in use, once one is selected. */
  public Optional<String> selectedTransport() {
    CandidatePair pair = component.getSelectedPair();
    return pair == null
        ? Optional.empty()
        : Optional.of(pair.getLocalCandidate().getTransport().toString());
  }

  private void agentStateChanged(PropertyChangeEvent event) {
    IceProcessingState from = (IceProcessingState) event.getOldValue();
    IceProcessingState to = (IceProcessingState) event.getNewValue();
    switch (to) {
      case RUNNING -> advance(IceState.CHECKING);
      case COMPLETED -> advance(IceState.CONNECTED);
      case FAILED -> advance(IceState.FAILED);
      // After COMPLETED, TERMINATED only frees unused candidates; straight from RUNNING it fails.
      case TERMINATED -> {
        if (from == IceProcessingState.RUNNING) {
          advance(IceState.FAILED);
        }
      }
      case WAITING -> {}
    }
  }

  private void pairChanged(PropertyChangeEvent event) {
    switch (event.getPropertyName()) {
      case IceMediaStream.PROPERTY_PAIR_VALIDATED -> {
        if (firstValidRemote == null && event.getSource() instanceof CandidatePair pair) {
          firstValidRemote = pair.getRemoteCandidate().getTransportAddress();
        }
        advance(IceState.CONNECTED);
      }
      case IceMediaStream.PROPERTY_PAIR_CONSENT_FRESHNESS_CHANGED -> lastConsent = clock.instant();
      default -> {}
    }
  }

  /** States only move forward: NEW, CHECKING, CONNECTED, FAILED, CLOSED. */
  private void advance(IceState next) {
    IceState current;
    do {
      current = state.get();
      if (next.ordinal() <= current.ordinal()) {
        return;
      }
    } while (!state.compareAndSet(current, next));
    if (next == IceState.CONNECTED) {
      connectedAt = clock.instant();
    }
    try {
      listener.onStateChanged(next);
    } catch (RuntimeException e) {
      log.warn("ICE state listener failed on {}", next, e);
    }
  }

  /** Frees the agent and its sockets (not a shared port, which outlives transports). */
  @Override
  public void close() {
    if (state.get() == IceState.CLOSED) {
      return;
    }
    advance(IceState.CLOSED);
    synchronized (tcpSender) {
      TcpSender sender = tcpSender.getAndSet(null);
      if (sender != null) {
        sender.close();
      }
    }
    agent.free();
  }
}
