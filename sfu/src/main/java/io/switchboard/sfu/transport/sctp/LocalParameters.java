package io.switchboard.sfu.transport.sctp;

import java.util.random.RandomGenerator;

/**
 * What we announce in INIT and INIT ACK (RFC 9260 §5.1): a random non-zero verification tag and
 * initial TSN, our window and streams, and the secret our state cookies are signed with.
 */
final class LocalParameters {
  final int tag;
  final int initialTsn;
  private final byte[] cookieSecret = new byte[32];
  private final SctpConfig config;

  LocalParameters(SctpConfig config, RandomGenerator random) {
    this.config = config;
    int t;
    do {
      t = random.nextInt();
    } while (t == 0);
    this.tag = t;
    this.initialTsn = random.nextInt();
    random.nextBytes(cookieSecret);
  }

  /** Our INIT, or with a cookie our INIT ACK: the same values even to a crossing INIT (§5.2.1). */
  InitChunk init(byte[] cookie) {
    return new InitChunk(tag, config.receiveWindow(), config.streams(), config.streams(),
        initialTsn, cookie, true, true);
  }

  byte[] cookieFor(InitChunk peerInit, long now) {
    return StateCookie.from(peerInit, tag, initialTsn, now).seal(cookieSecret);
  }

  /**
   * @throws IllegalArgumentException if forged, stale or not for this association
   */
  StateCookie openCookie(byte[] b, int off, int len, long now) {
    StateCookie cookie =
        StateCookie.open(b, off, len, cookieSecret, now, config.cookieLifetimeMillis());
    if (cookie.localTag() != tag) {
      throw new IllegalArgumentException("COOKIE ECHO for another association");
    }
    return cookie;
  }
}
