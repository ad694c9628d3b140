package io.switchboard.sip.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An in-dialog request for the stack to send (BYE, re-INVITE, UPDATE). */
public record OutgoingRequest(String method, List<SipHeader> headers, String body, String contentType) {
  public OutgoingRequest {
    Objects.requireNonNull(method, "method");
    headers = List.copyOf(headers);
    Objects.requireNonNull(body, "body");
    if (!body.isEmpty()) {
      Objects.requireNonNull(contentType, "contentType for a body");
    }
  }

  public static OutgoingRequest of(String method) {
    return new OutgoingRequest(method, List.of(), "", null);
  }

  public OutgoingRequest withHeader(String name, String value) {
    List<SipHeader> more = new ArrayList<>(headers);
    more.add(new SipHeader(name, value));
    return new OutgoingRequest(method, more, body, contentType);
  }

  public OutgoingRequest withSdp(String sdp) {
    return new OutgoingRequest(method, headers, sdp, "application/sdp");
  }

  public String header(String name) {
    return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(SipHeader::value).findFirst()
        .orElse(null);
  }
}
