package io.switchboard.sip.incall;

import io.switchboard.media.dtmf.DtmfDigit;
import java.util.concurrent.CompletionStage;

/**
 * What the room side may ask of a SIP leg, inbound or outbound. Thread-safe: each action is
 * queued on the call's own executor.
 */
public interface SipCallControl {
  /** The SIP Call-ID. */
  String callId();

  /** Ends the call: BYE once answered, a final error response before. */
  void hangup();

  /**
   * Sends REFER and follows its NOTIFYs; completes with the outcome. On success the leg hangs up
   * (BYE); on failure the call goes on.
   */
  CompletionStage<TransferOutcome> transfer(TransferRequest request);

  /** Keys a digit over SIP INFO, for peers that negotiated no telephone-event. */
  void sendDtmfInfo(DtmfDigit digit);
}
