package io.switchboard.sip;

import io.switchboard.sip.auth.DigestAuthenticator;
import io.switchboard.sip.auth.NonceService;
import io.switchboard.sip.concurrent.KeyedSerialExecutor;
import io.switchboard.sip.concurrent.Scheduler;
import io.switchboard.sip.inbound.InboundCallHandler;
import io.switchboard.sip.inbound.InboundCallRouter;
import io.switchboard.sip.inbound.MediaSessionFactory;
import io.switchboard.sip.outbound.OutboundCalls;
import io.switchboard.sip.transport.IncomingRequest;
import io.switchboard.sip.transport.JainSipStack;
import io.switchboard.sip.transport.OutgoingResponse;
import io.switchboard.sip.transport.SipEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP side of the gateway: the stack, inbound calls, and the out-of-dialog requests that
 * belong to no call (OPTIONS keep-alives, unsupported methods). {@link #drain()} makes OPTIONS
 * and new INVITEs answer 503 so a load balancer or carrier moves traffic away, while
 * established calls carry on.
 */
public final class SipServer {
  private static final Logger log = LoggerFactory.getLogger(SipServer.class);
  private static final String ALLOW = "INVITE, ACK, BYE, CANCEL, OPTIONS, UPDATE";
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private final JainSipStack stack;
  private final InboundCallRouter router;
  private final OutboundCalls outbound;
  private volatile boolean draining;

  /**
   * @param callExecutor runs per-call work; a virtual-thread-per-task executor
   * @param clock dates digest nonces
   * @param scheduler call timers (ringing, session refresh, maximum duration)
   */
  public <C> SipServer(SipServerConfig config, InboundCallHandler<C> handler, MediaSessionFactory media,
      Clock clock, Scheduler scheduler, Executor callExecutor) {
    var executor = new KeyedSerialExecutor(callExecutor);
    this.stack = new JainSipStack(config.stack(), config.tls(), executor, this::onEvent);
    var authenticator = new DigestAuthenticator(
        new NonceService(config.digest().secret(), clock, config.digest().nonceValidity()),
        config.digest().algorithms());
    this.router = new InboundCallRouter(stack, handler, media, authenticator, config.inbound(), scheduler, executor);
    this.outbound = new OutboundCalls(stack, scheduler, executor, new java.security.SecureRandom());
  }

  public void start() throws IOException {
    stack.start();
  }

  /** Ends every call (BYE or 503), then closes the sockets. */
  public void stop() {
    try {
      outbound.stopAll().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      router.stopAll().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("calls did not all end within {}", STOP_GRACE, e);
    }
    stack.stop();
  }

  /** Stop taking new calls: OPTIONS and new INVITEs get 503 from now on. */
  public void drain() {
    draining = true;
    outbound.drain();
  }

  public boolean isDraining() {
    return draining;
  }

  public int activeCalls() {
    return router.activeCalls();
  }

  /** Places outbound calls through this server's stack. */
  public OutboundCalls outbound() {
    return outbound;
  }

  public int udpPort() {
    return stack.udpPort();
  }

  public int tcpPort() {
    return stack.tcpPort();
  }

  /** The SIP over TLS port; 0 without TLS. */
  public int tlsPort() {
    return stack.tlsPort();
  }

  private void onEvent(SipEvent event) {
    if (outbound.route(event)) {
      return;
    }
    if (event instanceof SipEvent.RequestReceived received && draining && isNewInvite(received.request())) {
      unavailable(received.request());
      return;
    }
    if (router.route(event)) {
      return;
    }
    if (event instanceof SipEvent.RequestReceived received) {
      answerOutOfDialog(received.request());
    }
  }

  private void answerOutOfDialog(IncomingRequest request) {
    if (request.transaction() == null || request.method().equals("ACK")) {
      return; // ACKs are never answered
    }
    switch (request.method()) {
      case "OPTIONS" -> {
        if (draining) {
          unavailable(request);
        } else {
          stack.respond(request.transaction(), OutgoingResponse.of(200)
              .withHeader("Allow", ALLOW).withHeader("Accept", "application/sdp").withHeader("Supported", "timer"));
        }
      }
      case "REGISTER", "SUBSCRIBE", "NOTIFY", "PUBLISH", "MESSAGE", "REFER", "INFO", "PRACK" ->
          stack.respond(request.transaction(), OutgoingResponse.of(405).withHeader("Allow", ALLOW));
      default -> stack.respond(request.transaction(), OutgoingResponse.of(501).withHeader("Allow", ALLOW));
    }
  }

  private void unavailable(IncomingRequest request) {
    stack.respond(request.transaction(), OutgoingResponse.of(503, "Draining").withHeader("Retry-After", "30"));
  }

  private static boolean isNewInvite(IncomingRequest request) {
    return request.method().equals("INVITE") && !request.isInDialog();
  }
}
