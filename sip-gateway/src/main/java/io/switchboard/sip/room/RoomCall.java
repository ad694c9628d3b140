package io.switchboard.sip.room;

import io.switchboard.media.dtmf.DtmfDigit;
import io.switchboard.media.net.RtpLegEvent;
import io.switchboard.sfu.room.DataMessage;
import io.switchboard.sfu.room.DataPacket;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.MovableParticipant;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomMoves;
import io.switchboard.sip.inbound.CallControl;
import io.switchboard.sip.inbound.CallEnd;
import io.switchboard.sip.inbound.CallListener;
import io.switchboard.sip.incall.SipParticipantCall;
import io.switchboard.sip.incall.TransferOutcome;
import io.switchboard.sip.incall.TransferRequest;
import io.switchboard.sip.pin.LobbyTicker;
import io.switchboard.sip.pin.PinLobby;
import io.switchboard.sip.sdp.NegotiatedAudio;
import io.switchboard.trunk.match.SipAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One phone call on the room side: keeps the SIP dialog and the room participant in step. A
 * call either joins its room at dispatch, or first waits in a PIN lobby and joins once admitted
 * ({@link CallStage}). The SIP side reports answer, media changes and the end; the room side may
 * remove the participant, which hangs up; the RTP leg reports DTMF and media timeouts.
 *
 * <p>Stage changes come from the call's SIP executor (the end) and from the lobby's admission
 * (the join), so they take this object's lock; nothing is called out under it.
 */
public final class RoomCall implements CallListener, MovableParticipant, SipParticipantCall {
  private static final Logger log = LoggerFactory.getLogger(RoomCall.class);

  private final String sipCallId;
  private final String trunkId;
  private final CallMedia media = new CallMedia();
  private final CallControl control;
  private final CallRegistry registry;
  private CallStage stage = new CallStage.Placing();
  /** One MoveParticipant at a time; not this object's lock, which must not be held while calling out. */
  private final Object moving = new Object();

  RoomCall(String sipCallId, String trunkId, CallControl control, CallRegistry registry) {
    this.sipCallId = sipCallId;
    this.trunkId = trunkId;
    this.control = control;
    this.registry = registry;
  }

  public String sipCallId() {
    return sipCallId;
  }

  /** The room participant, once the caller is in a room. */
  public Optional<LocalParticipant> participant() {
    return stage() instanceof CallStage.InRoom(LocalParticipant p) ? Optional.of(p) : Optional.empty();
  }

  @Override
  public String roomName() {
    return participant().map(LocalParticipant::roomName).orElse("");
  }

  @Override
  public String participantIdentity() {
    return participant().map(p -> p.info().identity()).orElse("");
  }

  /** Transfers the caller; with {@code playDialtone} they hear ringing, not the room, meanwhile. */
  @Override
  public CompletionStage<TransferOutcome> transfer(TransferRequest request) {
    log.info("transferring call_id={} room={} to={}", sipCallId, where(), request.target().uri());
    if (request.playDialtone()) {
      media.startTone();
    }
    return control.transfer(request).whenComplete((outcome, failure) -> {
      media.stopTone();
      log.info("transfer call_id={} to={} outcome={}", sipCallId, request.target().uri(),
          failure != null ? failure.toString() : outcome);
    });
  }

  @Override
  public void hangup() {
    control.hangup();
  }

  /** A key from the caller, in RTP (RFC 4733) or in a SIP INFO. */
  @Override
  public void onDtmf(DtmfDigit digit) {
    switch (stage()) {
      case CallStage.InLobby lobby -> lobby.lobby().onKey(digit);
      case CallStage.InRoom(LocalParticipant participant) -> {
        log.info("dtmf call_id={} room={} digit={}", sipCallId, participant.roomName(), digit.symbol());
        try {
          participant.publishData(new DataMessage.SipDtmf(digit.event(), String.valueOf(digit.symbol())));
        } catch (IllegalStateException left) {
          log.debug("dtmf after the caller left call_id={}", sipCallId);
        }
      }
      case CallStage.Placing p -> { }
      case CallStage.Over o -> { }
    }
  }

  /**
   * A SipDtmf from someone in the room (an agent, a client): keyed to the phone as RFC 4733, or
   * as SIP INFO when the phone negotiated no telephone-event. Other data is not for phones.
   */
  @Override
  public void onData(DataPacket packet) {
    if (!(packet.value() instanceof DataMessage.SipDtmf dtmf)) {
      return;
    }
    DtmfDigit digit;
    try {
      digit = DtmfDigit.ofSymbol(dtmf.key());
    } catch (IllegalArgumentException e) {
      log.info("ignoring SipDTMF from {} call_id={}: {}", packet.participantIdentity(), sipCallId, e.getMessage());
      return;
    }
    if (!media.sendDtmf(digit)) {
      control.sendDtmfInfo(digit);
    }
  }

  CallMedia media() {
    return media;
  }

  CallControl control() {
    return control;
  }

