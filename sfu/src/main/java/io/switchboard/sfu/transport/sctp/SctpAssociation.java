package io.switchboard.sfu.transport.sctp;

import io.switchboard.sfu.transport.dtls.DtlsRole;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Data channels over one SCTP association carried in DTLS (RFC 8261, RFC 8831). Feed it every
 * decrypted DTLS application-data record with {@link #receive}; it sends through the {@link
 * PacketSender} given at creation and keeps time with the given clock and scheduler.
 */
public interface SctpAssociation extends AutoCloseable {
  /**
   * @param random draws the verification tag, initial TSN and cookie secret: use a SecureRandom
   */
  static SctpAssociation create(SctpConfig config, PacketSender sender,
      DataChannelListener listener, SctpScheduler scheduler, Clock clock, RandomGenerator random) {
    return new DataChannels(config, sender, listener, scheduler, clock, random);
  }

  /**
   * Starts the association once DTLS is up: sends INIT (as browsers do from both ends; a crossing
   * INIT is resolved per RFC 9260 §5.2.1), and fixes which stream ids our channels take.
   */
  void start(DtlsRole dtlsRole);

  /** Takes one decrypted DTLS application-data record: an SCTP packet. Not kept after the call. */
  void receive(byte[] buf, int off, int len);

  /**
   * Opens a channel with DATA_CHANNEL_OPEN. Created before {@link #start} it gets its stream id
   * (and may send) at start; after that it may send at once, messages queuing until the
   * association is up.
   *
   * @throws IllegalStateException once closed, or if no stream id is free
   */
  DataChannel createDataChannel(String label, ChannelOptions options);

  /**
   * The peer's {@code a=max-message-size} (RFC 8841 §6; 65536 if its SDP has none, 0 for no
   * limit). Until set, our own maximum applies.
   */
  void setRemoteMaxMessageSize(int bytes);

  SctpState state();

  /** Bytes queued or in flight and not yet acknowledged, over all channels. */
  long bufferedAmount();

  /** Sends ABORT and ends at once (RFC 9260 §9.1); channels close. */
  void abort(String reason);

  /** Shuts the association down gracefully (RFC 9260 §9.2). */
  @Override
  void close();
}
