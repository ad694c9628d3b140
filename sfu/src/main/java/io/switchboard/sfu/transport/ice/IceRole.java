package io.switchboard.sfu.transport.ice;

/**
 * Our ICE role (RFC 8445 §6.1.1). With full ICE at both ends the offerer controls, so we are
 * CONTROLLED when a client offers (LiveKit's publisher connection) and CONTROLLING when we offer
 * (the subscriber connection). LiveKit's server avoids the question by being ICE-lite; ice4j has no
 * lite mode, so we run full ICE and pick the role from who offered.
 */
public enum IceRole {
  CONTROLLING,
  CONTROLLED
}
