package io.switchboard.sip.outbound;

import io.switchboard.sip.carrier.CarrierFailure;
import io.switchboard.sip.concurrent.Cancellable;
import io.switchboard.sip.inbound.MediaSession;
import io.switchboard.sip.incall.DialogRequests;
import io.switchboard.sip.sdp.NegotiatedAudio;
import io.switchboard.sip.sdp.SessionDescription;
import io.switchboard.sip.transport.ClientTransactionHandle;
import io.switchboard.sip.transport.DialogHandle;
import io.switchboard.sip.transport.IncomingRequest;
import io.switchboard.sip.transport.IncomingResponse;
import io.switchboard.sip.transport.OutgoingRequest;
import io.switchboard.sip.transport.SipEvent;
import io.switchboard.sip.transport.SipSendException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One outbound call, from our INVITE to its end. Single-threaded: every event runs on the
 * Call-ID's serial executor. Answers one 401/407 with the trunk's credentials (a new CSeq, same
 * Call-ID and From tag, RFC 3261 §22.2); follows 1xx to ringing and early media; ACKs the 2xx;
 * CANCELs on hang-up or ringing timeout before the answer, BYEs after it. Once answered, INFO
 * (DTMF), our REFER and its NOTIFYs go through {@link DialogRequests}, as on inbound legs.
 */
public final class OutboundCall {
  private static final Logger log = LoggerFactory.getLogger(OutboundCall.class);
  /** 64*T1 (RFC 3261 §9.1): how long a CANCELled INVITE may take to end. */
  private static final Duration CANCEL_GRACE = Duration.ofSeconds(32);

  private final OutboundEnvironment env;
  private final InviteBuilder invites;
  private final DialPlan plan;
  private final MediaSession media;
  private final OutboundListener listener;
  /** INFO (DTMF), and REFER with its NOTIFYs (transfers), once answered. */
  final DialogRequests inDialog;
  private OutboundState state;
  private SessionDescription offer;
  private NegotiatedAudio early;
  private boolean ringingReported;
  private boolean challengeAnswered;
  private Cancellable ringingTimer = () -> {};
  private Cancellable durationTimer = () -> {};

  OutboundCall(OutboundEnvironment env, String callId, DialPlan plan, MediaSession media, OutboundListener listener) {
    this.env = env;
    this.plan = plan;
    this.media = media;
    this.listener = listener;
    this.invites = new InviteBuilder(callId, plan, env.sip().advertisedAddress(), env.random());
    this.inDialog = new DialogRequests(env.sip(), env.scheduler(), task -> env.executor().execute(callId, task),
        new OutboundDialogOwner(this));
  }

  public String callId() {
    return invites.callId();
  }

  DialPlan plan() {
    return plan;
  }

  OutboundListener listener() {
    return listener;
  }

  /** The confirmed dialog while the call is answered and up; null otherwise. */
  DialogHandle activeDialog() {
    return state instanceof OutboundState.Active active ? active.dialog() : null;
  }

  /** Sends the INVITE and starts the ringing timer. */
  void start() {
    offer = invites.offer(media);
    ringingTimer = env.schedule(callId(), plan.ringingTimeout(), new OutboundEvent.RingingTimeout(), this);
    try {
      state = new OutboundState.Inviting(env.sip().sendInvite(invites.invite(offer, Optional.empty())), false);
      log.info("dialing call_id={} {}", callId(), plan);
    } catch (SipSendException e) {
      log.warn("cannot dial call_id={} {}: {}", callId(), plan, e.getMessage());
      // The send error names the cause a user can fix (TLS not enabled, an untrusted certificate).
      end(new OutboundEnd(OutboundEnd.Reason.UNREACHABLE, 503, "Service Unavailable (" + e.getMessage() + ")"));
    }
  }

