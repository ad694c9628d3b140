package io.switchboard.sfu.signal;

import java.util.List;

/** A STUN or TURN server the JoinResponse gives clients (LiveKit's ICEServer). */
public record IceServer(List<String> urls, String username, String credential) {
  public IceServer {
    urls = List.copyOf(urls);
  }
}
