package io.switchboard.sip.outbound;

import io.switchboard.sip.testing.FakeSignalling;
import io.switchboard.sip.transport.ClientTransactionHandle;
import io.switchboard.sip.transport.DialogHandle;
import io.switchboard.sip.transport.OutgoingInvite;
import io.switchboard.sip.transport.OutgoingRequest;
import io.switchboard.sip.transport.OutgoingResponse;
import io.switchboard.sip.transport.ServerTransactionHandle;
import io.switchboard.sip.transport.SipSignalling;
import java.util.ArrayList;
import java.util.List;

/** Records what an outbound call sends, for unit tests of its state machine without a stack. */
final class UacSignalling implements SipSignalling {
  final List<OutgoingInvite> invites = new ArrayList<>();
  final List<ClientTransactionHandle> inviteTransactions = new ArrayList<>();
  final List<ClientTransactionHandle> cancels = new ArrayList<>();
  final List<String> inDialog = new ArrayList<>();
  final List<OutgoingRequest> inDialogRequests = new ArrayList<>();
  final List<ClientTransactionHandle> inDialogTransactions = new ArrayList<>();
  final List<Long> acks = new ArrayList<>();
  final List<OutgoingResponse> responses = new ArrayList<>();
  private int next;

  @Override
  public ClientTransactionHandle sendInvite(OutgoingInvite invite) {
    invites.add(invite);
    var tx = new FakeSignalling.ClientTx("INVITE", ++next);
    inviteTransactions.add(tx);
    return tx;
  }

  @Override
  public void cancel(ClientTransactionHandle invite) {
    cancels.add(invite);
  }

  @Override
  public void respond(ServerTransactionHandle transaction, OutgoingResponse response) {
    responses.add(response);
  }

  @Override
  public ClientTransactionHandle sendInDialog(DialogHandle dialog, OutgoingRequest request) {
    inDialog.add(request.method());
    inDialogRequests.add(request);
    var tx = new FakeSignalling.ClientTx(request.method(), ++next);
    inDialogTransactions.add(tx);
    return tx;
  }

  @Override
  public String advertisedAddress() {
    return "203.0.113.5";
  }

  @Override
  public void acknowledge(DialogHandle dialog, long inviteCseq) {
    acks.add(inviteCseq);
  }

  ClientTransactionHandle lastInvite() {
    return inviteTransactions.getLast();
  }
}
