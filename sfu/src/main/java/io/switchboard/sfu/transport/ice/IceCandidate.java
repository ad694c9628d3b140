package io.switchboard.sfu.transport.ice;

import java.net.InetAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One ICE candidate as written in SDP and in trickle messages (RFC 8839 §5.1):
 *
 * <pre>
 * candidate:&lt;foundation&gt; &lt;component&gt; &lt;transport&gt; &lt;priority&gt; &lt;address&gt; &lt;port&gt;
 *   typ &lt;type&gt; [raddr &lt;address&gt; rport &lt;port&gt;] *(&lt;name&gt; &lt;value&gt;)</pre>
 *
 * The address may be a host name: browsers hide host addresses behind mDNS names ending in {@code
 * .local}. Extensions such as {@code tcptype}, {@code generation} and {@code ufrag} are kept in
 * order.
 *
 * @param related the base of a reflexive or relayed candidate, or null
 */
public record IceCandidate(
    String foundation,
    int component,
    String transport,
    long priority,
    String address,
    int port,
    IceCandidateType type,
    RelatedAddress related,
    Map<String, String> extensions) {

  /** {@code raddr}/{@code rport}. */
  public record RelatedAddress(String address, int port) {
    public RelatedAddress {
      checkPort("rport", port);
    }
  }

  public IceCandidate {
    if (foundation == null || !foundation.matches("[A-Za-z0-9+/]{1,32}")) {
      throw new IllegalArgumentException(
          "candidate foundation must be 1 to 32 ice-chars, got '" + foundation + "'");
    }
    if (component < 1 || component > 256) {
      throw new IllegalArgumentException("candidate component must be 1 to 256, got " + component);
    }
    transport = transport.toLowerCase(Locale.ROOT);
    if (priority < 0 || priority > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(
          "candidate priority must be 0 to 4294967295, got " + priority);
    }
    if (address == null || address.isEmpty()) {
      throw new IllegalArgumentException("candidate address is missing");
    }
    checkPort("candidate port", port);
    extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  private static void checkPort(String what, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(what + " must be 0 to 65535, got " + port);
    }
  }

  /**
   * Parses {@code candidate:…}, with or without a leading {@code a=}.
   *
   * @throws IllegalArgumentException naming the field that is wrong
   */
  public static IceCandidate parse(String line) {
    String s = line.strip();
    if (s.startsWith("a=")) {
      s = s.substring(2);
    }
    if (!s.startsWith("candidate:")) {
      throw new IllegalArgumentException(
          "an ICE candidate starts with 'candidate:', got '" + line + "'");
    }
    String[] t = s.substring("candidate:".length()).split("\\s+");
    if (t.length < 8 || !t[6].equals("typ")) {
      throw new IllegalArgumentException(
          "an ICE candidate needs foundation, component, transport, priority, address, port and"
              + " 'typ <type>', got '"
              + line
              + "'");
    }
    String relatedAddress = null;
    int relatedPort = -1;
    Map<String, String> extensions = new LinkedHashMap<>();
    for (int i = 8; i < t.length; i += 2) {
      if (i + 1 >= t.length) {
        throw new IllegalArgumentException(
            "candidate extension '" + t[i] + "' has no value in '" + line + "'");
      }
      switch (t[i]) {
        case "raddr" -> relatedAddress = t[i + 1];
        case "rport" -> relatedPort = number("rport", t[i + 1]);
        default -> extensions.put(t[i], t[i + 1]);
      }
    }
    if ((relatedAddress == null) != (relatedPort < 0)) {
      throw new IllegalArgumentException("raddr and rport must come together in '" + line + "'");
    }
    return new IceCandidate(
        t[0],
        number("component", t[1]),
        t[2],
        Long.parseLong(digits("priority", t[3])),
        t[4],
        number("port", t[5]),
        IceCandidateType.parse(t[7]),
        relatedAddress == null ? null : new RelatedAddress(relatedAddress, relatedPort),
        extensions);
  }

  /** Out-of-range values saturate so the constructor reports the range. */
  private static int number(String what, String value) {
    return (int) Math.min(Long.parseLong(digits(what, value)), Integer.MAX_VALUE);
  }

  private static String digits(String what, String value) {
    if (!value.matches("[0-9]{1,10}")) {
      throw new IllegalArgumentException(
          "candidate " + what + " must be a number, got '" + value + "'");
    }
    return value;
  }

  /** The candidate line without {@code a=}, as trickled and as SDP-written after {@code a=}. */
  public String toSdp() {
    StringBuilder b =
        new StringBuilder("candidate:")
            .append(foundation)
            .append(' ')
            .append(component)
            .append(' ')
            .append(transport)
            .append(' ')
            .append(priority)
            .append(' ')
            .append(address)
            .append(' ')
            .append(port)
            .append(" typ ")
            .append(type.sdpValue());
    if (related != null) {
      b.append(" raddr ").append(related.address()).append(" rport ").append(related.port());
    }
    extensions.forEach((k, v) -> b.append(' ').append(k).append(' ').append(v));
    return b.toString();
  }

  /** Whether the address is a literal IP, as opposed to a name (such as an mDNS .local name). */
  public boolean hasIpAddress() {
    try {
      InetAddress.ofLiteral(address);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return toSdp();
  }
}
