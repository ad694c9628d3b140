package io.switchboard.sip.room;

import io.switchboard.media.dtmf.DtmfDigit;
import io.switchboard.sip.inbound.CallControl;
import io.switchboard.sip.incall.TransferOutcome;
import io.switchboard.sip.incall.TransferRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A call's SIP side for unit tests of the room glue: records what the room asked of it. */
final class RecordingControl implements CallControl {
  final List<String> actions = new CopyOnWriteArrayList<>();
  final CompletableFuture<TransferOutcome> transferResult = new CompletableFuture<>();
  private final String callId;

  RecordingControl(String callId) {
    this.callId = callId;
  }

  @Override
  public String callId() {
    return callId;
  }

  @Override
  public void hangup() {
    actions.add("hangup");
  }

  @Override
  public CompletionStage<TransferOutcome> transfer(TransferRequest request) {
    actions.add("transfer " + request.target().uri());
    return transferResult;
  }

  @Override
  public void sendDtmfInfo(DtmfDigit digit) {
    actions.add("info " + digit.symbol());
  }
}
