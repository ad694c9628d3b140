package io.switchboard.sip.transport;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import io.switchboard.sip.concurrent.KeyedSerialExecutor;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.function.Consumer;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.PeerUnavailableException;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TransportNotSupportedException;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JAIN-SIP stack with UDP and TCP listening points on one port, and TLS on another when
 * configured. The stack object is made directly (not through {@code SipFactory}, whose static
 * registry would be shared state).
 */
public final class JainSipStack implements SipSignalling {
  private static final Logger log = LoggerFactory.getLogger(JainSipStack.class);
  private static final int PORT_ATTEMPTS = 10;

  private final SipStackConfig config;
  private final TlsListening tls;
  private final JainSipListener listener;
  private final NatPeers natPeers = new NatPeers();
  private SipStackImpl stack;
  private volatile SipProvider provider;
  private volatile JainMessageWriter writer;
  private volatile int port;
  private volatile int tlsPort;

  public JainSipStack(SipStackConfig config, KeyedSerialExecutor executor, Consumer<SipEvent> sink) {
    this(config, null, executor, sink);
  }

  /** With {@code tls} non-null, also listens for SIP over TLS and can send over it. */
  public JainSipStack(SipStackConfig config, TlsListening tls, KeyedSerialExecutor executor, Consumer<SipEvent> sink) {
    this.config = config;
    this.tls = tls;
    this.listener = new JainSipListener(executor, sink, this::rejectStatelessly, natPeers);
  }

  /** Binds the listening points and starts delivering events. */
  public synchronized void start() throws IOException {
    if (stack != null) {
      throw new IllegalStateException("SIP stack already started");
    }
    InetAddress address = InetAddress.getByName(config.bindAddress());
    IOException last = null;
    for (int attempt = 0; attempt < (config.port() == 0 ? PORT_ATTEMPTS : 1); attempt++) {
      int candidate = config.port() != 0 ? config.port() : freePort(address);
      int tlsCandidate = tls == null ? 0 : tls.port() != 0 ? tls.port() : freeTcpPort(address, candidate);
      try {
        tlsPort = tlsCandidate;
        open(candidate);
        port = candidate;
        log.info("SIP listening on {}:{} (UDP, TCP){}, advertising {}", config.bindAddress(), port,
            tls == null ? "" : " and " + tlsPort + " (TLS)", config.advertisedAddress());
        return;
      } catch (IOException e) {
        last = e;
        closeQuietly();
      }
    }
    throw last;
  }

  public synchronized void stop() {
    closeQuietly();
  }

  public int udpPort() {
    return port;
  }

  public int tcpPort() {
    return port;
  }

  /** The SIP over TLS port; 0 when TLS is not configured. */
  public int tlsPort() {
    return tls == null ? 0 : tlsPort;
  }

  @Override
  public String advertisedAddress() {
    return config.advertisedAddress();
  }

  @Override
  public void respond(ServerTransactionHandle handle, OutgoingResponse response) {
    JainHandles.Server server = JainHandles.server(handle);
    Request request = server.transaction.getRequest();
    try {
      server.transaction.sendResponse(writer().response(request, response, server.localTag, port));
    } catch (SipException | InvalidArgumentException | RuntimeException e) {
      throw new SipSendException("cannot send " + response.status() + " for " + request.getMethod(), e);
    }
  }

  @Override
  public void abandon(ServerTransactionHandle handle) {
    try {
      // Terminated, the transaction's pending automatic 100 Trying finds it no longer Trying.
      JainHandles.server(handle).transaction.terminate();
    } catch (ObjectInUseException | RuntimeException e) {
      log.debug("cannot abandon {}: {}", handle, e.getMessage());
    }
  }

  @Override
  public ClientTransactionHandle sendInDialog(DialogHandle handle, OutgoingRequest outgoing) {
    var dialog = JainHandles.dialog(handle).dialog;
    try {
      Request request = dialog.createRequest(outgoing.method());
      writer().completeRequest(request, outgoing, port);
      var transaction = provider.getNewClientTransaction(request);
      dialog.sendRequest(transaction);
      return new JainHandles.Client(transaction);
    } catch (SipException | RuntimeException e) {
      throw new SipSendException("cannot send " + outgoing.method() + " in dialog " + dialog.getDialogId(), e);
    }
  }

  @Override
  public void acknowledge(DialogHandle handle, long inviteCseq) {
    var dialog = JainHandles.dialog(handle).dialog;
    try {
      dialog.sendAck(dialog.createAck(inviteCseq));
    } catch (SipException | InvalidArgumentException | RuntimeException e) {
      throw new SipSendException("cannot ACK CSeq " + inviteCseq + " in dialog " + dialog.getDialogId(), e);
    }
  }

  @Override
  public ClientTransactionHandle sendInvite(OutgoingInvite invite) {
    if (invite.transport() == TransportProtocol.TLS && tls == null) {
      throw new SipSendException("cannot send INVITE to " + invite.requestUri()
          + ": the trunk uses TLS but SIP over TLS is not enabled here (sip.tls.enabled)", null);
    }
    try {
      Request request = writer().invite(invite, port);
      var transaction = provider.getNewClientTransaction(request);
      transaction.sendRequest();
      return new JainHandles.Client(transaction);
    } catch (SipException | RuntimeException e) {
      throw new SipSendException("cannot send INVITE to " + invite.requestUri() + ": " + TlsFailures.describe(e), e);
    }
  }

