package io.switchboard.sfu.transport.sctp;

import java.nio.charset.StandardCharsets;

/** A data channel on one stream; its state is guarded by the association's lock. */
final class Channel implements DataChannel {
  static final int PPID_STRING = 51;
  static final int PPID_BINARY = 53;
  static final int PPID_STRING_EMPTY = 56;
  static final int PPID_BINARY_EMPTY = 57;
  /** RFC 8831 §6.6: an empty message is sent as one zero byte with the "empty" PPID. */
  private static final byte[] ONE_ZERO = new byte[1];

  private final DataChannels owner;
  private volatile int id;
  private final String label;
  private final ChannelOptions options;
  private volatile State state;
  private volatile MessageHandler messages = (payload, binary) -> {};
  private volatile Runnable opened = () -> {};
  private volatile Runnable closed = () -> {};
  boolean acked; // RFC 8832 §6: send ordered until the peer's ACK
  boolean outgoingReset;
  boolean incomingReset;

  Channel(DataChannels owner, int id, String label, ChannelOptions options, State state,
      boolean acked) {
    this.owner = owner;
    this.id = id;
    this.label = label;
    this.options = options;
    this.state = state;
    this.acked = acked;
  }

  @Override
  public int id() {
    return id;
  }

  void id(int streamId) {
    id = streamId;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public ChannelOptions options() {
    return options;
  }

  @Override
  public State state() {
    return state;
  }

  void state(State next) {
    state = next;
  }

  @Override
  public boolean send(byte[] message) {
    return message.length == 0
        ? owner.send(this, PPID_BINARY_EMPTY, ONE_ZERO)
        : owner.send(this, PPID_BINARY, message);
  }

  @Override
  public boolean send(String message) {
    return message.isEmpty()
        ? owner.send(this, PPID_STRING_EMPTY, ONE_ZERO)
        : owner.send(this, PPID_STRING, message.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public long bufferedAmount() {
    return owner.bufferedAmount(this);
  }

  @Override
  public void onMessage(MessageHandler handler) {
    messages = handler;
  }

  @Override
  public void onOpen(Runnable handler) {
    opened = handler;
    if (state == State.OPEN) {
      handler.run();
    }
  }

  @Override
  public void onClose(Runnable handler) {
    closed = handler;
    if (state == State.CLOSED) {
      handler.run();
    }
  }

  @Override
  public void close() {
    owner.close(this);
  }

  void deliver(byte[] payload, boolean binary) {
    messages.onMessage(payload, binary);
  }

  void fireOpen() {
    opened.run();
  }

  void fireClose() {
    closed.run();
  }

  @Override
  public String toString() {
    return "DataChannel[" + id + " " + label + " " + state + "]";
  }
}
