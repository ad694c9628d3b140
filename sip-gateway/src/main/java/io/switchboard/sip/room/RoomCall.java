package io.switchboard.sip.room;

import io.switchboard.media.net.RtpLegEvent;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sip.inbound.CallControl;
import io.switchboard.sip.inbound.CallEnd;
import io.switchboard.sip.inbound.CallListener;
import io.switchboard.sip.sdp.NegotiatedAudio;
import io.switchboard.trunk.match.SipAttributes;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One phone call in a room: keeps the SIP dialog and the room participant in step. The SIP side
 * reports answer, media changes and the end; the room side may remove the participant, which
 * hangs up; the RTP leg reports DTMF and media timeouts.
 */
public final class RoomCall implements CallListener, ParticipantListener {
  private static final Logger log = LoggerFactory.getLogger(RoomCall.class);

  private final String sipCallId;
  private final String trunkId;
  private final CallMedia media = new CallMedia();
  private final CallRegistry registry;
  private volatile CallControl control;
  private volatile LocalParticipant participant;

  RoomCall(String sipCallId, String trunkId, CallRegistry registry) {
    this.sipCallId = sipCallId;
    this.trunkId = trunkId;
    this.registry = registry;
  }

  void bind(CallControl control, LocalParticipant participant) {
    this.control = control;
    this.participant = participant;
  }

  public String sipCallId() {
    return sipCallId;
  }

  public LocalParticipant participant() {
    return participant;
  }

  CallMedia media() {
    return media;
  }

  @Override
  public void onAnswered(NegotiatedAudio audio) {
    log.info(
        "call answered call_id={} trunk={} room={} codec={}",
        sipCallId, trunkId, participant.roomName(), audio.codec());
    participant.updateAttributes(Map.of(SipAttributes.CALL_STATUS, "active"));
  }

  @Override
  public void onMediaChanged(NegotiatedAudio audio) {
    log.info(
        "call media changed call_id={} room={} direction={}",
        sipCallId, participant.roomName(), audio.direction());
  }

  @Override
  public void onEnded(CallEnd end) {
    log.info(
        "call ended call_id={} trunk={} room={} reason={} status={}",
        sipCallId, trunkId, participant.roomName(), end.reason(), end.sipStatus());
    registry.remove(this);
    if (participant.isConnected()) {
      participant.updateAttributes(Map.of(SipAttributes.CALL_STATUS, "hangup"));
      participant.leave(disconnectReason(end.reason()));
    }
  }

  /** The room removed the caller (RemoveParticipant, room deleted): hang up the phone. */
  @Override
  public void onDisconnected(DisconnectReason reason) {
    log.info("caller removed from room call_id={} room={} reason={}", sipCallId, participant.roomName(), reason);
    control.hangup();
  }

  void onLegEvent(RtpLegEvent event) {
    switch (event) {
      case RtpLegEvent.MediaTimeout timeout -> {
        log.warn("media timeout call_id={} room={} silent_for={}", sipCallId, participant.roomName(), timeout);
        control.hangup();
      }
      case RtpLegEvent.DtmfReceived dtmf ->
          log.info("dtmf call_id={} room={} digit={}", sipCallId, participant.roomName(), dtmf);
      case RtpLegEvent.SourceLocked locked ->
          log.debug("rtp source locked call_id={} {}", sipCallId, locked);
      case RtpLegEvent.RemoteBye bye -> log.debug("rtcp bye call_id={}", sipCallId);
    }
  }

  private static DisconnectReason disconnectReason(CallEnd.Reason reason) {
    return switch (reason) {
      case REMOTE_HANGUP, CANCELLED -> DisconnectReason.CLIENT_INITIATED;
      case LOCAL_HANGUP -> DisconnectReason.PARTICIPANT_REMOVED;
      case SERVER_STOPPED -> DisconnectReason.SERVER_SHUTDOWN;
      case MEDIA_FAILURE, MEDIA_NEGOTIATION -> DisconnectReason.MEDIA_FAILURE;
      case NOT_ANSWERED, ACK_TIMEOUT, SESSION_EXPIRED -> DisconnectReason.CONNECTION_TIMEOUT;
      case MAX_DURATION, REJECTED, SIGNALLING_FAILURE -> DisconnectReason.SIP_TRUNK_FAILURE;
    };
  }
}
