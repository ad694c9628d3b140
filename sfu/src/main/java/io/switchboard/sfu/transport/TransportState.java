package io.switchboard.sfu.transport;

import io.switchboard.sfu.transport.dtls.DtlsRole;
import io.switchboard.sfu.transport.srtp.SrtpProfile;

/**
 * Where a {@link WebRtcTransport} is; it moves forward only: New, Connecting, Connected, then
 * Failed or Closed.
 */
public sealed interface TransportState {
  /** Created; waiting for the remote description. */
  record New() implements TransportState {}

  /** ICE checks or the DTLS handshake are under way. */
  record Connecting() implements TransportState {}

  /** SRTP keys are in place: media flows. */
  record Connected(SrtpProfile profile, DtlsRole dtlsRole) implements TransportState {}

  /** ICE or DTLS failed, or the peer went away. */
  record Failed(String reason) implements TransportState {}

  /** Closed locally. */
  record Closed() implements TransportState {}

  /** The order of the states, for moving forward only. */
  default int rank() {
    return switch (this) {
      case New n -> 0;
      case Connecting c -> 1;
      case Connected c -> 2;
      case Failed f -> 3;
      case Closed c -> 4;
    };
  }
}
