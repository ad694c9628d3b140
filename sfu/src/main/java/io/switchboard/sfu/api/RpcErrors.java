package io.switchboard.sfu.api;

import io.switchboard.protocol.twirp.TwirpErrorCode;
import io.switchboard.protocol.twirp.TwirpException;

/**
 * LiveKit's data-channel RPC error codes (protocol {@code utils/data_channel_rpc.go}) and how its
 * server reports them from PerformRpc: {@code RpcError <code>: <message>[: <data>]} under the
 * Twirp code its psrpc mapping gives (timeouts are {@code canceled}, an unsupported method
 * {@code invalid_argument}, a handler's own error {@code internal}).
 */
final class RpcErrors {
  static final int APPLICATION_ERROR = 1500;
  static final int CONNECTION_TIMEOUT = 1501;
  static final int RESPONSE_TIMEOUT = 1502;
  static final int RECIPIENT_DISCONNECTED = 1503;
  static final int RESPONSE_PAYLOAD_TOO_LARGE = 1504;
  static final int SEND_FAILED = 1505;
  static final int UNSUPPORTED_METHOD = 1400;
  static final int RECIPIENT_NOT_FOUND = 1401;
  static final int REQUEST_PAYLOAD_TOO_LARGE = 1402;
  static final int UNSUPPORTED_SERVER = 1403;
  static final int UNSUPPORTED_VERSION = 1404;

  private RpcErrors() {}

  /** One of LiveKit's built-in errors, with its standard message. */
  static TwirpException builtIn(int code) {
    return of(code, standardMessage(code), "");
  }

  /** An error as the participant (or LiveKit's rules) reported it. */
  static TwirpException of(int code, String message, String data) {
    String text = "RpcError " + code + ": " + message + (data.isEmpty() ? "" : ": " + data);
    return TwirpException.of(twirpCode(code), text);
  }

  static TwirpErrorCode twirpCode(int code) {
    return switch (code) {
      case CONNECTION_TIMEOUT, RESPONSE_TIMEOUT -> TwirpErrorCode.CANCELED;
      case RECIPIENT_DISCONNECTED -> TwirpErrorCode.UNAVAILABLE;
      case RESPONSE_PAYLOAD_TOO_LARGE, REQUEST_PAYLOAD_TOO_LARGE -> TwirpErrorCode.MALFORMED;
      case UNSUPPORTED_METHOD -> TwirpErrorCode.INVALID_ARGUMENT;
      case RECIPIENT_NOT_FOUND -> TwirpErrorCode.NOT_FOUND;
      case UNSUPPORTED_SERVER, UNSUPPORTED_VERSION -> TwirpErrorCode.UNIMPLEMENTED;
      default -> TwirpErrorCode.INTERNAL; // APPLICATION_ERROR, SEND_FAILED and the handlers' own codes
    };
  }

  private static String standardMessage(int code) {
    return switch (code) {
      case APPLICATION_ERROR -> "Application error in method handler";
      case CONNECTION_TIMEOUT -> "Connection timeout";
      case RESPONSE_TIMEOUT -> "Response timeout";
      case RECIPIENT_DISCONNECTED -> "Recipient disconnected";
      case RESPONSE_PAYLOAD_TOO_LARGE -> "Response payload too large";
      case SEND_FAILED -> "Failed to send";
      case UNSUPPORTED_METHOD -> "Method not supported at destination";
      case RECIPIENT_NOT_FOUND -> "Recipient not found";
      case REQUEST_PAYLOAD_TOO_LARGE -> "Request payload too large";
      case UNSUPPORTED_SERVER -> "RPC not supported by server";
      case UNSUPPORTED_VERSION -> "Unsupported RPC version";
      default -> "RPC error";
    };
  }
}