  synchronized void waitInLobby(PinLobby<?> lobby, LobbyTicker ticker) {
    stage = new CallStage.InLobby(lobby, ticker);
  }

  /**
   * The caller joined {@code participant}'s room. When the call ended meanwhile the participant
   * leaves again at once and this returns false.
   */
  boolean enteredRoom(LocalParticipant participant) {
    boolean over;
    synchronized (this) {
      over = stage instanceof CallStage.Over;
      if (!over) {
        stage = new CallStage.InRoom(participant);
      }
    }
    if (over) {
      participant.leave(DisconnectReason.CLIENT_INITIATED);
    }
    return !over;
  }

  @Override
  public void onAnswered(NegotiatedAudio audio) {
    switch (stage()) {
      case CallStage.InLobby lobby -> {
        log.info("call answered into the pin lobby call_id={} trunk={} codec={}", sipCallId, trunkId, audio.codec());
        lobby.lobby().answered();
      }
      case CallStage.InRoom(LocalParticipant participant) -> {
        log.info(
            "call answered call_id={} trunk={} room={} codec={} srtp={}",
            sipCallId, trunkId, participant.roomName(), audio.codec(),
            audio.srtp() == null ? "none" : audio.srtp().suite());
        participant.updateAttributes(Map.of(SipAttributes.CALL_STATUS, "active"));
      }
      case CallStage.Placing p -> { }
      case CallStage.Over o -> { }
    }
  }

  @Override
  public void onMediaChanged(NegotiatedAudio audio) {
    log.info("call media changed call_id={} room={} direction={}", sipCallId, where(), audio.direction());
  }

  @Override
  public void onEnded(CallEnd end) {
    CallStage last;
    synchronized (this) {
      last = stage;
      stage = new CallStage.Over();
    }
    log.info(
        "call ended call_id={} trunk={} room={} reason={} status={}",
        sipCallId, trunkId, where(last), end.reason(), end.sipStatus());
    registry.remove(this);
    switch (last) {
      case CallStage.InLobby(PinLobby<?> lobby, LobbyTicker ticker) -> {
        ticker.close();
        lobby.close();
      }
      case CallStage.InRoom(LocalParticipant participant) -> {
        if (participant.isConnected()) {
          participant.updateAttributes(Map.of(SipAttributes.CALL_STATUS, "hangup"));
          participant.leave(disconnectReason(end.reason()));
        }
      }
      case CallStage.Placing p -> { }
      case CallStage.Over o -> { }
    }
  }

  /**
   * RoomService MoveParticipant: the caller goes on talking in {@code destination}. The dialog
   * and RTP leg stay as they are (no re-INVITE, no BYE); only the room their audio meets changes.
   */
  @Override
  public LocalParticipant moveTo(Room destination) {
    synchronized (moving) {
      LocalParticipant from = participant().orElseThrow(
          () -> new IllegalStateException("call " + sipCallId + " is not in a room"));
      LocalParticipant to;
      try {
        to = RoomMoves.move(from, destination, this, "phone", media, media);
      } catch (IllegalStateException e) {
        if (!from.isConnected()) {
          control.hangup(); // left its room but the destination closed under it: in no room now
        }
        throw e;
      }
      if (!movedTo(from, to)) {
        to.leave(DisconnectReason.CLIENT_INITIATED); // the call ended while it moved
        throw new IllegalStateException("call " + sipCallId + " ended while it moved");
      }
      log.info("call moved call_id={} from={} to={}", sipCallId, from.roomName(), destination.name());
      return to;
    }
  }

  private synchronized boolean movedTo(LocalParticipant from, LocalParticipant to) {
    if (stage instanceof CallStage.InRoom(LocalParticipant current) && current == from) {
      stage = new CallStage.InRoom(to);
      return true;
    }
    return false;
  }

  /** The room removed the caller (RemoveParticipant, room deleted): hang up the phone. */
  @Override
  public void onDisconnected(DisconnectReason reason) {
    log.info("caller removed from room call_id={} room={} reason={}", sipCallId, where(), reason);
    control.hangup();
  }

  void onLegEvent(RtpLegEvent event) {
    switch (event) {
      case RtpLegEvent.MediaTimeout timeout -> {
        log.warn("media timeout call_id={} room={} silent_for={}", sipCallId, where(), timeout);
        control.hangup();
      }
      case RtpLegEvent.DtmfReceived dtmf -> onDtmf(dtmf.digit());
      case RtpLegEvent.SourceLocked locked -> log.debug("rtp source locked call_id={} {}", sipCallId, locked);
      case RtpLegEvent.RemoteBye bye -> log.debug("rtcp bye call_id={}", sipCallId);
    }
  }

  private synchronized CallStage stage() {
    return stage;
  }

  private String where() {
    return where(stage());
  }

  private static String where(CallStage stage) {
    return switch (stage) {
      case CallStage.InRoom(LocalParticipant participant) -> participant.roomName();
      case CallStage.InLobby lobby -> "(pin lobby)";
      case CallStage.Placing p -> "(none)";
      case CallStage.Over o -> "(none)";
    };
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