  @Override
  public void cancel(ClientTransactionHandle invite) {
    if (!(invite instanceof JainHandles.Client client)) {
      throw new IllegalArgumentException("not a transaction of this SIP stack: " + invite);
    }
    try {
      Request cancel = client.transaction.createCancel();
      provider.getNewClientTransaction(cancel).sendRequest();
    } catch (SipException | RuntimeException e) {
      throw new SipSendException("cannot CANCEL " + invite + ": " + e.getMessage(), e);
    }
  }

  private void rejectStatelessly(Request request, String reason) {
    try {
      var response = writer().statelessResponse(request, 400, reason);
      provider.sendResponse(response);
    } catch (SipException | RuntimeException e) {
      log.debug("cannot reject {} statelessly: {}", request.getMethod(), e.getMessage());
    }
  }

  private JainMessageWriter writer() {
    JainMessageWriter writer = this.writer;
    if (writer == null) {
      throw new IllegalStateException("SIP stack not started");
    }
    return writer;
  }

  private void open(int candidate) throws IOException {
    try {
      stack = new SipStackImpl(properties());
      ((NatAwareRouter) stack.getRouter()).use(natPeers);
      if (tls != null) {
        ((JainTlsNetworkLayer) stack.getNetworkLayer()).use(tls.context());
      }
      ListeningPoint udp = stack.createListeningPoint(config.bindAddress(), candidate, ListeningPoint.UDP);
      ListeningPoint tcp = stack.createListeningPoint(config.bindAddress(), candidate, ListeningPoint.TCP);
      provider = stack.createSipProvider(udp);
      provider.addListeningPoint(tcp);
      if (tls != null) {
        provider.addListeningPoint(stack.createListeningPoint(config.bindAddress(), tlsPort, ListeningPoint.TLS));
      }
      provider.addSipListener(listener);
      listener.attach(provider);
      writer = new JainMessageWriter(new MessageFactoryImpl(), new HeaderFactoryImpl(), new AddressFactoryImpl(),
          config.advertisedAddress(), config.serverName(), tlsPort);
      stack.start();
    } catch (PeerUnavailableException | TransportNotSupportedException | ObjectInUseException
        | TooManyListenersException e) {
      throw new IOException("cannot start SIP stack: " + e.getMessage(), e);
    } catch (InvalidArgumentException e) {
      throw new BindException("cannot listen on " + config.bindAddress() + ":" + candidate + ": " + e.getMessage());
    } catch (SipException e) {
      throw new IOException("cannot start SIP stack: " + e.getMessage(), e);
    }
  }

  private Properties properties() {
    var p = new Properties();
    p.setProperty("javax.sip.STACK_NAME", "switchboard-" + config.bindAddress() + "-" + System.identityHashCode(this));
    p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
    // Our router for every request (it delegates to JAIN-SIP's own except for NATed peers).
    p.setProperty("javax.sip.ROUTER_PATH", NatAwareRouter.class.getName());
    p.setProperty("javax.sip.USE_ROUTER_FOR_ALL_URIS", "true");
    p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
    p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
    p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(config.maxMessageSize()));
    p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", Long.toString(config.readTimeout().toMillis()));
    p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", Integer.toString(config.maxServerTransactions()));
    // CACHE_SERVER_CONNECTIONS=false closes an incoming TCP connection as soon as its server
    // transaction ends; for a non-INVITE that races the response itself (Timer J is 0 on TCP),
    // and for an INVITE it drops the connection the ACK and BYE must arrive on. So connections
    // stay cached, bounded by MAX_CONNECTIONS; READ_TIMEOUT bounds a slow sender. Both only work
    // with the default blocking TCP processor (the NIO one ignores them), hence no NIO here.
    p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
    p.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", Integer.toString(config.maxConnections()));
    p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
    p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(config.threadPoolSize()));
    // TCP messages keep their per-Call-ID order in this pool, so it may be wider than the UDP one.
    p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE",
        Integer.toString(Math.max(2, config.threadPoolSize())));
    p.setProperty("gov.nist.javax.sip.MAX_TX_LIFETIME_INVITE",
        Long.toString(config.maxInviteTransactionLifetime().toSeconds()));
    p.setProperty("gov.nist.javax.sip.MAX_TX_LIFETIME_NON_INVITE",
        Long.toString(config.maxNonInviteTransactionLifetime().toSeconds()));
    p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(config.udpBufferSize()));
    p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(config.udpBufferSize()));
    if (tls != null) {
      JainTlsProperties.apply(p, tls, config.readTimeout());
    }
    return p;
  }

  /** A TCP port other than {@code avoid}, free right now. */
  private static int freeTcpPort(InetAddress address, int avoid) throws IOException {
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      try (var tcp = new ServerSocket(0, 1, address)) {
        if (tcp.getLocalPort() != avoid) {
          return tcp.getLocalPort();
        }
      }
    }
    throw new BindException("no TCP port free for TLS on " + address);
  }

  /** A port free for both UDP and TCP right now; the stack binds it next (retried if we lose a race). */
  private static int freePort(InetAddress address) throws IOException {
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      try (var udp = new DatagramSocket(new InetSocketAddress(address, 0)); var tcp = new ServerSocket()) {
        tcp.bind(new InetSocketAddress(address, udp.getLocalPort()));
        return udp.getLocalPort();
      } catch (BindException e) {
        // UDP port taken for TCP: try another
      }
    }
    throw new BindException("no port free for both UDP and TCP on " + address);
  }

  private void closeQuietly() {
    if (stack != null) {
      try {
        stack.stop();
      } catch (RuntimeException e) {
        log.warn("error stopping SIP stack", e);
      }
    }
    stack = null;
    provider = null;
    writer = null;
  }
}
