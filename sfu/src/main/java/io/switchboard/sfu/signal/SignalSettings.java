package io.switchboard.sfu.signal;

import java.util.List;

/**
 * What the JoinResponse tells clients about the server.
 *
 * @param serverVersion a semver LiveKit version clients accept (they parse it; RPC needs ≥ 1.8.0)
 * @param iceServers STUN/TURN servers with their credentials, may be empty
 * @param pingIntervalSeconds how often clients ping (must be positive: the Rust SDK panics on 0)
 * @param pingTimeoutSeconds how long clients wait for any message before reconnecting
 */
public record SignalSettings(
    String serverVersion, List<IceServer> iceServers, int pingIntervalSeconds, int pingTimeoutSeconds) {
  /** LiveKit's protocol version this server speaks. */
  public static final int PROTOCOL = 17;

  public SignalSettings {
    iceServers = List.copyOf(iceServers);
    if (!serverVersion.matches("\\d+\\.\\d+\\.\\d+.*")) {
      throw new IllegalArgumentException("server version must be semver, got '" + serverVersion + "'");
    }
    if (pingIntervalSeconds <= 0 || pingTimeoutSeconds <= pingIntervalSeconds) {
      throw new IllegalArgumentException(
          "ping interval must be positive and below the timeout, got "
              + pingIntervalSeconds + " s and " + pingTimeoutSeconds + " s");
    }
  }

  /** The same settings telling clients these ICE servers. */
  public SignalSettings withIceServers(List<IceServer> servers) {
    return new SignalSettings(serverVersion, servers, pingIntervalSeconds, pingTimeoutSeconds);
  }

  /** LiveKit's 5 s / 15 s, no ICE servers, version 1.9.0. */
  public static SignalSettings defaults() {
    return new SignalSettings("1.9.0", List.of(), 5, 15);
  }
}
