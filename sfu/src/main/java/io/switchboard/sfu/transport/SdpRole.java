package io.switchboard.sfu.transport;

import io.switchboard.sfu.transport.ice.IceRole;

/**
 * Which side of the offer/answer exchange we are for this peer connection. With full ICE on both
 * ends the offerer controls ICE (RFC 8445 §6.1.1) and offers {@code a=setup:actpass}, leaving the
 * DTLS role to the answerer (RFC 8842 §5).
 */
public enum SdpRole {
  /** We offer: LiveKit's subscriber connection. */
  OFFERER,
  /** The client offers and we answer: LiveKit's publisher connection. */
  ANSWERER;

  public IceRole iceRole() {
    return this == OFFERER ? IceRole.CONTROLLING : IceRole.CONTROLLED;
  }
}
