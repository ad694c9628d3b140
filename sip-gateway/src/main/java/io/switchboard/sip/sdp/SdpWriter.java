package io.switchboard.sip.sdp;

/** Writes a {@link SessionDescription} as SDP text with CRLF line ends, fields in RFC 8866 order. */
public final class SdpWriter {
  private SdpWriter() {}

  public static String write(SessionDescription session) {
    var out = new StringBuilder(512);
    line(out, 'v', "0");
    line(out, 'o', session.origin().format());
    line(out, 's', session.sessionName().isEmpty() ? "-" : session.sessionName());
    if (session.connection() != null) {
      line(out, 'c', session.connection().format());
    }
    session.bandwidths().forEach(b -> line(out, 'b', b));
    if (session.timing().isEmpty()) {
      line(out, 't', "0 0");
    } else {
      session.timing().forEach(t -> line(out, 't', t));
    }
    session.attributes().forEach(a -> line(out, 'a', a.format()));
    for (MediaDescription media : session.media()) {
      String port = media.portCount() == 1 ? Integer.toString(media.port()) : media.port() + "/" + media.portCount();
      line(out, 'm', media.media() + " " + port + " " + media.protocol() + " " + String.join(" ", media.formats()));
      if (media.connection() != null) {
        line(out, 'c', media.connection().format());
      }
      media.bandwidths().forEach(b -> line(out, 'b', b));
      media.attributes().forEach(a -> line(out, 'a', a.format()));
    }
    return out.toString();
  }

  private static void line(StringBuilder out, char type, String value) {
    out.append(type).append('=').append(value).append("\r\n");
  }
}
