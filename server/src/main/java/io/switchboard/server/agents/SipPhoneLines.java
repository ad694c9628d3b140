package io.switchboard.server.agents;

import io.switchboard.agent.phone.PhoneLines;
import io.switchboard.agent.phone.TransferOptions;
import io.switchboard.agent.phone.TransferResult;
import io.switchboard.sip.incall.ReferTarget;
import io.switchboard.sip.incall.TransferOutcome;
import io.switchboard.sip.incall.TransferRequest;
import io.switchboard.sip.transfer.ParticipantTransfers;

/** The server's SIP legs as the agents' phone lines: the same transfers TransferSIPParticipant makes. */
public final class SipPhoneLines implements PhoneLines {
  private final ParticipantTransfers transfers;

  public SipPhoneLines(ParticipantTransfers transfers) {
    this.transfers = transfers;
  }

  @Override
  public TransferResult transfer(String roomName, String participantIdentity, String transferTo, TransferOptions options)
      throws InterruptedException {
    var request = new TransferRequest(ReferTarget.parse(transferTo), options.headers(), options.timeout(),
        options.playDialtone());
    return switch (transfers.transfer(roomName, participantIdentity, request)) {
      case TransferOutcome.Transferred t -> new TransferResult.Transferred(t.target().uri());
      case TransferOutcome.Failed f -> new TransferResult.Failed(f.reason().name(), f.sipStatus(),
          f.sipStatus() > 0 ? f.sipStatus() + " " + f.sipReason() : f.sipReason());
      case TransferOutcome.NotPossible n -> new TransferResult.Failed("NOT_POSSIBLE", 0, n.why());
    };
  }

  @Override
  public void hangUp(String roomName, String participantIdentity) {
    transfers.hangup(roomName, participantIdentity);
  }
}
