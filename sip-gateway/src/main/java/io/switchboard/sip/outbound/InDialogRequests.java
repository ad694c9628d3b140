package io.switchboard.sip.outbound;

import io.switchboard.sip.inbound.MediaSession;
import io.switchboard.sip.incall.DialogRequests;
import io.switchboard.sip.sdp.AnswerResult;
import io.switchboard.sip.sdp.CodecPolicy;
import io.switchboard.sip.sdp.LocalSdp;
import io.switchboard.sip.sdp.OfferAnswer;
import io.switchboard.sip.sdp.SdesCrypto;
import io.switchboard.sip.sdp.SdpParseException;
import io.switchboard.sip.sdp.SdpParser;
import io.switchboard.sip.sdp.SdpWriter;
import io.switchboard.sip.sdp.SessionDescription;
import io.switchboard.sip.transport.IncomingRequest;
import io.switchboard.sip.transport.OutgoingResponse;
import io.switchboard.sip.transport.SipSendException;
import io.switchboard.sip.transport.SipSignalling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.security.SecureRandom;

/**
 * Requests the far end sends inside an outbound call's dialog, other than BYE: a re-INVITE with
 * an offer is answered (hold, resume, a new address) keeping our port; one without an offer gets
 * our original offer again; OPTIONS and UPDATE without a body get 200; anything else (a REFER
 * from the callee, MESSAGE) 405. INFO and NOTIFY go to the call's DialogRequests once it is
 * answered, and get 481 before.
 */
final class InDialogRequests {
  private static final Logger log = LoggerFactory.getLogger(InDialogRequests.class);
  private static final String ALLOW = "INVITE, ACK, BYE, CANCEL, OPTIONS, UPDATE, INFO, NOTIFY";

  private InDialogRequests() {}

  /** @param inDialog the call's INFO/REFER/NOTIFY handler once answered; null before (they get 481) */
  static void answer(SipSignalling sip, IncomingRequest request, MediaSession media, SessionDescription offer,
      CodecPolicy policy, String callId, DialogRequests inDialog) {
    switch (request.method()) {
      case "ACK" -> { }
      case "INFO", "NOTIFY" -> {
        if (inDialog != null && request.isInDialog()) {
          inDialog.onRequest(request);
        } else {
          afterEnd(sip, request); // 481: no dialog for it (yet)
        }
      }
      case "INVITE" -> reinvite(sip, request, media, offer, policy, callId);
      case "OPTIONS", "UPDATE" -> respond(sip, request, request.body().isBlank()
          ? OutgoingResponse.of(200).withHeader("Allow", ALLOW)
          : OutgoingResponse.of(488).withHeader("Warning", "399 switchboard \"UPDATE with SDP is not supported\""));
      default -> respond(sip, request, OutgoingResponse.of(405).withHeader("Allow", ALLOW));
    }
  }

  /** A request arriving after the call ended: 481 (RFC 3261 §12.2.2), nothing for an ACK. */
  static void afterEnd(SipSignalling sip, IncomingRequest request) {
    if (!request.method().equals("ACK")) {
      respond(sip, request, OutgoingResponse.of(481));
    }
  }

  static void ok(SipSignalling sip, IncomingRequest request) {
    respond(sip, request, OutgoingResponse.of(200));
  }

  private static void reinvite(SipSignalling sip, IncomingRequest request, MediaSession media,
      SessionDescription offer, CodecPolicy policy, String callId) {
    if (request.body().isBlank()) {
      respond(sip, request, OutgoingResponse.of(200).withSdp(SdpWriter.write(offer)));
      return;
    }
    try {
      SessionDescription theirs = new SdpParser().parse(request.body());
      String address = offer.origin().address();
      LocalSdp local = new LocalSdp(address, offer.media().getFirst().port(), offer.origin().sessionId(),
          Long.parseLong(offer.origin().sessionVersion()) + 1, SdesCrypto.generate(new SecureRandom()));
      switch (OfferAnswer.answer(theirs, policy, null, local)) {
        case AnswerResult.Answered answered -> {
          media.update(answered.audio());
          respond(sip, request, OutgoingResponse.of(200).withSdp(SdpWriter.write(answered.answer())));
          log.info("call_id={} re-INVITE answered direction={}", callId, answered.audio().direction());
        }
        case AnswerResult.NotAcceptable refused ->
            respond(sip, request, OutgoingResponse.of(488).withHeader("Warning", "399 switchboard \"" + refused.reason() + "\""));
      }
    } catch (SdpParseException e) {
      respond(sip, request, OutgoingResponse.of(400, "Bad SDP"));
    }
  }

  private static void respond(SipSignalling sip, IncomingRequest request, OutgoingResponse response) {
    if (request.transaction() == null) {
      return;
    }
    try {
      sip.respond(request.transaction(), response);
    } catch (SipSendException e) {
      log.debug("cannot answer {}: {}", request.method(), e.getMessage());
    }
  }
}
