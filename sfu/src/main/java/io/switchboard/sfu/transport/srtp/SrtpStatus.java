package io.switchboard.sfu.transport.srtp;

/** The outcome of protecting or unprotecting one packet; the hot path reports, it never throws. */
public enum SrtpStatus {
  OK,
  /** The authentication tag did not verify: wrong keys, corruption or forgery. */
  AUTH_FAILURE,
  /** The packet index was seen before or is older than the replay window (RFC 3711 §3.3.2). */
  REPLAY,
  /** Too short or malformed to be an SRTP/SRTCP packet of this profile. */
  INVALID_PACKET,
  /** A new SSRC arrived while the session already tracks its maximum number of SSRCs. */
  TOO_MANY_SSRCS,
  /** The cipher failed for another reason. */
  FAILURE
}
