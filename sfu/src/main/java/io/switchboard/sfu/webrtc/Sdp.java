package io.switchboard.sfu.webrtc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A parsed session description (RFC 8866): the session-level lines and one {@link Media} per
 * {@code m=} line, each keeping its lines in order. Only what offer/answer needs is interpreted.
 */
public record Sdp(List<String> sessionLines, List<Media> media) {
  public Sdp {
    sessionLines = List.copyOf(sessionLines);
    media = List.copyOf(media);
  }

  /** One media section: {@code m=<kind> <port> <proto> <formats…>} and its lines. */
  public record Media(String kind, int port, String proto, List<String> formats, List<String> lines) {
    public Media {
      formats = List.copyOf(formats);
      lines = List.copyOf(lines);
    }

    /** The value of the first {@code a=name:value} (or {@code a=name}, giving ""). */
    public Optional<String> attribute(String name) {
      return attributes(name).stream().findFirst();
    }

    public List<String> attributes(String name) {
      return Sdp.attributes(lines, name);
    }

    public String mid() {
      return attribute("mid")
          .orElseThrow(() -> new IllegalArgumentException("m=" + kind + " section has no a=mid"));
    }
  }

  /**
   * Parses SDP text.
   *
   * @throws IllegalArgumentException naming the line that is wrong
   */
  public static Sdp parse(String text) {
    List<String> session = new ArrayList<>();
    List<Media> media = new ArrayList<>();
    String mLine = null;
    List<String> current = null;
    for (String raw : text.split("\r?\n")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.length() < 2 || line.charAt(1) != '=') {
        throw new IllegalArgumentException("SDP line is not '<type>=<value>': '" + line + "'");
      }
      if (line.startsWith("m=")) {
        if (mLine != null) {
          media.add(media(mLine, current));
        }
        mLine = line;
        current = new ArrayList<>();
      } else if (current != null) {
        current.add(line);
      } else {
        session.add(line);
      }
    }
    if (mLine != null) {
      media.add(media(mLine, current));
    }
    if (session.isEmpty() || !session.getFirst().equals("v=0")) {
      throw new IllegalArgumentException("SDP must start with v=0");
    }
    return new Sdp(session, media);
  }

  private static Media media(String mLine, List<String> lines) {
    String[] t = mLine.substring(2).split(" ");
    if (t.length < 3) {
      throw new IllegalArgumentException("m= line needs media, port and proto: '" + mLine + "'");
    }
    int port;
    try {
      port = Integer.parseInt(t[1].contains("/") ? t[1].substring(0, t[1].indexOf('/')) : t[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("m= line port is not a number: '" + mLine + "'");
    }
    return new Media(t[0], port, t[2], Arrays.asList(t).subList(3, t.length), lines);
  }

  /** A session-level attribute value, if present. */
  public Optional<String> attribute(String name) {
    return attributes(sessionLines, name).stream().findFirst();
  }

  /**
   * A transport attribute (ice-ufrag, ice-pwd, fingerprint, setup): from the first media section
   * that has it, else from the session level (RFC 8839 §5.4, RFC 8122 §5 allow both).
   */
  public Optional<String> transportAttribute(String name) {
    for (Media m : media) {
      if (m.port() != 0) {
        Optional<String> v = m.attribute(name);
        if (v.isPresent()) {
          return v;
        }
      }
    }
    return attribute(name);
  }

  static List<String> attributes(List<String> lines, String name) {
    List<String> out = new ArrayList<>();
    String withValue = "a=" + name + ":";
    String flag = "a=" + name;
    for (String l : lines) {
      if (l.startsWith(withValue)) {
        out.add(l.substring(withValue.length()));
      } else if (l.equals(flag)) {
        out.add("");
      }
    }
    return out;
  }
}
