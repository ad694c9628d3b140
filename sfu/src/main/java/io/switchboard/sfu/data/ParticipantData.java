package io.switchboard.sfu.data;

import io.switchboard.sfu.room.DataMessage;
import io.switchboard.sfu.room.DataPacket;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.transport.sctp.ChannelOptions;
import io.switchboard.sfu.transport.sctp.DataChannel;
import io.switchboard.sfu.transport.sctp.DataChannelListener;
import io.switchboard.sfu.transport.sctp.SctpAssociation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebRTC client's data channels, as LiveKit's server runs them: the client opens {@code
 * _reliable} and {@code _lossy} (and, in newer SDKs, {@code _data_track}, accepted and ignored)
 * on its publisher connection; we open our own {@code _reliable} and {@code _lossy} toward it on
 * the subscriber connection ({@code createDataChannelsForSubscriber}). Each SCTP message is one
 * DataPacket: what the client sends goes into the room stamped with its identity (dropped without
 * {@code canPublishData}); what the room has for it is sent on the channel of its kind.
 */
public final class ParticipantData implements DataChannelListener {
  private static final Logger log = LoggerFactory.getLogger(ParticipantData.class);
  static final String RELIABLE = "_reliable";
  static final String LOSSY = "_lossy";

  private LocalParticipant participant;
  private final boolean canPublishData;
  private final boolean hidden;
  private final boolean agent;
  private ClientPackets inbound;
  private final String identity;
  private volatile DataChannel reliableOut;
  private volatile DataChannel lossyOut;

  /**
   * @param participant the client's participant in the room, the sender of what it publishes
   * @param canPublishData the token's grant; without it the client's packets are dropped
   * @param hidden a hidden participant's packets carry no sender identity (LiveKit)
   * @param agent whether the client is an agent (may forward transcriptions)
   */
  public ParticipantData(LocalParticipant participant, boolean canPublishData, boolean hidden, boolean agent) {
    this.participant = participant;
    this.canPublishData = canPublishData;
    this.hidden = hidden;
    this.agent = agent;
    var info = participant.info();
    this.identity = info.identity();
    this.inbound = new ClientPackets(hidden ? "" : info.identity(), hidden ? "" : info.sid(), agent);
  }

  /**
   * The client moved to another room (RoomService MoveParticipant): what it sends from now on
   * goes to that room, stamped with its new participant sid.
   */
  public synchronized void moveTo(LocalParticipant moved) {
    var info = moved.info();
    this.participant = moved;
    this.inbound = new ClientPackets(hidden ? "" : info.identity(), hidden ? "" : info.sid(), agent);
  }

  /** Opens our channels toward the client on its subscriber connection's association. */
  public void openTowardClient(SctpAssociation subscriber) {
    reliableOut = subscriber.createDataChannel(RELIABLE, ChannelOptions.reliable());
    lossyOut = subscriber.createDataChannel(LOSSY, ChannelOptions.lossy());
  }

  @Override
  public void onDataChannel(DataChannel channel) {
    switch (channel.label()) {
      case RELIABLE -> channel.onMessage((payload, binary) -> onMessage(payload, binary, DataPacket.Kind.RELIABLE));
      case LOSSY -> channel.onMessage((payload, binary) -> onMessage(payload, binary, DataPacket.Kind.LOSSY));
      default -> log.debug("ignoring data channel {} of {}", channel.label(), identity);
    }
  }

  /**
   * Sends what the room has for this client on the channel of its kind. Dropped (and logged) when
   * that channel is not open or its send buffer is full, as a browser's send would fail.
   */
  public void deliver(DataPacket packet) {
    DataChannel channel = packet.kind() == DataPacket.Kind.LOSSY ? lossyOut : reliableOut;
    if (channel == null) {
      return;
    }
    byte[] bytes = RoomPackets.encode(packet);
    if (!channel.send(bytes)) {
      log.debug("data packet to {} dropped: channel {} is {}", identity, channel.label(),
          channel.state());
    }
  }

  /** Synchronized: a client could send on both connections' associations, each on its own thread. */
  private synchronized void onMessage(byte[] payload, boolean binary, DataPacket.Kind kind) {
    if (!binary || !canPublishData) {
      return;
    }
    ClientPackets.Outcome outcome;
    try {
      outcome = inbound.read(payload, kind);
    } catch (IllegalArgumentException e) {
      log.info("dropping a data message from {}: {}", identity, e.getMessage());
      return;
    }
    DataMessage message = switch (outcome) {
      case FORWARD -> new DataMessage.Forwarded(inbound.stamped());
      case SIP_DTMF -> new DataMessage.SipDtmf(inbound.dtmfCode(), inbound.dtmfDigit());
      case DROP -> null;
    };
    if (message != null) {
      try {
        participant.publishData(message, kind, inbound.destinations());
      } catch (IllegalStateException e) {
        log.debug("data from {} after it left: {}", identity, e.getMessage());
      }
    }
  }
}
