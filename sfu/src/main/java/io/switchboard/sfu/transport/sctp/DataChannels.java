package io.switchboard.sfu.transport.sctp;

import io.switchboard.sfu.transport.dtls.DtlsRole;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data channels (RFC 8831) and DCEP (RFC 8832) over an {@link Association}: maps stream ids to
 * channels, answers DATA_CHANNEL_OPEN, picks PPIDs, and closes channels by stream reset. Shares the
 * association's lock.
 */
final class DataChannels implements SctpAssociation, Association.Upper {
  private static final Logger log = LoggerFactory.getLogger(DataChannels.class);
  private static final byte[] EMPTY = new byte[0];

  private final Association association;
  private final DataChannelListener listener;
  private final Channel[] byStream;
  private final List<Channel> beforeStart = new ArrayList<>();
  private DtlsRole role;
  private boolean up;
  private boolean closed;

  DataChannels(SctpConfig config, PacketSender sender, DataChannelListener listener,
      SctpScheduler scheduler, Clock clock, RandomGenerator random) {
    this.listener = listener;
    this.byStream = new Channel[config.streams()];
    this.association = new Association(config, sender, scheduler, clock, random, this);
  }

  @Override
  public void start(DtlsRole dtlsRole) {
    synchronized (association) {
      if (role != null) {
        throw new IllegalStateException("SCTP association already started as " + role);
      }
      role = dtlsRole;
      for (Channel c : beforeStart) {
        announce(c);
      }
      beforeStart.clear();
      association.connect();
    }
  }

  @Override
  public void receive(byte[] buf, int off, int len) {
    association.receive(buf, off, len);
  }

  @Override
  public DataChannel createDataChannel(String label, ChannelOptions options) {
    synchronized (association) {
      if (closed) {
        throw new IllegalStateException("SCTP association is closed");
      }
      Dcep.open(label, options); // checks the label now rather than at start
      Channel channel = new Channel(this, -1, label, options,
          up ? DataChannel.State.OPEN : DataChannel.State.CONNECTING, false);
      if (role == null) {
        beforeStart.add(channel);
      } else {
        announce(channel);
      }
      return channel;
    }
  }

  /** Takes the lowest free stream id of our parity (RFC 8832 §6) and sends DATA_CHANNEL_OPEN. */
  private void announce(Channel channel) {
    int id = role == DtlsRole.CLIENT ? 0 : 1;
    while (id < byStream.length && byStream[id] != null) {
      id += 2;
    }
    if (id >= byStream.length) {
      throw new IllegalStateException("no free stream id for data channel " + channel.label());
    }
    channel.id(id);
    byStream[id] = channel;
    byte[] open = Dcep.open(channel.label(), channel.options());
    association.send(id, Dcep.PPID, false, -1, -1, open, 0, open.length);
  }

  boolean send(Channel channel, int ppid, byte[] payload) {
    synchronized (association) {
      DataChannel.State state = channel.state();
      if (channel.id() < 0
          || (state != DataChannel.State.OPEN && state != DataChannel.State.CONNECTING)) {
        return false;
      }
      ChannelOptions o = channel.options();
      boolean unordered = !o.ordered() && channel.acked;
      return association.send(channel.id(), ppid, unordered, o.maxRetransmits(),
          o.maxPacketLifeTimeMillis(), payload, 0, payload.length);
    }
  }

  long bufferedAmount(Channel channel) {
    int id = channel.id();
    return id < 0 ? 0 : association.bufferedBytes(id);
  }

  void close(Channel channel) {
    synchronized (association) {
      DataChannel.State state = channel.state();
      if (channel.id() < 0) {
        beforeStart.remove(channel);
        channel.state(DataChannel.State.CLOSED);
        channel.fireClose();
      } else if (state == DataChannel.State.OPEN || state == DataChannel.State.CONNECTING) {
        channel.state(DataChannel.State.CLOSING);
        association.resetStream(channel.id());
      }
    }
  }

