package io.switchboard.sip.inbound;

import io.switchboard.sip.transport.SipHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What RFC 4028 negotiation of one request settled. */
sealed interface SessionTimerTerms {
  /** The requested interval is below our Min-SE: answer 422 with it. */
  record TooSmall(Duration minimum) implements SessionTimerTerms {}

  /** No session timer. */
  record Off() implements SessionTimerTerms {}

  /**
   * A running timer.
   *
   * @param weRefresh whether we send the refreshes
   * @param peerSupports whether the peer listed "timer" in Supported (then Require: timer goes back)
   */
  record On(Duration interval, boolean weRefresh, boolean peerSupports) implements SessionTimerTerms {
    /** Headers for our 2xx to the peer's request (the peer is the UAC of that transaction). */
    List<SipHeader> responseHeaders() {
      List<SipHeader> headers = new ArrayList<>();
      headers.add(new SipHeader("Session-Expires", interval.toSeconds() + ";refresher=" + (weRefresh ? "uas" : "uac")));
      if (peerSupports) {
        headers.add(new SipHeader("Require", "timer"));
      }
      return headers;
    }

    /** When we refresh: half the interval (RFC 4028 §10). */
    Duration refreshDelay() {
      return interval.dividedBy(2);
    }

    /** When we give up waiting for a refresh: interval minus min(32 s, interval/3) (RFC 4028 §10). */
    Duration expiryDelay() {
      Duration margin = interval.dividedBy(3);
      return interval.minus(margin.compareTo(Duration.ofSeconds(32)) < 0 ? margin : Duration.ofSeconds(32));
    }
  }
}
