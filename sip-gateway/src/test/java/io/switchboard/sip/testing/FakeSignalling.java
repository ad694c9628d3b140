package io.switchboard.sip.testing;

import io.switchboard.sip.transport.ClientTransactionHandle;
import io.switchboard.sip.transport.DialogHandle;
import io.switchboard.sip.transport.OutgoingRequest;
import io.switchboard.sip.transport.OutgoingResponse;
import io.switchboard.sip.transport.ServerTransactionHandle;
import io.switchboard.sip.transport.SipSignalling;
import java.util.ArrayList;
import java.util.List;

/** Records what a call sends, for unit tests of the call state machine without a stack. */
public final class FakeSignalling implements SipSignalling {
  public record ServerTx(String method, int id) implements ServerTransactionHandle {}

  public record ClientTx(String method, int id) implements ClientTransactionHandle {}

  public record Dialog(String id) implements DialogHandle {}

  public record Sent(ServerTransactionHandle transaction, OutgoingResponse response) {}

  public record SentRequest(ClientTx transaction, OutgoingRequest request) {}

  public final List<Sent> responses = new ArrayList<>();
  public final List<SentRequest> requests = new ArrayList<>();
  public final List<Long> acks = new ArrayList<>();
  private int next;

  public ServerTx serverTx(String method) {
    return new ServerTx(method, ++next);
  }

  @Override
  public synchronized void respond(ServerTransactionHandle transaction, OutgoingResponse response) {
    responses.add(new Sent(transaction, response));
  }

  @Override
  public synchronized ClientTransactionHandle sendInDialog(DialogHandle dialog, OutgoingRequest request) {
    var transaction = new ClientTx(request.method(), ++next);
    requests.add(new SentRequest(transaction, request));
    return transaction;
  }

  @Override
  public String advertisedAddress() {
    return "203.0.113.5";
  }

  @Override
  public synchronized void acknowledge(DialogHandle dialog, long inviteCseq) {
    acks.add(inviteCseq);
  }

  /** Status codes sent on one transaction, in order. */
  public synchronized List<Integer> statuses(ServerTransactionHandle transaction) {
    return responses.stream().filter(s -> s.transaction().equals(transaction)).map(s -> s.response().status()).toList();
  }

  public synchronized OutgoingResponse last(ServerTransactionHandle transaction) {
    return responses.stream().filter(s -> s.transaction().equals(transaction)).map(Sent::response)
        .reduce((a, b) -> b).orElseThrow();
  }

  public synchronized List<String> requestMethods() {
    return requests.stream().map(r -> r.request().method()).toList();
  }

  public synchronized SentRequest lastRequest() {
    return requests.getLast();
  }
}
