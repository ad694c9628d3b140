package io.switchboard.sip.transfer;

import io.switchboard.sip.incall.SipParticipantCall;
import io.switchboard.sip.incall.SipParticipantCalls;
import io.switchboard.sip.incall.TransferOutcome;
import io.switchboard.sip.incall.TransferRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Transfers and hangs up room participants that are SIP calls, on any kind of leg. Blocking
 * calls: run them on virtual threads (Twirp handlers and agent tools already are).
 */
public final class ParticipantTransfers {
  /** Beyond the transfer's own timeout: the call's timer answers first, this only guards a lost one. */
  private static final Duration GRACE = Duration.ofSeconds(5);

  private final SipParticipantCalls calls;

  public ParticipantTransfers(SipParticipantCalls calls) {
    this.calls = calls;
  }

  public Optional<SipParticipantCall> find(String roomName, String participantIdentity) {
    return calls.find(roomName, participantIdentity);
  }

  /**
   * Transfers the participant and waits for the outcome.
   *
   * @throws java.util.NoSuchElementException when no SIP call is that participant
   */
  public TransferOutcome transfer(String roomName, String participantIdentity, TransferRequest request)
      throws InterruptedException {
    SipParticipantCall call = find(roomName, participantIdentity).orElseThrow(() -> notFound(roomName, participantIdentity));
    CompletableFuture<TransferOutcome> result = call.transfer(request).toCompletableFuture();
    try {
      return result.get(request.timeout().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return new TransferOutcome.Failed(TransferOutcome.Reason.RINGING_TIMEOUT, 408, "no outcome in time");
    } catch (ExecutionException e) {
      throw new IllegalStateException("transfer of " + participantIdentity + " failed: " + e.getCause(), e.getCause());
    }
  }

  /** @throws java.util.NoSuchElementException when no SIP call is that participant */
  public void hangup(String roomName, String participantIdentity) {
    find(roomName, participantIdentity).orElseThrow(() -> notFound(roomName, participantIdentity)).hangup();
  }

  private static java.util.NoSuchElementException notFound(String room, String identity) {
    return new java.util.NoSuchElementException(
        "participant " + identity + " in room " + room + " is not a SIP call on this server");
  }
}
