package io.switchboard.sip.incall;

import java.util.Locale;

/**
 * Where a cold transfer sends the caller: a {@code sip:}, {@code sips:} or {@code tel:} URI, as
 * LiveKit's {@code transfer_to} takes it (with or without angle brackets). A {@code tel:} number
 * becomes a SIP URI at the peer's host with {@code user=phone} (RFC 3261 §19.1.6), since the
 * REFER goes to that peer (the carrier) and a Refer-To must be a SIP URI for most of them.
 */
public record ReferTarget(String uri) {
  public ReferTarget {
    if (uri == null || uri.isBlank()) {
      throw new IllegalArgumentException("transfer_to is required");
    }
  }

  /** Reads {@code transfer_to}. @throws IllegalArgumentException naming what is wrong with it */
  public static ReferTarget parse(String transferTo) {
    if (transferTo == null || transferTo.isBlank()) {
      throw new IllegalArgumentException("transfer_to is required");
    }
    String uri = transferTo.strip();
    if (uri.startsWith("<") && uri.endsWith(">")) {
      uri = uri.substring(1, uri.length() - 1).strip();
    }
    if (uri.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c == '"')) {
      throw new IllegalArgumentException("transfer_to '" + transferTo + "' contains spaces, quotes or brackets");
    }
    String lower = uri.toLowerCase(Locale.ROOT);
    if (lower.startsWith("sip:") || lower.startsWith("sips:")) {
      int colon = uri.indexOf(':');
      String rest = uri.substring(colon + 1);
      String hostPart = rest.substring(rest.indexOf('@') + 1);
      if (rest.isEmpty() || hostPart.isEmpty() || hostPart.startsWith(";") || hostPart.startsWith("?")) {
        throw new IllegalArgumentException("transfer_to '" + transferTo + "' has no host");
      }
      return new ReferTarget(uri);
    }
    if (lower.startsWith("tel:")) {
      String number = uri.substring(4).split(";", 2)[0];
      String digits = number.replaceAll("[-.()]", "");
      if (!digits.matches("\\+?[0-9*#A-Da-d]+")) {
        throw new IllegalArgumentException("transfer_to '" + transferTo + "' is not a telephone number");
      }
      return new ReferTarget("tel:" + digits);
    }
    throw new IllegalArgumentException(
        "transfer_to '" + transferTo + "' must be a sip:, sips: or tel: URI");
  }

  public boolean isTel() {
    return uri.startsWith("tel:");
  }

  /** The Refer-To header value; a {@code tel:} number is addressed at {@code peerHost}. */
  public String referTo(String peerHost) {
    if (isTel()) {
      return "<sip:" + uri.substring(4) + "@" + peerHost + ";user=phone>";
    }
    return "<" + uri + ">";
  }
}
