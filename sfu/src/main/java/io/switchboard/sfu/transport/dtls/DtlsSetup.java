package io.switchboard.sfu.transport.dtls;

import java.util.Locale;

/**
 * The SDP {@code a=setup} attribute (RFC 4145 §4, RFC 8842 §5): who opens the DTLS association.
 * {@code active} is the DTLS client, {@code passive} the server; an offer says {@code actpass}.
 */
public enum DtlsSetup {
  ACTPASS,
  ACTIVE,
  PASSIVE;

  public static DtlsSetup parse(String value) {
    String v = value.strip();
    if (v.startsWith("a=setup:")) {
      v = v.substring("a=setup:".length());
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "actpass" -> ACTPASS;
      case "active" -> ACTIVE;
      case "passive" -> PASSIVE;
      default ->
          throw new IllegalArgumentException(
              "a=setup must be actpass, active or passive, got '" + value + "'");
    };
  }

  public String sdpValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * What an answerer says to this offered setup. RFC 8842 §5.3: to an {@code actpass} offer the
   * answerer SHOULD be active, which also spares the offerer a round trip.
   */
  public DtlsSetup answer() {
    return switch (this) {
      case ACTPASS, PASSIVE -> ACTIVE;
      case ACTIVE -> PASSIVE;
    };
  }

  /**
   * Our DTLS role once both ends' setup values are known.
   *
   * @throws IllegalArgumentException if the pair does not decide a role (both active, both passive,
   *     or both actpass)
   */
  public static DtlsRole negotiate(DtlsSetup local, DtlsSetup remote) {
    DtlsRole role =
        switch (local) {
          case ACTIVE -> remote == ACTIVE ? null : DtlsRole.CLIENT;
          case PASSIVE -> remote == PASSIVE ? null : DtlsRole.SERVER;
          case ACTPASS ->
              switch (remote) {
                case ACTIVE -> DtlsRole.SERVER;
                case PASSIVE -> DtlsRole.CLIENT;
                case ACTPASS -> null;
              };
        };
    if (role == null) {
      throw new IllegalArgumentException(
          "a=setup:"
              + local.sdpValue()
              + " locally and a=setup:"
              + remote.sdpValue()
              + " remotely do not decide who is the DTLS client");
    }
    return role;
  }
}
