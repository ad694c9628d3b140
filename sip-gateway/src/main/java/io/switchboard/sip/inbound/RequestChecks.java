package io.switchboard.sip.inbound;

import io.switchboard.sip.header.HeaderParseException;
import io.switchboard.sip.header.SipUri;
import io.switchboard.sip.sdp.SdpParseException;
import io.switchboard.sip.sdp.SdpParser;
import io.switchboard.sip.sdp.SessionDescription;
import io.switchboard.sip.transport.IncomingRequest;
import io.switchboard.sip.transport.OutgoingResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Request checks that come before any routing, each mapped to the response RFC 3261 and
 * RFC 4475 expect from an endpoint: 416, 420, 415, 400.
 */
final class RequestChecks {
  /** Option tags we can honour in Require. */
  private static final Set<String> SUPPORTED_EXTENSIONS = Set.of("timer");

  private RequestChecks() {}

  /** Problems with an INVITE's Request-URI, Require or body type; empty when it may proceed. */
  static Optional<OutgoingResponse> check(IncomingRequest request) {
    if (request.method().equals("INVITE") && !request.isInDialog()) {
      try {
        SipUri uri = SipUri.parse(request.requestUri());
        if (!uri.isSip() && !uri.isTel()) {
          return Optional.of(OutgoingResponse.of(416));
        }
      } catch (HeaderParseException e) {
        return Optional.of(badRequest("Malformed Request-URI", e.getMessage()));
      }
    }
    List<String> unsupported = request.headers().tokens("Require").stream()
        .filter(tag -> !SUPPORTED_EXTENSIONS.contains(tag.toLowerCase(java.util.Locale.ROOT)))
        .toList();
    if (!unsupported.isEmpty()) {
      return Optional.of(OutgoingResponse.of(420).withHeader("Unsupported", String.join(", ", unsupported)));
    }
    if (request.hasBody() && !request.contentType().equals("application/sdp")) {
      return Optional.of(Responses.withCapabilities(OutgoingResponse.of(415)));
    }
    String encoding = request.headers().first("Content-Encoding").orElse("identity").strip();
    if (request.hasBody() && !encoding.equalsIgnoreCase("identity")) {
      return Optional.of(Responses.withCapabilities(OutgoingResponse.of(415)).withHeader("Accept-Encoding", "identity"));
    }
    return Optional.empty();
  }

  /** The SDP offer in a request, or null without a body. @throws SdpParseException when malformed */
  static SessionDescription offer(IncomingRequest request, SdpParser parser) throws SdpParseException {
    return request.hasBody() ? parser.parse(request.body()) : null;
  }

  /** 400 with the detail in a Warning (code 399, RFC 3261 §20.43) so the peer's logs say what was wrong. */
  static OutgoingResponse badRequest(String reason, String detail) {
    return OutgoingResponse.of(400, reason)
        .withHeader("Warning", "399 switchboard \"" + detail.replace("\"", "'").replace("\\", "/") + "\"");
  }
}