  @Override
  public void setRemoteMaxMessageSize(int bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("max-message-size must be >= 0, got " + bytes);
    }
    association.remoteMaxMessageSize(bytes == 0 ? Integer.MAX_VALUE : bytes);
  }

  @Override
  public SctpState state() {
    return association.state();
  }

  @Override
  public long bufferedAmount() {
    return association.bufferedBytes();
  }

  @Override
  public void abort(String reason) {
    association.abort(reason);
  }

  @Override
  public void close() {
    synchronized (association) {
      closed = true;
      association.shutdown();
    }
  }

  // ---- Association.Upper, called under the lock ----

  @Override
  public void established() {
    up = true;
    for (Channel c : byStream) {
      if (c != null && c.state() == DataChannel.State.CONNECTING) {
        c.state(DataChannel.State.OPEN);
        c.fireOpen();
      }
    }
    listener.onEstablished();
  }

  @Override
  public void message(int stream, int ppid, byte[] payload) {
    Channel channel = byStream[stream];
    switch (ppid) {
      case Dcep.PPID -> dcep(stream, channel, payload);
      case Channel.PPID_STRING, Channel.PPID_BINARY -> {
        if (channel != null) {
          channel.deliver(payload, ppid == Channel.PPID_BINARY);
        }
      }
      case Channel.PPID_STRING_EMPTY, Channel.PPID_BINARY_EMPTY -> {
        if (channel != null) {
          channel.deliver(EMPTY, ppid == Channel.PPID_BINARY_EMPTY);
        }
      }
      default -> log.debug("data channel message with PPID {} on stream {} dropped", ppid, stream);
    }
  }

  private void dcep(int stream, Channel channel, byte[] payload) {
    if (payload.length == 1 && payload[0] == Dcep.MESSAGE_ACK) {
      if (channel != null) {
        channel.acked = true;
      }
      return;
    }
    Dcep.Open open;
    try {
      open = Dcep.parseOpen(payload);
    } catch (IllegalArgumentException e) {
      log.debug("DCEP message on stream {} dropped: {}", stream, e.getMessage());
      return;
    }
    if (channel != null) {
      log.debug("DATA_CHANNEL_OPEN for stream {} already used by {}", stream, channel);
      return;
    }
    Channel opened = new Channel(this, stream, open.label(), open.options(),
        DataChannel.State.OPEN, true);
    byStream[stream] = opened;
    byte[] ack = Dcep.ack();
    association.send(stream, Dcep.PPID, false, -1, -1, ack, 0, ack.length);
    listener.onDataChannel(opened);
  }

  @Override
  public void outgoingReset(int[] streams, int count) {
    for (int i = 0; i < count; i++) {
      Channel c = streams[i] < byStream.length ? byStream[streams[i]] : null;
      if (c != null) {
        c.outgoingReset = true;
        closeIfBothReset(c);
      }
    }
  }

  @Override
  public void incomingReset(int[] streams, int count) {
    for (int i = 0; i < count; i++) {
      Channel c = streams[i] < byStream.length ? byStream[streams[i]] : null;
      if (c != null) {
        c.incomingReset = true;
        if (!c.outgoingReset) {
          c.state(DataChannel.State.CLOSING);
          association.resetStream(c.id()); // RFC 8831 §6.7: reset ours in answer
        }
        closeIfBothReset(c);
      }
    }
  }

  private void closeIfBothReset(Channel c) {
    if (c.outgoingReset && c.incomingReset) {
      byStream[c.id()] = null;
      c.state(DataChannel.State.CLOSED);
      c.fireClose();
    }
  }

  @Override
  public void closed(String reason) {
    closed = true;
    for (Channel c : beforeStart) {
      c.state(DataChannel.State.CLOSED);
      c.fireClose();
    }
    beforeStart.clear();
    for (int i = 0; i < byStream.length; i++) {
      Channel c = byStream[i];
      if (c != null) {
        byStream[i] = null;
        c.state(DataChannel.State.CLOSED);
        c.fireClose();
      }
    }
    listener.onClosed(reason);
  }
}
