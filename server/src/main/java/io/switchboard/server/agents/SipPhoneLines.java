package io.switchboard.server.agents;

import io.switchboard.agent.phone.DialOptions;
import io.switchboard.agent.phone.DialResult;
import io.switchboard.agent.phone.PhoneLines;
import io.switchboard.agent.phone.TransferOptions;
import io.switchboard.agent.phone.TransferResult;
import io.switchboard.sip.api.Dialer;
import io.switchboard.sip.incall.ReferTarget;
import io.switchboard.sip.incall.TransferOutcome;
import io.switchboard.sip.incall.TransferRequest;
import io.switchboard.sip.outbound.DialOutcome;
import io.switchboard.sip.outbound.OutboundSetupException;
import io.switchboard.sip.outbound.PlacedCall;
import io.switchboard.sip.transfer.ParticipantTransfers;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import livekit.LivekitSip.CreateSIPParticipantRequest;

/**
 * The server's SIP legs as the agents' phone lines: the same transfers TransferSIPParticipant
 * makes, and the same calls CreateSIPParticipant places (with wait_until_answered).
 */
public final class SipPhoneLines implements PhoneLines {
  /** LiveKit's default ringing timeout, as CreateSIPParticipant's. */
  private static final Duration DEFAULT_RINGING = Duration.ofMinutes(3);
  /** Beyond the ringing timeout: a CANCEL's 487 may take up to 64*T1 (RFC 3261 §9.1). */
  private static final Duration WAIT_MARGIN = Duration.ofSeconds(40);

  private final ParticipantTransfers transfers;
  private final Dialer dialer;

  public SipPhoneLines(ParticipantTransfers transfers, Dialer dialer) {
    this.transfers = transfers;
    this.dialer = dialer;
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

  @Override
  public DialResult dial(String roomName, String number, DialOptions options) throws InterruptedException {
    var request = CreateSIPParticipantRequest.newBuilder()
        .setSipTrunkId(options.trunkId())
        .setSipCallTo(number)
        .setRoomName(roomName)
        .setParticipantIdentity(options.participantIdentity())
        .setPlayDialtone(options.playDialtone())
        .setWaitUntilAnswered(true);
    Duration ringing = options.ringingTimeout().isZero() ? DEFAULT_RINGING : options.ringingTimeout();
    if (!options.ringingTimeout().isZero()) {
      request.setRingingTimeout(com.google.protobuf.Duration.newBuilder().setSeconds(ringing.toSeconds())
          .setNanos(ringing.toNanosPart()));
    }
    PlacedCall placed;
    try {
      placed = dialer.place(request.build());
    } catch (OutboundSetupException e) {
      return new DialResult.Failed(0, e.getMessage());
    }
    try {
      return switch (placed.outcome().get(ringing.plus(WAIT_MARGIN).toMillis(), TimeUnit.MILLISECONDS)) {
        case DialOutcome.Answered answered -> new DialResult.Answered(placed.participantIdentity());
        case DialOutcome.Failed failed -> new DialResult.Failed(failed.end().sipStatus(),
            failed.end().sipStatus() > 0 ? failed.end().sipStatus() + " " + failed.end().sipReason()
                : failed.end().reason().name());
      };
    } catch (InterruptedException e) {
      // The tool was cancelled (the caller hung up, the agent left): do not leave the phone ringing.
      transfers.find(roomName, placed.participantIdentity()).ifPresent(call -> call.hangup());
      throw e;
    } catch (TimeoutException e) {
      return new DialResult.Failed(0, "no outcome within " + ringing.plus(WAIT_MARGIN).toSeconds() + " s");
    } catch (ExecutionException e) {
      throw new IllegalStateException("dialing " + number + " failed: " + e.getCause(), e.getCause());
    }
  }
}
