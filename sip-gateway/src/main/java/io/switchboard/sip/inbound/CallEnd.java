package io.switchboard.sip.inbound;

import java.util.Objects;

/**
 * Why and how a call ended.
 *
 * @param sipStatus the final response we sent when the call never got answered, 0 otherwise
 */
public record CallEnd(Reason reason, int sipStatus, String detail) {
  public CallEnd {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  public enum Reason {
    /** The caller sent BYE. */
    REMOTE_HANGUP,
    /** We hung up through {@link CallControl#hangup()}. */
    LOCAL_HANGUP,
    /** We refused the INVITE: bad request, failed authorization, no route, or a handler rejection. */
    REJECTED,
    /** The caller cancelled before we answered. */
    CANCELLED,
    /** Nobody was ready to answer within the ringing timeout, or readiness failed. */
    NOT_ANSWERED,
    /** The maximum call duration passed. */
    MAX_DURATION,
    /** No session refresh arrived in time (RFC 4028), or ours failed. */
    SESSION_EXPIRED,
    /** Our 200 OK was never acknowledged. */
    ACK_TIMEOUT,
    /** Offer/answer failed: no common codec, or an unusable answer. */
    MEDIA_NEGOTIATION,
    /** The media layer could not open or update the RTP session. */
    MEDIA_FAILURE,
    /** The stack could not send, or the dialog vanished. */
    SIGNALLING_FAILURE,
    /** The server stopped. */
    SERVER_STOPPED
  }
}
