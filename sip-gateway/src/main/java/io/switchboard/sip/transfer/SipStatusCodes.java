package io.switchboard.sip.transfer;

import io.switchboard.protocol.twirp.TwirpErrorCode;

/** The Twirp code a failed SIP request is reported with, after LiveKit's SIP-to-gRPC mapping. */
final class SipStatusCodes {
  private SipStatusCodes() {}

  static TwirpErrorCode twirpCode(int sipStatus) {
    return switch (sipStatus) {
      case 400 -> TwirpErrorCode.INVALID_ARGUMENT;
      case 401, 407 -> TwirpErrorCode.UNAUTHENTICATED;
      case 403, 603 -> TwirpErrorCode.PERMISSION_DENIED;
      case 404, 604 -> TwirpErrorCode.NOT_FOUND;
      case 405, 501 -> TwirpErrorCode.UNIMPLEMENTED;
      case 408, 504 -> TwirpErrorCode.DEADLINE_EXCEEDED;
      case 480, 486, 600 -> TwirpErrorCode.RESOURCE_EXHAUSTED;
      case 487 -> TwirpErrorCode.CANCELED;
      case 502, 503 -> TwirpErrorCode.UNAVAILABLE;
      default -> sipStatus >= 500 ? TwirpErrorCode.INTERNAL : TwirpErrorCode.FAILED_PRECONDITION;
    };
  }
}
