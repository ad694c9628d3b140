package io.switchboard.sip.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.protocol.auth.ClaimGrants;
import io.switchboard.protocol.auth.SipGrant;
import io.switchboard.protocol.auth.VideoGrant;
import io.switchboard.protocol.twirp.TwirpContext;
import io.switchboard.protocol.twirp.TwirpErrorCode;
import io.switchboard.protocol.twirp.TwirpException;
import io.switchboard.sip.incall.SipParticipantCall;
import io.switchboard.sip.incall.TransferOutcome;
import io.switchboard.sip.incall.TransferRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import livekit.LivekitSip.TransferSIPParticipantRequest;
import org.junit.jupiter.api.Test;

/** TransferSIPParticipant's grants, validation and outcomes, with the call replaced by a script. */
class TransferApiTest {
  private final List<TransferRequest> requests = new ArrayList<>();
  private TransferOutcome next = new TransferOutcome.NotPossible("unset");

  private final SipParticipantCall call = new SipParticipantCall() {
    @Override
    public String roomName() {
      return "front";
    }

    @Override
    public String participantIdentity() {
      return "sip_caller";
    }

    @Override
    public CompletionStage<TransferOutcome> transfer(TransferRequest request) {
      requests.add(request);
      return CompletableFuture.completedFuture(next);
    }

    @Override
    public void hangup() {}
  };

  private final TransferApi api = new TransferApi(new ParticipantTransfers(
      (room, identity) -> room.equals("front") && identity.equals("sip_caller") ? Optional.of(call) : Optional.empty()));

  private static TwirpContext context(boolean sipCall, boolean roomAdmin, String room) {
    return new TwirpContext("livekit.SIP", "TransferSIPParticipant", "devkey", ClaimGrants.builder()
        .sip(new SipGrant(false, sipCall))
        .video(VideoGrant.builder().roomAdmin(roomAdmin).room(room).build())
        .build());
  }

  private static TransferSIPParticipantRequest request(String to) {
    return TransferSIPParticipantRequest.newBuilder().setRoomName("front").setParticipantIdentity("sip_caller")
        .setTransferTo(to).setPlayDialtone(true).putHeaders("X-Job", "42").build();
  }

  private TwirpException refused(TwirpContext context, TransferSIPParticipantRequest request) {
    return assertThrows(TwirpException.class, () -> api.transfer(context, request));
  }

  @Test
  void needsTheSipCallGrantAndRoomAdminForThatRoom() {
    for (TwirpContext context : List.of(context(false, true, "front"), context(true, false, "front"),
        context(true, true, "back"))) {
      assertEquals(TwirpErrorCode.UNAUTHENTICATED, refused(context, request("tel:+15105550111")).code());
    }
    assertTrue(requests.isEmpty(), "no REFER without the grants");
  }

  @Test
  void passesTheTargetHeadersAndDialtoneOnAndAnswersEmptyOnSuccess() {
    next = new TransferOutcome.Transferred(io.switchboard.sip.incall.ReferTarget.parse("tel:+15105550111"),
        new io.switchboard.sip.incall.SipFrag(200, "OK"));
    api.transfer(context(true, true, "front"), request("tel:+15105550111"));
    TransferRequest sent = requests.getFirst();
    assertEquals("tel:+15105550111", sent.target().uri());
    assertEquals(Map.of("X-Job", "42"), sent.headers());
    assertTrue(sent.playDialtone());
  }

  @Test
  void failuresCarryTheSipStatusInMeta() {
    next = new TransferOutcome.Failed(TransferOutcome.Reason.REJECTED, 603, "Decline");
    TwirpException e = refused(context(true, true, "front"), request("sip:desk@pbx.example"));
    assertEquals(TwirpErrorCode.PERMISSION_DENIED, e.code());
    assertEquals(Map.of("sip_status_code", "603", "sip_status", "Decline", "transfer_reason", "REJECTED"), e.meta());

    next = new TransferOutcome.Failed(TransferOutcome.Reason.RINGING_TIMEOUT, 408, "no final NOTIFY within 80 s");
    assertEquals(TwirpErrorCode.DEADLINE_EXCEEDED, refused(context(true, true, "front"), request("sip:d@p")).code());

    next = new TransferOutcome.NotPossible("call c1 is not answered or already over");
    assertEquals(TwirpErrorCode.FAILED_PRECONDITION, refused(context(true, true, "front"), request("sip:d@p")).code());
  }

  @Test
  void badArgumentsAndUnknownParticipants() {
    TwirpException bad = refused(context(true, true, "front"), request("+15105550111"));
    assertEquals(TwirpErrorCode.INVALID_ARGUMENT, bad.code());
    assertEquals("transfer_to", bad.meta().get("argument"));
    var nobody = TransferSIPParticipantRequest.newBuilder().setRoomName("front").setParticipantIdentity("sip_nobody")
        .setTransferTo("tel:+1").build();
    assertEquals(TwirpErrorCode.NOT_FOUND, refused(context(true, true, "front"), nobody).code());
    var noIdentity = TransferSIPParticipantRequest.newBuilder().setRoomName("front").setTransferTo("tel:+1").build();
    assertEquals("participant_identity", refused(context(true, true, "front"), noIdentity).meta().get("argument"));
  }
}
