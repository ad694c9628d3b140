package io.switchboard.sfu.signal;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * When a subscriber really receives, as LiveKit decides it (its down track is bound once the
 * offer carrying the track is answered and the connection's ICE and DTLS are done): a track is
 * subscribed once the client answered an offer carrying it and the subscriber connection is
 * connected, whichever comes last. The connection is reported once, when it connects; each track
 * once per subscription (again if it is dropped and offered anew). Session-executor only.
 */
final class SubscriptionReadiness {
  /** Hears the facts, each once, on the session executor. */
  interface Listener {
    void connected();

    void subscribed(String trackSid);
  }

  private final Listener listener;
  /** The tracks of the outstanding offer (one at a time). */
  private final Set<String> offered = new LinkedHashSet<>();
  /** The tracks of the last answered offer: negotiated on the connection. */
  private final Set<String> negotiated = new LinkedHashSet<>();
  private final Set<String> reported = new HashSet<>();
  private boolean connected;

  SubscriptionReadiness(Listener listener) {
    this.listener = listener;
  }

  /** An offer carrying exactly these tracks went to the client. */
  void offered(Collection<String> trackSids) {
    offered.clear();
    offered.addAll(trackSids);
  }

  /** The client answered the outstanding offer: its tracks are negotiated, others no longer. */
  void answered() {
    negotiated.clear();
    negotiated.addAll(offered);
    reported.retainAll(negotiated);
    report();
  }

  /** The subscriber connection finished ICE and DTLS. */
  void connected() {
    if (connected) {
      return;
    }
    connected = true;
    listener.connected();
    report();
  }

  boolean isConnected() {
    return connected;
  }

  /** The track is no longer subscribed (unsubscribed or unpublished). */
  void dropped(String trackSid) {
    offered.remove(trackSid);
    negotiated.remove(trackSid);
    reported.remove(trackSid);
  }

  private void report() {
    if (!connected) {
      return;
    }
    for (String sid : negotiated) {
      if (reported.add(sid)) {
        listener.subscribed(sid);
      }
    }
  }
}
