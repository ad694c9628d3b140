package io.switchboard.sfu.transport.ice;

/** Where an {@link IceTransport} is in its life. Transitions only move forward. */
public enum IceState {
  /** Candidates gathered; the remote parameters are not known yet. */
  NEW,
  /** Connectivity checks are running. */
  CHECKING,
  /** A candidate pair works: datagrams can be sent. */
  CONNECTED,
  /** No pair worked, or the transport broke. */
  FAILED,
  /** Closed locally. */
  CLOSED
}
