package io.switchboard.sip.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses SDP (RFC 8866) into a {@link SessionDescription}. Liberal where real carriers are
 * sloppy (LF line ends, trailing spaces, an empty {@code s=}), strict about structure: the body
 * must start with {@code v=0}, have {@code o=} and {@code s=}, and every line must be
 * {@code <letter>=<value>}.
 */
public final class SdpParser {
  private final SdpLimits limits;

  public SdpParser(SdpLimits limits) {
    this.limits = limits;
  }

  public SdpParser() {
    this(SdpLimits.defaults());
  }

  public SessionDescription parse(String body) throws SdpParseException {
    if (body == null || body.isBlank()) {
      throw new SdpParseException("SDP body is empty");
    }
    if (body.length() > limits.maxBytes()) {
      throw new SdpParseException(
          "SDP body is " + body.length() + " characters, over the limit of " + limits.maxBytes());
    }
    String[] lines = body.split("\r?\n", -1);
    var session = new SessionBuilder();
    MediaBuilder current = null;
    int attributeCount = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = stripTrailingWhitespace(lines[i]);
      int lineNumber = i + 1;
      if (line.isEmpty()) {
        continue;
      }
      if (line.length() < 2 || line.charAt(1) != '=' || !Character.isLowerCase(line.charAt(0))) {
        throw new SdpParseException(
            "line " + lineNumber + ": expected <type>=<value> but got '" + abbreviate(line) + "'");
      }
      char type = line.charAt(0);
      String value = line.substring(2);
      if (session.version == null && type != 'v') {
        throw new SdpParseException("line " + lineNumber + ": SDP must start with v=0");
      }
      switch (type) {
        case 'v' -> {
          if (session.version != null) {
            throw new SdpParseException("line " + lineNumber + ": second v= line");
          }
          if (!value.equals("0")) {
            throw new SdpParseException("line " + lineNumber + ": unsupported SDP version '" + value + "'");
          }
          session.version = value;
        }
        case 'o' -> session.origin = parseOrigin(value, lineNumber);
        case 's' -> session.sessionName = value;
        case 't' -> session.timing.add(value);
        case 'c' -> {
          SdpConnection connection = parseConnection(value, lineNumber);
          if (current == null) {
            session.connection = connection;
          } else {
            current.connection = connection;
          }
        }
        case 'b' -> (current == null ? session.bandwidths : current.bandwidths).add(value);
        case 'a' -> {
          if (++attributeCount > limits.maxAttributes()) {
            throw new SdpParseException("more than " + limits.maxAttributes() + " a= lines");
          }
          SdpAttribute attribute = parseAttribute(value, lineNumber);
          (current == null ? session.attributes : current.attributes).add(attribute);
        }
        case 'm' -> {
          if (current != null) {
            session.media.add(current.build());
          }
          if (session.media.size() >= limits.maxMediaDescriptions()) {
            throw new SdpParseException("more than " + limits.maxMediaDescriptions() + " m= lines");
          }
          current = parseMediaLine(value, lineNumber);
        }
        case 'i', 'u', 'e', 'p', 'z', 'k', 'r' -> {
          // Informational or obsolete fields: accepted and not needed for offer/answer.
        }
        default ->
            throw new SdpParseException("line " + lineNumber + ": unknown SDP line type '" + type + "='");
      }
    }
    if (current != null) {
      session.media.add(current.build());
    }
    return session.build();
  }

  private SdpOrigin parseOrigin(String value, int lineNumber) throws SdpParseException {
    String[] fields = value.trim().split(" +");
    if (fields.length != 6) {
      throw new SdpParseException(
          "line " + lineNumber + ": o= needs 6 fields (username sess-id sess-version nettype addrtype address), got "
              + fields.length);
    }
    return new SdpOrigin(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
  }

  private SdpConnection parseConnection(String value, int lineNumber) throws SdpParseException {
    String[] fields = value.trim().split(" +");
    if (fields.length != 3) {
      throw new SdpParseException(
          "line " + lineNumber + ": c= needs 3 fields (nettype addrtype address), got " + fields.length);
    }
    // A multicast TTL suffix (224.2.1.1/127) is not ours to use; keep just the address.
    int slash = fields[2].indexOf('/');
    String address = slash >= 0 ? fields[2].substring(0, slash) : fields[2];
    if (address.isEmpty()) {
      throw new SdpParseException("line " + lineNumber + ": c= has an empty address");
    }
    return new SdpConnection(fields[0], fields[1], address);
  }

  private SdpAttribute parseAttribute(String value, int lineNumber) throws SdpParseException {
    int colon = value.indexOf(':');
    String name = colon >= 0 ? value.substring(0, colon) : value;
    if (name.isEmpty() || name.indexOf(' ') >= 0) {
      throw new SdpParseException("line " + lineNumber + ": malformed attribute 'a=" + abbreviate(value) + "'");
    }
    return colon >= 0 ? SdpAttribute.of(name, value.substring(colon + 1)) : SdpAttribute.flag(name);
  }

  private MediaBuilder parseMediaLine(String value, int lineNumber) throws SdpParseException {
    String[] fields = value.trim().split(" +");
    if (fields.length < 4) {
      throw new SdpParseException(
          "line " + lineNumber + ": m= needs <media> <port> <proto> <fmt>..., got '" + abbreviate(value) + "'");
    }
    if (fields.length - 3 > limits.maxFormats()) {
      throw new SdpParseException(
          "line " + lineNumber + ": m= line lists more than " + limits.maxFormats() + " formats");
    }
    var media = new MediaBuilder();
    media.media = fields[0];
    String[] port = fields[1].split("/", -1);
    media.port = parsePort(port[0], lineNumber);
    media.portCount = port.length > 1 ? parseCount(port[1], lineNumber) : 1;
    media.protocol = fields[2];
    media.formats = List.of(fields).subList(3, fields.length);
    return media;
  }

  private static int parsePort(String text, int lineNumber) throws SdpParseException {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new SdpParseException("line " + lineNumber + ": m= port '" + abbreviate(text) + "' is not 0-65535");
  }

  private static int parseCount(String text, int lineNumber) throws SdpParseException {
    try {
      int count = Integer.parseInt(text);
      if (count >= 1 && count <= 65535) {
        return count;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new SdpParseException("line " + lineNumber + ": m= port count '" + abbreviate(text) + "' is invalid");
  }

  private static String stripTrailingWhitespace(String line) {
    int end = line.length();
    while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    return line.substring(0, end);
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }

  private static final class SessionBuilder {
    String version;
    SdpOrigin origin;
    String sessionName;
    SdpConnection connection;
    final List<String> bandwidths = new ArrayList<>();
    final List<String> timing = new ArrayList<>();
    final List<SdpAttribute> attributes = new ArrayList<>();
    final List<MediaDescription> media = new ArrayList<>();

    SessionDescription build() throws SdpParseException {
      if (origin == null) {
        throw new SdpParseException("SDP has no o= line");
      }
      if (sessionName == null) {
        throw new SdpParseException("SDP has no s= line");
      }
      return new SessionDescription(origin, sessionName, connection, bandwidths, timing, attributes, media);
    }
  }

  private static final class MediaBuilder {
    String media;
    int port;
    int portCount;
    String protocol;
    List<String> formats;
    SdpConnection connection;
    final List<String> bandwidths = new ArrayList<>();
    final List<SdpAttribute> attributes = new ArrayList<>();

    MediaDescription build() {
      return new MediaDescription(media, port, portCount, protocol, formats, connection, bandwidths, attributes);
    }
  }
}
