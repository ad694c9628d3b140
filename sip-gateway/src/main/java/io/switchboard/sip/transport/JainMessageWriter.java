package io.switchboard.sip.transport;

import gov.nist.javax.sip.header.HeaderFactoryImpl;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sip.InvalidArgumentException;
import javax.sip.address.AddressFactory;
import javax.sip.header.ContactHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Turns our outgoing records into JAIN-SIP messages. */
final class JainMessageWriter {
  /** Requests whose 1xx/2xx responses carry our Contact (they create or refresh the dialog target). */
  private static final Set<String> TARGET_REFRESH = Set.of(Request.INVITE, Request.UPDATE);

  private final MessageFactory messages;
  private final HeaderFactoryImpl headers;
  private final AddressFactory addresses;
  private final String advertisedAddress;
  private final String serverName;
  private final int tlsPort;

  /** {@code tlsPort}: where Via and Contact point for messages sent over TLS (0 without TLS). */
  JainMessageWriter(MessageFactory messages, HeaderFactoryImpl headers, AddressFactory addresses,
      String advertisedAddress, String serverName, int tlsPort) {
    this.tlsPort = tlsPort;
    this.messages = messages;
    this.headers = headers;
    this.addresses = addresses;
    this.advertisedAddress = advertisedAddress;
    this.serverName = serverName;
  }

  Response response(Request request, OutgoingResponse out, String localTag, int contactPort) {
    try {
      Response response = messages.createResponse(out.status(), request);
      if (out.reason() != null) {
        response.setReasonPhrase(out.reason());
      }
      ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
      if (out.status() > 100 && to.getTag() == null) {
        to.setTag(localTag);
      }
      if (TARGET_REFRESH.contains(request.getMethod()) && out.status() > 100 && out.status() < 300) {
        response.setHeader(contact(transportOf(request), contactPort));
      }
      response.setHeader(headers.createHeader("Server", serverName));
      addHeadersAndBody(response, out.headers(), out.body(), out.contentType());
      return response;
    } catch (ParseException e) {
      throw new IllegalArgumentException("cannot build " + out.status() + " response: " + e.getMessage(), e);
    }
  }

  /** A 400 for a request the stack keeps no transaction for; the reason goes in a Warning. */
  Response statelessResponse(Request request, int status, String reason) {
    try {
      Response response = messages.createResponse(status, request);
      response.setHeader(headers.createHeader("Server", serverName));
      if (reason != null) {
        String text = reason.replace("\"", "'").replace("\\", "/");
        response.addHeader(headers.createHeader("Warning", "399 switchboard \"" + text + "\""));
      }
      return response;
    } catch (ParseException e) {
      throw new IllegalArgumentException("cannot build stateless " + status + ": " + e.getMessage(), e);
    }
  }

  /** A dialog-creating INVITE of ours (RFC 3261 §8.1.1), complete but for the stack's own checks. */
  Request invite(OutgoingInvite out, int port) {
    try {
      var requestUri = addresses.createURI(out.requestUri());
      var fromAddress = addresses.createAddress(out.fromUri());
      if (!out.fromDisplayName().isEmpty()) {
        fromAddress.setDisplayName(out.fromDisplayName());
      }
      int viaPort = out.transport() == TransportProtocol.TLS ? tlsPort : port;
      var via = headers.createViaHeader(advertisedAddress, viaPort, out.transport().token(), out.branch());
      via.setRPort(); // RFC 3581: responses come back to the port we sent from
      Request request = messages.createRequest(requestUri, Request.INVITE,
          headers.createCallIdHeader(out.callId()),
          headers.createCSeqHeader(out.cseq(), Request.INVITE),
          headers.createFromHeader(fromAddress, out.fromTag()),
          headers.createToHeader(addresses.createAddress(out.toUri()), null),
          List.of(via),
          headers.createMaxForwardsHeader(70));
      completeRequest(request, new OutgoingRequest(Request.INVITE, out.headers(), out.sdp(), "application/sdp"), port);
      return request;
    } catch (ParseException | InvalidArgumentException e) {
      throw new IllegalArgumentException("cannot build INVITE to " + out.requestUri() + ": " + e.getMessage(), e);
    }
  }

  void completeRequest(Request request, OutgoingRequest out, int contactPort) {
    try {
      if (TARGET_REFRESH.contains(out.method())) {
        request.setHeader(contact(transportOf(request), contactPort));
      }
      request.setHeader(headers.createHeader("User-Agent", serverName));
      addHeadersAndBody(request, out.headers(), out.body(), out.contentType());
    } catch (ParseException e) {
      throw new IllegalArgumentException("cannot build " + out.method() + " request: " + e.getMessage(), e);
    }
  }

  private void addHeadersAndBody(Message message, List<SipHeader> extra, String body, String contentType)
      throws ParseException {
    for (SipHeader header : extra) {
      for (Header parsed : parse(header)) {
        message.addHeader(parsed);
      }
    }
    if (!body.isEmpty()) {
      String[] type = contentType.split("/", 2);
      message.setContent(body, headers.createContentTypeHeader(type[0], type.length > 1 ? type[1] : ""));
    } else {
      try {
        message.setContentLength(headers.createContentLengthHeader(0));
      } catch (InvalidArgumentException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** The stack wants comma lists (Allow, Supported) as list headers and everything else as one. */
  private List<Header> parse(SipHeader header) throws ParseException {
    try {
      return List.of(headers.createHeader(header.name(), header.value()));
    } catch (ParseException singletonOnly) {
      List<Header> parsed = new java.util.ArrayList<>();
      for (Object item : headers.createHeaders(header.name() + ": " + header.value())) {
        parsed.add((Header) item);
      }
      return parsed;
    }
  }

  private ContactHeader contact(TransportProtocol transport, int port) throws ParseException {
    String host = advertisedAddress.indexOf(':') >= 0 ? "[" + advertisedAddress + "]" : advertisedAddress;
    // Over TLS: sip: with ;transport=tls, as carriers (Twilio, Telnyx) expect, not sips: (RFC 5630 §3.1.3).
    String uri = switch (transport) {
      case UDP -> "sip:" + host + ":" + port;
      case TCP -> "sip:" + host + ":" + port + ";transport=tcp";
      case TLS -> "sip:" + host + ":" + tlsPort + ";transport=tls";
    };
    return headers.createContactHeader(addresses.createAddress(uri));
  }

  private static TransportProtocol transportOf(Request request) {
    ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
    return TransportProtocol.fromToken(via == null ? null : via.getTransport().toLowerCase(Locale.ROOT));
  }
}
