package io.switchboard.sip.inbound;

import io.switchboard.sip.auth.DigestAuthenticator;
import io.switchboard.sip.concurrent.KeyedSerialExecutor;
import io.switchboard.sip.concurrent.Scheduler;
import io.switchboard.sip.sdp.SdpParser;
import io.switchboard.sip.transport.IncomingRequest;
import io.switchboard.sip.transport.OutgoingResponse;
import io.switchboard.sip.transport.SipEvent;
import io.switchboard.sip.transport.SipSignalling;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Owns the live inbound calls, by Call-ID: creates a call for a dialog-less INVITE and hands
 * every later event for that Call-ID to it. Events must arrive on the Call-ID's serial executor.
 */
public final class InboundCallRouter {
  private final CallEnvironment env;
  private final ConcurrentHashMap<String, InboundCall> calls = new ConcurrentHashMap<>();

  @SuppressWarnings("unchecked")
  public <C> InboundCallRouter(
      SipSignalling sip,
      InboundCallHandler<C> handler,
      MediaSessionFactory media,
      DigestAuthenticator authenticator,
      InboundSettings settings,
      Scheduler scheduler,
      KeyedSerialExecutor executor) {
    // The context type only travels from authorize() to dispatch() of the same handler.
    this.env = new CallEnvironment(sip, (InboundCallHandler<Object>) handler, media, authenticator, settings,
        scheduler, executor, new SdpParser(), call -> calls.remove(call.callId(), call));
  }

  /**
   * Takes an event if it belongs to a call: a new INVITE, or anything for a known Call-ID.
   *
   * @return false when the event is not about an inbound call (the caller answers it)
   */
  public boolean route(SipEvent event) {
    InboundCall call = calls.get(event.callId());
    if (call != null) {
      call.onEvent(new CallEvent.Sip(event));
      return true;
    }
    if (event instanceof SipEvent.RequestReceived received && isNewInvite(received.request())) {
      var created = new InboundCall(env, received.request());
      calls.put(created.callId(), created);
      created.start();
      return true;
    }
    if (event instanceof SipEvent.RequestReceived received && isForUnknownCall(received.request())) {
      // CANCEL or in-dialog request for a call we do not know (RFC 3261 §12.2.2, §9.2).
      env.sip().respond(received.request().transaction(), OutgoingResponse.of(481));
      return true;
    }
    return !(event instanceof SipEvent.RequestReceived);
  }

  public int activeCalls() {
    return calls.size();
  }

  /** Ends every call (503 before answer, BYE after); completes once each call has done so. */
  public CompletableFuture<Void> stopAll() {
    List<CompletableFuture<Void>> stopped = new ArrayList<>();
    for (InboundCall call : calls.values()) {
      var done = new CompletableFuture<Void>();
      env.executor().execute(call.callId(), () -> {
        try {
          call.onEvent(new CallEvent.ServerStopping());
        } finally {
          done.complete(null);
        }
      });
      stopped.add(done);
    }
    return CompletableFuture.allOf(stopped.toArray(CompletableFuture[]::new));
  }

  private static boolean isNewInvite(IncomingRequest request) {
    return request.method().equals("INVITE") && !request.isInDialog();
  }

  private static boolean isForUnknownCall(IncomingRequest request) {
    return request.method().equals("CANCEL") || (request.isInDialog() && !request.method().equals("ACK"));
  }
}