  void onEvent(OutboundEvent event) {
    if (state instanceof OutboundState.Ended) {
      if (event instanceof OutboundEvent.Sip(SipEvent.RequestReceived received)) {
        InDialogRequests.afterEnd(env.sip(), received.request());
      }
      return;
    }
    switch (event) {
      case OutboundEvent.Sip(SipEvent.ResponseReceived received) -> onResponse(received.response());
      case OutboundEvent.Sip(SipEvent.RequestReceived received) -> onRequest(received.request());
      case OutboundEvent.Sip(SipEvent.ClientTransactionTimedOut timedOut) -> onTimeout(timedOut.transaction());
      case OutboundEvent.Sip(SipEvent other) -> log.debug("call_id={} ignores {}", callId(), other);
      case OutboundEvent.Hangup hangup -> hangup(
          hangup.reason() == OutboundEnd.Reason.LOCAL_HANGUP && !(state instanceof OutboundState.Active)
              ? new OutboundEnd(OutboundEnd.Reason.CANCELLED, 487, "Request Terminated")
              : OutboundEnd.of(hangup.reason()));
      case OutboundEvent.RingingTimeout timeout ->
          hangup(new OutboundEnd(OutboundEnd.Reason.NO_ANSWER, 408, "Request Timeout (no answer)"));
      case OutboundEvent.CancelTimeout timeout -> {
        if (state instanceof OutboundState.Cancelling cancelling) {
          end(cancelling.end());
        }
      }
      case OutboundEvent.MaxDuration max -> hangup(OutboundEnd.of(OutboundEnd.Reason.MAX_DURATION));
    }
  }

  private void onResponse(IncomingResponse response) {
    if (inDialog.onResponse(response)) {
      return; // our REFER's
    }
    if (!response.method().equals("INVITE") || response.cseq() != invites.cseq()) {
      return; // BYE/CANCEL answers, or a late one for the INVITE we re-sent with credentials
    }
    if (!response.isFinal()) {
      onProvisional(response);
    } else if (response.isSuccess()) {
      onAnswer(response);
    } else if ((response.status() == 401 || response.status() == 407) && retryWithCredentials(response)) {
      log.info("call_id={} answered a {} challenge", callId(), response.status());
    } else {
      OutboundEnd end = state instanceof OutboundState.Cancelling cancelling
          ? cancelling.end()
          : new OutboundEnd(OutboundEnd.Reason.REJECTED, response.status(), response.reason(),
              CarrierFailure.of(response.reason(), response.headers(), response.body()));
      log.info("call_id={} refused: {} {} {}", callId(), response.status(), response.reason(), end.carrier().describe());
      end(end);
    }
  }

  private void onProvisional(IncomingResponse response) {
    ClientTransactionHandle invite = currentInvite();
    if (response.status() > 100 && !response.body().isBlank()) {
      acceptAnswer(response.body()).ifPresent(audio -> {
        if (early == null) {
          early = audio;
          media.update(audio);
          listener.onEarlyMedia(audio);
        }
      });
    }
    switch (state) {
      case OutboundState.Inviting inviting when response.status() == 180 || response.status() == 183 -> {
        state = new OutboundState.Ringing(invite);
        reportRinging(response.status());
      }
      case OutboundState.Inviting inviting -> state = new OutboundState.Inviting(invite, true);
      case OutboundState.Ringing ringing -> reportRinging(response.status());
      case OutboundState.Cancelling cancelling when !cancelling.sent() -> sendCancel(cancelling.end());
      case OutboundState.Cancelling cancelling -> { }
      case OutboundState.Active active -> { }
      case OutboundState.Ended ended -> { }
    }
  }

  private void reportRinging(int status) {
    if (!ringingReported) {
      ringingReported = true;
      listener.onRinging(status);
    }
  }

  private void onAnswer(IncomingResponse response) {
    if (state instanceof OutboundState.Active) {
      return; // a retransmitted 2xx: the stack re-sends our ACK
    }
    try {
      env.sip().acknowledge(response.dialog(), response.cseq());
    } catch (SipSendException | IllegalArgumentException e) {
      log.warn("call_id={} cannot ACK the 2xx: {}", callId(), e.getMessage());
    }
    OutboundState before = state;
    state = new OutboundState.Active(response.dialog());
    if (before instanceof OutboundState.Cancelling cancelling) {
      sendBye(cancelling.end()); // the 2xx crossed our CANCEL (§9.1): end the dialog it made
      return;
    }
    Optional<NegotiatedAudio> audio = response.body().isBlank() ? Optional.ofNullable(early) : acceptAnswer(response.body());
    if (audio.isEmpty()) {
      sendBye(new OutboundEnd(OutboundEnd.Reason.MEDIA_NEGOTIATION, 488, "Not Acceptable Here"));
      return;
    }
    ringingTimer.cancel();
    media.update(audio.get());
    durationTimer = env.schedule(callId(), plan.maxCallDuration(), new OutboundEvent.MaxDuration(), this);
    log.info("call_id={} answered codec={}", callId(), audio.get().codec());
    listener.onAnswered(audio.get(), response.headers());
  }

