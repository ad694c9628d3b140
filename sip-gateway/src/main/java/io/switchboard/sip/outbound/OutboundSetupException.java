package io.switchboard.sip.outbound;

/** The call could not be started at all (nothing was dialed). */
public final class OutboundSetupException extends Exception {
  public enum Kind {
    /** No RTP port, or the room closed meanwhile. */
    UNAVAILABLE,
    /** The room has its maximum number of participants. */
    ROOM_FULL
  }

  private final Kind kind;

  public OutboundSetupException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
