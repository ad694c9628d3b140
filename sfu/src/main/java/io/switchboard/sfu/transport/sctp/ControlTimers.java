package io.switchboard.sfu.transport.sctp;

/**
 * The association's control timers: T1-init and T1-cookie, which resend INIT or COOKIE ECHO
 * (RFC 9260 §5.1 C, §6.3.3), and T2-shutdown, which resends SHUTDOWN or SHUTDOWN ACK (§9.2), each
 * on the backed-off RTO up to its attempt limit. Under the association's lock.
 */
final class ControlTimers {
  private static final long NONE = DataSender.NO_DEADLINE;

  private final Association a;
  private final Chunks chunks;
  private final RtoEstimator rto;
  private final SctpConfig config;
  private byte[] cookieToEcho;
  private long t1 = NONE;
  private int t1Attempts;
  private long t2 = NONE;
  private int t2Attempts;

  ControlTimers(Association association, Chunks chunks, RtoEstimator rto, SctpConfig config) {
    this.a = association;
    this.chunks = chunks;
    this.rto = rto;
    this.config = config;
  }

  void initSent(long now) {
    cookieToEcho = null;
    t1Attempts = 0;
    t1 = now + rto.rto();
  }

  /** Sends COOKIE ECHO and keeps the cookie to send again. */
  void echoCookie(byte[] cookie, long now) {
    cookieToEcho = cookie;
    t1Attempts = 0;
    t1 = now + rto.rto();
    chunks.writeCookieEcho(cookie);
  }

  void established() {
    t1 = NONE;
    cookieToEcho = null;
  }

  void shutdownSent(long now) {
    t2Attempts = 0;
    t2 = now + rto.rto();
  }

  /** A SHUTDOWN ACK answering a SHUTDOWN that crossed ours; attempts keep counting. */
  void restartShutdown(long now) {
    t2 = now + rto.rto();
  }

  void stop() {
    t1 = t2 = NONE;
  }

  long next() {
    return Math.min(t1, t2);
  }

  /** Handles expiries due at {@code now}; may end the association. */
  void expire(long now, SctpState state) {
    if (now >= t1) {
      if (++t1Attempts > config.maxInitRetransmits()) {
        a.end("did not answer " + (cookieToEcho == null ? "INIT" : "COOKIE ECHO") + " after "
            + config.maxInitRetransmits() + " retransmissions", false);
        return;
      }
      rto.backOff();
      if (cookieToEcho != null) {
        chunks.writeCookieEcho(cookieToEcho);
      } else {
        a.sendInit();
      }
      t1 = now + rto.rto();
    }
    if (now >= t2) {
      if (++t2Attempts > config.maxRetransmits()) {
        a.abort("no answer to SHUTDOWN");
        return;
      }
      rto.backOff();
      if (state == SctpState.SHUTDOWN_SENT) {
        chunks.writeShutdown();
      } else if (state == SctpState.SHUTDOWN_ACK_SENT) {
        chunks.writeShutdownAck();
      }
      t2 = now + rto.rto();
    }
  }
}
