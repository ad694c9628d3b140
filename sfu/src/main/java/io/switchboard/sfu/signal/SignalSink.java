package io.switchboard.sfu.signal;

import livekit.LivekitRtc.SignalResponse;

/** Where a session's responses go: the client's WebSocket. Thread-safe. */
public interface SignalSink {
  void send(SignalResponse response);

  /** Closes the signal connection (after a leave, say). */
  void close();
}
