package io.switchboard.sfu.transport.sctp;

/**
 * Bundles chunks into packets for the peer (RFC 9260 §6.10): callers ask for room for a chunk, a
 * full packet is sent and a new one begun, and {@link #flush} sends the last. Not thread-safe.
 */
final class Wire {
  private final PacketWriter writer;
  private final PacketSender sender;
  private final int localPort;
  private final int remotePort;
  private boolean open;
  private int openTag;
  private long packetsSent;

  Wire(int mtu, PacketSender sender, int localPort, int remotePort) {
    this.writer = new PacketWriter(mtu);
    this.sender = sender;
    this.localPort = localPort;
    this.remotePort = remotePort;
  }

  /** A packet with room for a chunk of {@code chunkLength} bytes, tagged {@code tag}. */
  PacketWriter room(int tag, int chunkLength) {
    if (open && (openTag != tag || !writer.fits(chunkLength))) {
      flush();
    }
    if (!open) {
      writer.begin(localPort, remotePort, tag);
      open = true;
      openTag = tag;
    }
    return writer;
  }

  /** Sends any chunks gathered so far. */
  void flush() {
    if (open && writer.hasChunks()) {
      int len = writer.finish();
      sender.send(writer.buffer(), 0, len);
      packetsSent++;
    }
    open = false;
  }

  /** Largest chunk that fits in an empty packet. */
  int maxChunk() {
    return writer.capacity() - PacketWriter.COMMON_HEADER;
  }

  long packetsSent() {
    return packetsSent;
  }
}
