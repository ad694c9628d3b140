package io.switchboard.sip.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A response for the stack to send. The stack adds To tag, Contact (for dialog-creating and
 * target-refreshing responses), Server and Content-Type/Length.
 *
 * @param reason null for the standard phrase
 * @param body empty for none
 */
public record OutgoingResponse(int status, String reason, List<SipHeader> headers, String body, String contentType) {
  public OutgoingResponse {
    if (status < 100 || status > 699) {
      throw new IllegalArgumentException("SIP status out of range: " + status);
    }
    headers = List.copyOf(headers);
    Objects.requireNonNull(body, "body");
    if (!body.isEmpty()) {
      Objects.requireNonNull(contentType, "contentType for a body");
    }
  }

  public static OutgoingResponse of(int status) {
    return new OutgoingResponse(status, null, List.of(), "", null);
  }

  public static OutgoingResponse of(int status, String reason) {
    return new OutgoingResponse(status, reason, List.of(), "", null);
  }

  public OutgoingResponse withHeader(String name, String value) {
    List<SipHeader> more = new ArrayList<>(headers);
    more.add(new SipHeader(name, value));
    return new OutgoingResponse(status, reason, more, body, contentType);
  }

  public OutgoingResponse withSdp(String sdp) {
    return new OutgoingResponse(status, reason, headers, sdp, "application/sdp");
  }

  public String header(String name) {
    return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(SipHeader::value).findFirst()
        .orElse(null);
  }
}
