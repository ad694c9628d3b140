package io.switchboard.sip.incall;

import io.switchboard.media.dtmf.DtmfDigit;
import io.switchboard.sip.concurrent.Cancellable;
import io.switchboard.sip.concurrent.Scheduler;
import io.switchboard.sip.transport.ClientTransactionHandle;
import io.switchboard.sip.transport.DialogHandle;
import io.switchboard.sip.transport.IncomingRequest;
import io.switchboard.sip.transport.IncomingResponse;
import io.switchboard.sip.transport.OutgoingRequest;
import io.switchboard.sip.transport.OutgoingResponse;
import io.switchboard.sip.transport.SipSendException;
import io.switchboard.sip.transport.SipSignalling;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dialog's INFO, REFER and NOTIFY traffic, for any kind of leg. Every method except
 * {@link #transfer} and {@link #sendDtmfInfo} must run on the call's serial executor; those two
 * post themselves there. At most one transfer runs at a time (a repeated request for the same
 * target joins it, as LiveKit does).
 */
public final class DialogRequests {
  private static final Logger log = LoggerFactory.getLogger(DialogRequests.class);
  /** How long each INFO digit says it lasts: the usual 160 ms key press. */
  private static final Duration INFO_DIGIT = Duration.ofMillis(160);

  /** The call this serves. Called on the call's executor. */
  public interface Owner {
    String callId();

    /** Whether the dialog is confirmed and the call still up. */
    boolean isEstablished();

    DialogHandle dialog();

    /** The host a {@code tel:} transfer target is addressed at: the peer's. */
    String peerHost();

    /** A key arrived in a SIP INFO. */
    void onDigit(DtmfDigit digit);

    /** The transfer succeeded: the leg should now hang up (RFC 5589 §6). */
    void onTransferred(TransferOutcome.Transferred outcome);
  }

  private final SipSignalling sip;
  private final Scheduler scheduler;
  private final Executor callExecutor;
  private final Owner owner;
  private Pending pending;

  private static final class Pending {
    final TransferRequest request;
    final CompletableFuture<TransferOutcome> result = new CompletableFuture<>();
    ClientTransactionHandle refer;
    boolean accepted;
    Cancellable timer = () -> { };

    Pending(TransferRequest request) {
      this.request = request;
    }
  }

  /** @param callExecutor runs a task on the call's serial executor */
  public DialogRequests(SipSignalling sip, Scheduler scheduler, Executor callExecutor, Owner owner) {
    this.sip = sip;
    this.scheduler = scheduler;
    this.callExecutor = callExecutor;
    this.owner = owner;
  }

  /** Starts a transfer from any thread. */
  public CompletionStage<TransferOutcome> transfer(TransferRequest request) {
    var result = new CompletableFuture<TransferOutcome>();
    callExecutor.execute(() -> start(request).whenComplete((outcome, failure) -> {
      if (failure != null) {
        result.completeExceptionally(failure);
      } else {
        result.complete(outcome);
      }
    }));
    return result;
  }

  /** Keys {@code digit} as an INFO, from any thread; dropped when the call is not up. */
  public void sendDtmfInfo(DtmfDigit digit) {
    callExecutor.execute(() -> {
      if (!owner.isEstablished()) {
        log.info("call {}: not up, dtmf {} over INFO dropped", owner.callId(), digit.symbol());
        return;
      }
      try {
        sip.sendInDialog(owner.dialog(), DtmfInfo.request(digit, INFO_DIGIT));
      } catch (SipSendException e) {
        log.warn("call {}: cannot send dtmf INFO: {}", owner.callId(), e.getMessage());
      }
    });
  }

  /** Answers an in-dialog INFO or NOTIFY. */
  public void onRequest(IncomingRequest request) {
    switch (request.method()) {
      case "INFO" -> onInfo(request);
      case "NOTIFY" -> onNotify(request);
      default -> throw new IllegalArgumentException("not an INFO or NOTIFY: " + request.method());
    }
  }

  /** Takes the response if it answers our REFER; false when it is someone else's. */
  public boolean onResponse(IncomingResponse response) {
    Pending p = pending;
    if (p == null || p.refer == null || !p.refer.equals(response.transaction())) {
      return false;
    }
    if (response.isSuccess()) {
      p.accepted = true; // 202 Accepted (or 200): the NOTIFYs tell the rest (RFC 3515 §2.4.2)
      log.info("call {}: REFER accepted with {}", owner.callId(), response.status());
    } else if (response.isFinal()) {
      finish(p, new TransferOutcome.Failed(TransferOutcome.Reason.REJECTED, response.status(), response.reason()));
    }
    return true;
  }

  /** Takes the timeout if it is our REFER's; false otherwise. */
  public boolean onTimeout(ClientTransactionHandle transaction) {
    Pending p = pending;
    if (p == null || p.refer == null || !p.refer.equals(transaction)) {
      return false;
    }
    finish(p, new TransferOutcome.Failed(TransferOutcome.Reason.RINGING_TIMEOUT, 408, "no response to REFER"));
    return true;
  }

  /** The call ended: a transfer still running fails with CALL_ENDED. */
  public void callEnded() {
    Pending p = pending;
    if (p != null) {
      finish(p, new TransferOutcome.Failed(TransferOutcome.Reason.CALL_ENDED, 0, "the call ended"));
    }
  }

  private CompletionStage<TransferOutcome> start(TransferRequest request) {
    if (!owner.isEstablished()) {
      return done(new TransferOutcome.NotPossible("call " + owner.callId() + " is not answered or already over"));
    }
    if (pending != null) {
      if (pending.request.target().equals(request.target())) {
        return pending.result;
      }
      return done(new TransferOutcome.NotPossible(
          "a transfer to " + pending.request.target().uri() + " is already in progress"));
    }
    OutgoingRequest refer = OutgoingRequest.of("REFER")
        .withHeader("Refer-To", request.target().referTo(owner.peerHost()));
    for (var header : request.headers().entrySet()) {
      refer = refer.withHeader(header.getKey(), header.getValue());
    }
    Pending p = new Pending(request);
    try {
      p.refer = sip.sendInDialog(owner.dialog(), refer);
    } catch (SipSendException e) {
      return done(new TransferOutcome.NotPossible("cannot send REFER: " + e.getMessage()));
    }
    pending = p;
    p.timer = scheduler.schedule(request.timeout(), () -> callExecutor.execute(() -> {
      if (pending == p) {
        finish(p, new TransferOutcome.Failed(TransferOutcome.Reason.RINGING_TIMEOUT, 408,
            "no final NOTIFY within " + request.timeout().toSeconds() + " s"));
      }
    }));
    log.info("call {}: REFER sent, Refer-To {}", owner.callId(), refer.header("Refer-To"));
    return p.result;
  }

  private void onInfo(IncomingRequest info) {
    switch (DtmfInfo.read(info.contentType(), info.body())) {
      case DtmfInfo.Body.Digit digit -> {
        respond(info, OutgoingResponse.of(200));
        owner.onDigit(digit.digit());
      }
      case DtmfInfo.Body.Empty empty -> respond(info, OutgoingResponse.of(200));
      case DtmfInfo.Body.Unsupported unsupported -> respond(info,
          OutgoingResponse.of(415).withHeader("Accept", DtmfInfo.ACCEPT));
      case DtmfInfo.Body.Malformed malformed -> respond(info, OutgoingResponse.of(400, "Bad DTMF")
          .withHeader("Warning", "399 switchboard \"" + malformed.problem().replace("\"", "'") + "\""));
    }
  }

  /** RFC 3515 §2.4.4-2.4.5: each NOTIFY carries the sipfrag of the transferee's new call. */
  private void onNotify(IncomingRequest notify) {
    String event = notify.headers().first("Event").orElse(notify.headers().first("o").orElse(""));
    String eventType = event.split(";", 2)[0].strip();
    if (!eventType.equalsIgnoreCase("refer")) {
      respond(notify, OutgoingResponse.of(489)); // Bad Event (RFC 6665 §8.3.2)
      return;
    }
    Pending p = pending;
    if (p == null) {
      respond(notify, OutgoingResponse.of(481, "Subscription Does Not Exist"));
      return;
    }
    var frag = SipFrag.parse(notify.body());
    boolean terminated = notify.headers().first("Subscription-State")
        .map(s -> s.strip().toLowerCase(java.util.Locale.ROOT).startsWith("terminated")).orElse(false);
    if (frag.isEmpty() && !terminated) {
      respond(notify, OutgoingResponse.of(400, "Bad Sipfrag"));
      return;
    }
    respond(notify, OutgoingResponse.of(200));
    if (frag.isPresent() && frag.get().isFinal()) {
      log.info("call {}: transfer to {} ended with {}", owner.callId(), p.request.target().uri(), frag.get());
      finish(p, frag.get().isSuccess()
          ? new TransferOutcome.Transferred(p.request.target(), frag.get())
          : new TransferOutcome.Failed(TransferOutcome.Reason.FAILED, frag.get().status(), frag.get().reason()));
    } else if (terminated) {
      finish(p, new TransferOutcome.Failed(TransferOutcome.Reason.SUBSCRIPTION_TERMINATED, 0,
          "the transferee ended the subscription without a final status"));
    } else {
      log.info("call {}: transfer to {} in progress: {}", owner.callId(), p.request.target().uri(), frag.get());
    }
  }

  private void finish(Pending p, TransferOutcome outcome) {
    if (pending == p) {
      pending = null;
    }
    p.timer.cancel();
    p.result.complete(outcome);
    if (outcome instanceof TransferOutcome.Transferred transferred) {
      owner.onTransferred(transferred);
    }
  }

  private void respond(IncomingRequest request, OutgoingResponse response) {
    try {
      sip.respond(request.transaction(), response);
    } catch (SipSendException e) {
      log.debug("call {}: could not answer {}: {}", owner.callId(), request.method(), e.getMessage());
    }
  }

  private static CompletionStage<TransferOutcome> done(TransferOutcome outcome) {
    return CompletableFuture.completedFuture(outcome);
  }
}
