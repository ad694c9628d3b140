package io.switchboard.sip.auth;

import java.util.Objects;

/** The one username and password a trunk expects, and the realm to challenge with. */
public record UserCredentials(String username, String password, String realm) {
  public UserCredentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(realm, "realm");
    if (username.isEmpty() || realm.isEmpty()) {
      throw new IllegalArgumentException("digest username and realm must not be empty");
    }
  }

  @Override
  public String toString() {
    return "UserCredentials[username=" + username + ", realm=" + realm + ", password=***]";
  }
}
