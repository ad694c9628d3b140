package io.switchboard.sip.inbound;

/** Opens the RTP side of a call once it has been dispatched. */
public interface MediaSessionFactory {
  /** @throws MediaUnavailableException when no port or capacity is left (the call gets 503) */
  MediaSession open(String callId, InviteInfo invite) throws MediaUnavailableException;
}
