package io.switchboard.sfu.signal;

import io.switchboard.protocol.auth.ClaimGrants;
import io.switchboard.protocol.auth.TokenIssuer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Mints the token a moved client gets in LiveKit's RoomMovedResponse: its own grants with the
 * destination room, signed by the API key that signed the token it joined with, valid as long as
 * that one was (from now). The client keeps it for reconnecting.
 */
final class RoomTokens {
  /** When the joining token's lifetime is unknown: the SDKs' default TTL. */
  static final Duration DEFAULT_TTL = Duration.ofHours(6);

  private final Map<String, String> secrets;
  private final Clock clock;

  /** @param secrets API key to API secret, as the server verifies tokens with */
  RoomTokens(Map<String, String> secrets, Clock clock) {
    this.secrets = Map.copyOf(secrets);
    this.clock = clock;
  }

  /**
   * @throws IllegalStateException when the server does not know {@code apiKey}'s secret
   */
  String forRoom(String apiKey, ClaimGrants joined, String room) {
    String secret = secrets.get(apiKey);
    if (secret == null) {
      throw new IllegalStateException("no secret for API key \"" + apiKey + "\" to sign the moved client's token");
    }
    Duration ttl = joined.issuedAt()
        .flatMap(iat -> joined.expiresAt().map(exp -> Duration.between(iat, exp)))
        .filter(d -> d.isPositive())
        .orElse(DEFAULT_TTL);
    ClaimGrants moved = joined.toBuilder()
        .video(joined.video().toBuilder().room(room).build())
        .build();
    return new TokenIssuer(apiKey, secret, clock).issue(moved, ttl);
  }
}
