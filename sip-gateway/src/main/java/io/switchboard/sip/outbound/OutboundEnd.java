package io.switchboard.sip.outbound;

import io.switchboard.sip.carrier.CarrierFailure;
import java.util.Objects;

/**
 * How an outbound call ended.
 *
 * @param sipStatus the final status that decided it: the far end's for {@link Reason#REJECTED},
 *     408 for no answer or no response (RFC 3261 §8.1.3.1), 503 for a transport failure, 0 when
 *     no status applies (a hang-up after the answer)
 * @param carrier what the far end said besides its status (Reason, X-Twilio-Error, rate limits);
 *     {@link CarrierFailure#NONE} unless it refused the INVITE
 */
public record OutboundEnd(Reason reason, int sipStatus, String sipReason, CarrierFailure carrier) {
  public enum Reason {
    /** A final non-2xx from the far end (busy, declined, not found, a challenge we could not answer). */
    REJECTED,
    /** Nobody answered within the ringing timeout; we sent CANCEL. */
    NO_ANSWER,
    /** No response at all (Timer B) or the INVITE could not be sent. */
    UNREACHABLE,
    /** Hung up from our side before the answer; we sent CANCEL. */
    CANCELLED,
    /** The far end sent BYE. */
    REMOTE_HANGUP,
    /** We sent BYE (the room removed the participant). */
    LOCAL_HANGUP,
    /** The callee carried out our REFER (a final 2xx NOTIFY); we sent BYE (RFC 5589 §6). */
    TRANSFERRED,
    /** The maximum call duration passed; we sent BYE. */
    MAX_DURATION,
    /** The answer's SDP had nothing we offered; we sent BYE. */
    MEDIA_NEGOTIATION,
    /** The server is shutting down. */
    SERVER_STOPPED
  }

  public OutboundEnd {
    Objects.requireNonNull(reason, "reason");
    sipReason = sipReason == null ? "" : sipReason;
    carrier = carrier == null ? CarrierFailure.NONE : carrier;
  }

  public OutboundEnd(Reason reason, int sipStatus, String sipReason) {
    this(reason, sipStatus, sipReason, CarrierFailure.NONE);
  }

  static OutboundEnd of(Reason reason) {
    return new OutboundEnd(reason, 0, "");
  }

  /** True when the call ended before it was ever answered. */
  public boolean unanswered() {
    return switch (reason) {
      case REJECTED, NO_ANSWER, UNREACHABLE, CANCELLED -> true;
      case REMOTE_HANGUP, LOCAL_HANGUP, TRANSFERRED, MAX_DURATION, MEDIA_NEGOTIATION, SERVER_STOPPED -> false;
    };
  }
}
