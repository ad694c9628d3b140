package io.switchboard.sip.sdp;

import java.util.List;
import java.util.Objects;

/**
 * A parsed SDP body (RFC 8866). Only the fields offer/answer needs are modelled; the parser
 * accepts and drops {@code i= u= e= p= z= k= r=} lines.
 *
 * @param connection the session-level {@code c=} line, or null
 * @param timing the {@code t=} values, usually just "0 0"
 */
public record SessionDescription(
    SdpOrigin origin,
    String sessionName,
    SdpConnection connection,
    List<String> bandwidths,
    List<String> timing,
    List<SdpAttribute> attributes,
    List<MediaDescription> media) {

  public SessionDescription {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(sessionName, "sessionName");
    bandwidths = List.copyOf(bandwidths);
    timing = List.copyOf(timing);
    attributes = List.copyOf(attributes);
    media = List.copyOf(media);
  }

  /** The connection that applies to a media section: its own, else the session's (may be null). */
  public SdpConnection connectionFor(MediaDescription description) {
    return description.connection() != null ? description.connection() : connection;
  }

  /**
   * The direction of a media section: its own attribute, else the session-level one, else
   * sendrecv (RFC 3264 §5.1).
   */
  public MediaDirection directionOf(MediaDescription description) {
    return MediaDirection.fromAttributes(description.attributes())
        .or(() -> MediaDirection.fromAttributes(attributes))
        .orElse(MediaDirection.SENDRECV);
  }
}