  private boolean retryWithCredentials(IncomingResponse response) {
    if (challengeAnswered || !plan.hasCredentials() || state instanceof OutboundState.Cancelling) {
      return false;
    }
    String challengeHeader = response.status() == 407 ? "Proxy-Authenticate" : "WWW-Authenticate";
    var credentials = DigestAnswer.answer(response.status(), response.headers().values(challengeHeader),
        plan.authUsername(), plan.authPassword(), "INVITE", invites.requestUri(), invites.newCnonce());
    if (credentials.isEmpty()) {
      log.warn("call_id={} got {} with no Digest challenge we can answer", callId(), response.status());
      return false;
    }
    challengeAnswered = true;
    try {
      state = new OutboundState.Inviting(env.sip().sendInvite(invites.reinvite(offer, credentials.get())), false);
    } catch (SipSendException e) {
      end(new OutboundEnd(OutboundEnd.Reason.UNREACHABLE, 503, "Service Unavailable (cannot send INVITE)"));
    }
    return true;
  }

  private void onRequest(IncomingRequest request) {
    if (request.method().equals("BYE")) {
      InDialogRequests.ok(env.sip(), request);
      log.info("call_id={} far end hung up", callId());
      end(OutboundEnd.of(OutboundEnd.Reason.REMOTE_HANGUP));
      return;
    }
    InDialogRequests.answer(env.sip(), request, media, offer, plan.codecs(), callId(),
        state instanceof OutboundState.Active ? inDialog : null);
  }

  private void onTimeout(ClientTransactionHandle transaction) {
    if (inDialog.onTimeout(transaction)) {
      return;
    }
    if (!transaction.method().equals("INVITE") || !transaction.equals(currentInvite())) {
      return;
    }
    OutboundEnd end = state instanceof OutboundState.Cancelling cancelling
        ? cancelling.end()
        : new OutboundEnd(OutboundEnd.Reason.UNREACHABLE, 408, "Request Timeout (no response)");
    log.info("call_id={} INVITE timed out", callId());
    end(end);
  }

  private void hangup(OutboundEnd end) {
    switch (state) {
      case OutboundState.Inviting inviting when inviting.provisional() -> sendCancel(end);
      case OutboundState.Inviting inviting -> {
        state = new OutboundState.Cancelling(inviting.invite(), end, false);
        env.schedule(callId(), CANCEL_GRACE, new OutboundEvent.CancelTimeout(), this);
      }
      case OutboundState.Ringing ringing -> sendCancel(end);
      case OutboundState.Active active -> sendBye(end);
      case OutboundState.Cancelling cancelling -> { }
      case OutboundState.Ended ended -> { }
    }
  }

  private void sendCancel(OutboundEnd end) {
    ClientTransactionHandle invite = currentInvite();
    ringingTimer.cancel();
    state = new OutboundState.Cancelling(invite, end, true);
    env.schedule(callId(), CANCEL_GRACE, new OutboundEvent.CancelTimeout(), this);
    try {
      env.sip().cancel(invite);
      log.info("call_id={} CANCEL sent ({})", callId(), end.reason());
    } catch (SipSendException e) {
      log.warn("call_id={} cannot CANCEL: {}", callId(), e.getMessage());
      end(end);
    }
  }

  private void sendBye(OutboundEnd end) {
    if (state instanceof OutboundState.Active active) {
      try {
        env.sip().sendInDialog(active.dialog(), OutgoingRequest.of("BYE"));
      } catch (SipSendException e) {
        log.warn("call_id={} cannot send BYE: {}", callId(), e.getMessage());
      }
    }
    end(end);
  }

  private void end(OutboundEnd end) {
    if (state instanceof OutboundState.Ended) {
      return;
    }
    state = new OutboundState.Ended(end);
    ringingTimer.cancel();
    durationTimer.cancel();
    inDialog.callEnded();
    media.close();
    env.ended(this);
    log.info("call_id={} ended reason={} status={}", callId(), end.reason(), end.sipStatus());
    listener.onEnded(end);
  }

  private ClientTransactionHandle currentInvite() {
    return switch (state) {
      case OutboundState.Inviting inviting -> inviting.invite();
      case OutboundState.Ringing ringing -> ringing.invite();
      case OutboundState.Cancelling cancelling -> cancelling.invite();
      case OutboundState.Active active -> null;
      case OutboundState.Ended ended -> null;
    };
  }

  private Optional<NegotiatedAudio> acceptAnswer(String body) {
    return SdpAnswers.accept(env.sdp(), offer, body, callId());
  }
}
