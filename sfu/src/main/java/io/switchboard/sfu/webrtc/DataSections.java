package io.switchboard.sfu.webrtc;

import io.switchboard.sfu.transport.sctp.DataChannelListener;
import io.switchboard.sfu.transport.sctp.SctpAssociation;
import io.switchboard.sfu.transport.WebRtcTransport;
import java.util.OptionalInt;

/**
 * The data-channel half of a peer connection: one SCTP association on its transport (RFC 8261),
 * sized by the peer's {@code a=max-message-size} (RFC 8841 §6).
 */
final class DataSections {
  /** What RFC 8841 §6 assumes when an SCTP section has no a=max-message-size. */
  static final int DEFAULT_MAX_MESSAGE_SIZE = 65536;

  private final WebRtcTransport transport;
  private final PeerConnectionFactory factory;
  private volatile SctpAssociation sctp;

  DataSections(WebRtcTransport transport, PeerConnectionFactory factory) {
    this.transport = transport;
    this.factory = factory;
  }

  /** Creates the association and attaches it; it starts once DTLS is up. Call once. */
  synchronized SctpAssociation open(DataChannelListener listener) {
    if (sctp != null) {
      throw new IllegalStateException("data channels already opened on this connection");
    }
    sctp = factory.sctp(transport, listener);
    return sctp;
  }

  /** Applies the peer's maximum message size from its description, if it has an SCTP section. */
  void onRemote(Sdp sdp) {
    SctpAssociation association = sctp;
    if (association != null) {
      remoteMaxMessageSize(sdp).ifPresent(association::setRemoteMaxMessageSize);
    }
  }

  /** The peer's a=max-message-size of its (first, accepted) SCTP section, 65536 when absent. */
  static OptionalInt remoteMaxMessageSize(Sdp sdp) {
    for (Sdp.Media m : sdp.media()) {
      if (m.kind().equals("application") && m.port() != 0 && m.proto().endsWith("SCTP")) {
        return OptionalInt.of(
            m.attribute("max-message-size").map(v -> Integer.parseInt(v.trim())).orElse(DEFAULT_MAX_MESSAGE_SIZE));
      }
    }
    return OptionalInt.empty();
  }
}
