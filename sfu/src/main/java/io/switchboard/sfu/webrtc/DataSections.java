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
  private SctpAssociation sctp;
  private boolean attached;

  DataSections(WebRtcTransport transport, PeerConnectionFactory factory) {
    this.transport = transport;
    this.factory = factory;
  }

  /**
   * Creates the association; it is attached to the transport once a description from the peer
   * accepts an SCTP section (starting when DTLS is up), so a peer without data channels is never
   * sent SCTP. Call once.
   */
  synchronized SctpAssociation open(DataChannelListener listener) {
    if (sctp != null) {
      throw new IllegalStateException("data channels already opened on this connection");
    }
    sctp = factory.sctp(transport, listener);
    return sctp;
  }

  /** Applies the peer's description: its maximum message size, and attaches on the first SCTP section. */
  synchronized void onRemote(Sdp sdp) {
    OptionalInt maxMessageSize = remoteMaxMessageSize(sdp);
    if (sctp == null || maxMessageSize.isEmpty()) {
      return;
    }
    sctp.setRemoteMaxMessageSize(maxMessageSize.getAsInt());
    if (!attached) {
      transport.attachSctp(sctp);
      attached = true;
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
