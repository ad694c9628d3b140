package io.switchboard.sip.outbound;

import io.switchboard.media.dtmf.DtmfDigit;
import io.switchboard.sip.incall.DialogRequests;
import io.switchboard.sip.incall.TransferOutcome;
import io.switchboard.sip.transport.DialogHandle;

/** An outbound call as its {@link DialogRequests} sees it. Runs on the call's executor. */
final class OutboundDialogOwner implements DialogRequests.Owner {
  private final OutboundCall call;

  OutboundDialogOwner(OutboundCall call) {
    this.call = call;
  }

  @Override
  public String callId() {
    return call.callId();
  }

  @Override
  public boolean isEstablished() {
    return call.activeDialog() != null;
  }

  @Override
  public DialogHandle dialog() {
    return call.activeDialog();
  }

  /** The trunk's host: a {@code tel:} target is a number the carrier we dialed through can reach. */
  @Override
  public String peerHost() {
    return call.plan().target().host();
  }

  @Override
  public void onDigit(DtmfDigit digit) {
    call.listener().onDtmf(digit);
  }

  /** RFC 5589 §6: the callee reached the target; our leg ends with BYE. */
  @Override
  public void onTransferred(TransferOutcome.Transferred outcome) {
    call.onEvent(new OutboundEvent.Hangup(OutboundEnd.Reason.TRANSFERRED));
  }
}
