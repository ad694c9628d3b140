package io.switchboard.sip.inbound;

import java.util.Objects;

/**
 * One side of a call as named in a header.
 *
 * @param displayName empty when absent
 * @param uri the URI as sent (sip:, sips: or tel:)
 * @param user the URI's user part (for tel: the number); empty when absent
 */
public record CallParty(String displayName, String uri, String user) {
  public CallParty {
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(user, "user");
  }

  /**
   * The user part as a phone number: visual separators (RFC 3966 §5.1.1) removed, a leading
   * '+' kept. Empty when the user part is not a number ("alice", "anonymous").
   */
  public String number() {
    var digits = new StringBuilder(user.length());
    for (int i = 0; i < user.length(); i++) {
      char c = user.charAt(i);
      if (c >= '0' && c <= '9' || (c == '+' && digits.isEmpty())) {
        digits.append(c);
      } else if (c == ';') {
        break; // user-part parameters such as ;npdi or ;rn=
      } else if ("-.() ".indexOf(c) < 0) {
        return "";
      }
    }
    return digits.length() > (digits.indexOf("+") == 0 ? 1 : 0) ? digits.toString() : "";
  }
}
