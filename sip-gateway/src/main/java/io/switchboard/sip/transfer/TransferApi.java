package io.switchboard.sip.transfer;

import com.google.protobuf.Empty;
import io.switchboard.protocol.twirp.TwirpContext;
import io.switchboard.protocol.twirp.TwirpErrorCode;
import io.switchboard.protocol.twirp.TwirpException;
import io.switchboard.protocol.twirp.TwirpRouter;
import io.switchboard.sip.api.SipStatusErrors;
import io.switchboard.sip.incall.ReferTarget;
import io.switchboard.sip.incall.TransferOutcome;
import io.switchboard.sip.incall.TransferRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import livekit.LivekitSip.TransferSIPParticipantRequest;

/**
 * LiveKit's {@code livekit.SIP/TransferSIPParticipant}: needs the {@code sip.call} grant and
 * {@code roomAdmin} for the room, as LiveKit checks. Answers once the transfer is over: empty on
 * success (the caller's leg then hangs up), a Twirp error otherwise with {@code sip_status_code}
 * and {@code sip_status} in meta (what the REFER or the final NOTIFY said), so
 * livekit-server-sdk raises a SipCallError. The code comes from the same SIP-to-Twirp table as
 * CreateSIPParticipant's ({@link SipStatusErrors}, LiveKit's).
 */
public final class TransferApi {
  public static final String SERVICE = "livekit.SIP";
  public static final String METHOD = "TransferSIPParticipant";

  private final ParticipantTransfers transfers;

  public TransferApi(ParticipantTransfers transfers) {
    this.transfers = transfers;
  }

  public void register(TwirpRouter router) {
    router.register(SERVICE, METHOD, TransferSIPParticipantRequest.getDefaultInstance(), this::transfer);
  }

  Empty transfer(TwirpContext context, TransferSIPParticipantRequest request) {
    requireGrants(context, request.getRoomName());
    if (request.getRoomName().isEmpty()) {
      throw TwirpException.requiredArgument("room_name");
    }
    if (request.getParticipantIdentity().isEmpty()) {
      throw TwirpException.requiredArgument("participant_identity");
    }
    TransferRequest transfer;
    try {
      transfer = new TransferRequest(ReferTarget.parse(request.getTransferTo()), request.getHeadersMap(),
          request.hasRingingTimeout() ? Duration.ofSeconds(request.getRingingTimeout().getSeconds()) : null,
          request.getPlayDialtone());
    } catch (IllegalArgumentException e) {
      String field = e.getMessage().startsWith("header") ? "headers" : "transfer_to";
      throw new TwirpException(TwirpErrorCode.INVALID_ARGUMENT, e.getMessage(), Map.of("argument", field));
    }
    TransferOutcome outcome;
    try {
      outcome = transfers.transfer(request.getRoomName(), request.getParticipantIdentity(), transfer);
    } catch (NoSuchElementException e) {
      throw TwirpException.notFound(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw TwirpException.of(TwirpErrorCode.CANCELED, "interrupted while transferring");
    }
    return switch (outcome) {
      case TransferOutcome.Transferred t -> Empty.getDefaultInstance();
      case TransferOutcome.NotPossible not -> throw TwirpException.failedPrecondition(not.why());
      case TransferOutcome.Failed failed -> throw failure(failed);
    };
  }

  /**
   * LiveKit's EnsureSIPCallPermission plus EnsureAdminPermission for the room; a missing grant is
   * {@code unauthenticated}, as LiveKit's twirpAuthError makes it.
   */
  private static void requireGrants(TwirpContext context, String room) {
    if (!context.grants().sip().call()) {
      throw TwirpException.unauthenticated(
          "permissions denied: TransferSIPParticipant requires a token with the sip.call grant");
    }
    var video = context.grants().video();
    if (!video.roomAdmin() || !room.equals(video.room())) {
      throw TwirpException.unauthenticated(
          "permissions denied: TransferSIPParticipant requires roomAdmin for room '" + room + "'");
    }
  }

  static TwirpException failure(TransferOutcome.Failed failed) {
    Map<String, String> meta = new LinkedHashMap<>();
    if (failed.sipStatus() > 0) {
      meta.putAll(SipStatusErrors.meta(failed.sipStatus(), failed.sipReason()));
    }
    meta.put("transfer_reason", failed.reason().name());
    String message = switch (failed.reason()) {
      case REJECTED -> "the phone refused the transfer (REFER answered " + failed.sipStatus() + ")";
      case FAILED -> "the transfer target was not reached (" + failed.sipStatus() + " " + failed.sipReason() + ")";
      case RINGING_TIMEOUT -> "the transfer did not complete in time (" + failed.sipReason() + ")";
      case SUBSCRIPTION_TERMINATED -> "the transfer ended without an outcome: " + failed.sipReason();
      case CALL_ENDED -> "the call ended before the transfer completed";
    };
    TwirpErrorCode code = failed.reason() == TransferOutcome.Reason.CALL_ENDED ? TwirpErrorCode.ABORTED
        : failed.reason() == TransferOutcome.Reason.RINGING_TIMEOUT ? TwirpErrorCode.DEADLINE_EXCEEDED
        : SipStatusErrors.code(failed.sipStatus());
    return new TwirpException(code, message, meta);
  }
}
