package io.switchboard.sip.inbound;

import io.switchboard.media.dtmf.DtmfDigit;
import io.switchboard.sip.header.HeaderParseException;
import io.switchboard.sip.header.NameAddrParser;
import io.switchboard.sip.header.SipUri;
import io.switchboard.sip.incall.DialogRequests;
import io.switchboard.sip.incall.TransferOutcome;
import io.switchboard.sip.transport.DialogHandle;

/** An inbound call as its {@link DialogRequests} sees it. Runs on the call's executor. */
final class InboundDialogOwner implements DialogRequests.Owner {
  private final InboundCall call;

  InboundDialogOwner(InboundCall call) {
    this.call = call;
  }

  @Override
  public String callId() {
    return call.callId();
  }

  @Override
  public boolean isEstablished() {
    return call.state instanceof CallState.Active && call.dialog != null;
  }

  @Override
  public DialogHandle dialog() {
    return call.dialog;
  }

  /** The caller's Contact host, where our in-dialog requests go; the packet source without one. */
  @Override
  public String peerHost() {
    var contact = call.invite.headers().first("Contact");
    if (contact.isPresent()) {
      try {
        return SipUri.parse(NameAddrParser.parse(contact.get()).uri()).host();
      } catch (HeaderParseException | RuntimeException e) {
        // fall through to the source address
      }
    }
    return call.invite.source().address();
  }

  @Override
  public void onDigit(DtmfDigit digit) {
    if (call.listener != null) {
      call.listener.onDtmf(digit);
    }
  }

  @Override
  public void onTransferred(TransferOutcome.Transferred outcome) {
    if (call.state instanceof CallState.Active) {
      call.sendBye();
      call.finish(new CallEnd(CallEnd.Reason.LOCAL_HANGUP, 0, "transferred to " + outcome.target().uri()), true);
    }
  }
}
