package io.switchboard.sfu.transport.ice;

/**
 * An ICE username fragment and password (SDP {@code a=ice-ufrag}, {@code a=ice-pwd}). RFC 8839
 * §5.4: ice-chars (ALPHA / DIGIT / "+" / "/"), 4 to 256 for the ufrag and 22 to 256 for the pwd.
 */
public record IceParameters(String ufrag, String password) {
  public IceParameters {
    check("ice-ufrag", ufrag, 4);
    check("ice-pwd", password, 22);
  }

  private static void check(String what, String value, int min) {
    if (value == null || value.length() < min || value.length() > 256) {
      throw new IllegalArgumentException(
          what
              + " must be "
              + min
              + " to 256 characters, got "
              + (value == null ? "none" : value.length()));
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean iceChar =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/';
      if (!iceChar) {
        throw new IllegalArgumentException(
            what + " may hold only letters, digits, '+' and '/', found '" + c + "'");
      }
    }
  }

  @Override
  public String toString() {
    return "IceParameters[ufrag=" + ufrag + "]"; // the password stays out of logs
  }
}
