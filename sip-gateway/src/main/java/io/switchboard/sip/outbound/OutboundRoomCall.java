package io.switchboard.sip.outbound;

import io.switchboard.media.dtmf.DtmfDigit;
import io.switchboard.media.net.RtpLegEvent;
import io.switchboard.sfu.room.DataMessage;
import io.switchboard.sfu.room.DataPacket;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.MovableParticipant;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomMoves;
import io.switchboard.sip.concurrent.Scheduler;
import io.switchboard.sip.incall.SipParticipantCall;
import io.switchboard.sip.incall.TransferOutcome;
import io.switchboard.sip.incall.TransferRequest;
import io.switchboard.sip.sdp.NegotiatedAudio;
import io.switchboard.sip.transport.SipHeader;
import io.switchboard.sip.transport.SipHeaders;
import io.switchboard.trunk.match.SipAttributes;
import io.switchboard.trunk.model.IncludeHeaders;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an outbound call and its room participant in step: {@code sip.callStatus} goes dialing,
 * ringing, active, hangup (with automation while the request's DTMF goes out after the answer,
 * as LiveKit's); the far end's audio replaces the ringback at early media or answer; the call's
 * end removes the participant (with {@code sip.sipStatusCode} and {@code sip.sipStatus} when it
 * was never answered, and the carrier's own reason: {@code CarrierFailure#attributes}), and the participant's removal from the room hangs up. Keys the callee
 * presses (RFC 4733 or INFO) reach the room as SipDTMF; SipDTMF sent to the callee is keyed to
 * them; the callee can be transferred like an inbound caller.
 */
final class OutboundRoomCall implements OutboundListener, MovableParticipant, SipParticipantCall {
  private static final Logger log = LoggerFactory.getLogger(OutboundRoomCall.class);
  /** Switchboard's attributes for why an unanswered call failed, named as LiveKit's Twirp meta. */
  static final String STATUS_CODE = "sip.sipStatusCode";
  static final String STATUS = "sip.sipStatus";

  private final OutboundCallSpec spec;
  private final OutboundAudio audio;
  private final Scheduler scheduler;
  private final OutboundParticipants registry;
  private final CompletableFuture<DialOutcome> outcome = new CompletableFuture<>();
  private volatile LocalParticipant participant;
  private volatile OutboundCallHandle handle;
  private volatile boolean answered;
  private volatile boolean removedEarly;

  OutboundRoomCall(OutboundCallSpec spec, OutboundAudio audio, Scheduler scheduler, OutboundParticipants registry) {
    this.spec = spec;
    this.audio = audio;
    this.scheduler = scheduler;
    this.registry = registry;
  }

  CompletableFuture<DialOutcome> outcome() {
    return outcome;
  }

  void joined(LocalParticipant joined) {
    this.participant = joined;
    registry.add(this);
  }

  @Override
  public String roomName() {
    LocalParticipant p = participant;
    return p == null ? spec.roomName() : p.roomName(); // MoveParticipant may have taken it elsewhere
  }

  /** RoomService MoveParticipant: the callee goes on talking in {@code destination}, same dialog. */
  @Override
  public synchronized LocalParticipant moveTo(Room destination) {
    LocalParticipant from = participant;
    if (from == null || !from.isConnected()) {
      throw new IllegalStateException("the callee is not in a room");
    }
    LocalParticipant to;
    try {
      to = RoomMoves.move(from, destination, this, "phone", audio, audio);
    } catch (IllegalStateException e) {
      if (!from.isConnected()) {
        hangup(); // left its room but the destination closed under it: in no room now
      }
      throw e;
    }
    registry.remove(this); // keyed by room: re-keyed under the new one
    participant = to;
    registry.add(this);
    if (outcome.getNow(null) instanceof DialOutcome.Failed) {
      registry.remove(this);
      to.leave(DisconnectReason.CLIENT_INITIATED); // the call ended while it moved
      throw new IllegalStateException("the call ended while it moved");
    }
    log.info("callee moved from={} to={}", from.roomName(), destination.name());
    return to;
  }

  @Override
  public String participantIdentity() {
    LocalParticipant p = participant;
    return p == null ? "" : p.info().identity();
  }

  /** Transfers the callee by REFER; with {@code playDialtone} they hear ringing, not the room, meanwhile. */
  @Override
  public CompletionStage<TransferOutcome> transfer(TransferRequest request) {
    OutboundCallHandle h = handle;
    if (h == null) {
      return CompletableFuture.completedFuture(new TransferOutcome.NotPossible("the call is not placed yet"));
    }
    log.info("transferring callee room={} to={}", spec.roomName(), request.target().uri());
    if (request.playDialtone()) {
      audio.startTone();
    }
    return h.transfer(request).whenComplete((result, failure) -> {
      audio.stopTone();
      log.info("transfer room={} to={} outcome={}", spec.roomName(), request.target().uri(),
          failure != null ? failure.toString() : result);
    });
  }

  /** CANCEL or BYE; before the call is placed, as soon as it is. */
  @Override
  public void hangup() {
    OutboundCallHandle h = handle;
    if (h == null) {
      removedEarly = true;
    } else {
      h.hangup();
    }
  }

  /** The call is placed; a removal that came first hangs it up now. */
  void dialed(OutboundCallHandle placed) {
    this.handle = placed;
    if (removedEarly) {
      placed.hangup();
    }
  }

  @Override
  public void onRinging(int status) {
    update(Map.of(SipAttributes.CALL_STATUS, "ringing"));
  }

  @Override
  public void onEarlyMedia(NegotiatedAudio negotiated) {
    log.info("early media room={} codec={}", spec.roomName(), negotiated.codec());
    audio.hearFarEnd();
  }

  @Override
  public void onAnswered(NegotiatedAudio negotiated, SipHeaders headers) {
    answered = true;
    audio.hearFarEnd();
    Map<String, String> changes = new LinkedHashMap<>(headerAttributes(headers));
    DtmfScript script = DtmfScript.parse(spec.dtmf());
    changes.put(SipAttributes.CALL_STATUS, script.steps().isEmpty() ? "active" : "automation");
    update(changes);
    if (script.steps().isEmpty()) {
      outcome.complete(new DialOutcome.Answered());
    } else {
      sendDtmf(script);
    }
  }

  /** A key from the callee in a SIP INFO. */
  @Override
  public void onDtmf(DtmfDigit digit) {
    LocalParticipant p = participant;
    if (p == null || !p.isConnected()) {
      return;
    }
    log.info("dtmf room={} digit={}", spec.roomName(), digit.symbol());
    try {
      p.publishData(new DataMessage.SipDtmf(digit.event(), String.valueOf(digit.symbol())));
    } catch (IllegalStateException left) {
      log.debug("dtmf after the callee left room={}", spec.roomName());
    }
  }

  /**
   * A SipDtmf from someone in the room: keyed to the callee as RFC 4733, or as SIP INFO when the
   * callee negotiated no telephone-event. Other data is not for phones.
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
      log.info("ignoring SipDTMF from {} room={}: {}", packet.participantIdentity(), spec.roomName(), e.getMessage());
      return;
    }
    OutboundCallHandle h = handle;
    if (!answered || h == null) {
      log.info("SipDTMF from {} before the callee answered, dropped room={}", packet.participantIdentity(), spec.roomName());
      return;
    }
    try {
      audio.leg().sendDtmf(String.valueOf(digit.symbol()));
    } catch (IllegalStateException noTelephoneEvent) {
      h.sendDtmfInfo(digit);
    }
  }

  @Override
  public void onEnded(OutboundEnd end) {
    outcome.complete(new DialOutcome.Failed(end));
    registry.remove(this);
    LocalParticipant p = participant;
    if (p == null || !p.isConnected()) {
      return;
    }
    Map<String, String> changes = new LinkedHashMap<>();
    changes.put(SipAttributes.CALL_STATUS, "hangup");
    if (end.unanswered() && end.sipStatus() > 0) {
      changes.put(STATUS_CODE, Integer.toString(end.sipStatus()));
      changes.put(STATUS, end.sipReason());
      changes.putAll(end.carrier().attributes()); // the carrier's own reason (CarrierFailure)
    }
    update(changes);
    p.leave(disconnectReason(end));
  }

  /** The room removed the callee (RemoveParticipant, room deleted): hang up the phone. */
  @Override
  public void onDisconnected(DisconnectReason reason) {
    log.info("callee removed from room={} reason={}", roomName(), reason);
    hangup();
  }

  void onLegEvent(RtpLegEvent event) {
    switch (event) {
      case RtpLegEvent.MediaTimeout timeout -> {
        // Early media may stop before the answer; only a silent answered call is hung up.
        if (answered && handle != null) {
          log.warn("media timeout room={} silent_for={}", spec.roomName(), timeout.silentFor());
          handle.hangup();
        }
      }
      case RtpLegEvent.DtmfReceived dtmf -> onDtmf(dtmf.digit());
      case RtpLegEvent.SourceLocked locked -> log.debug("rtp source locked {}", locked.source());
      case RtpLegEvent.RemoteBye bye -> log.debug("rtcp bye {}", bye.reason());
    }
  }

  /** Keys the request's digits (RFC 4733, INFO without telephone-event), then the call is active. */
  private void sendDtmf(DtmfScript script) {
    for (DtmfScript.Step step : script.steps()) {
      scheduler.schedule(step.at(), () -> keyDigit(step.digit()));
    }
    scheduler.schedule(script.duration(), () -> {
      update(Map.of(SipAttributes.CALL_STATUS, "active"));
      outcome.complete(new DialOutcome.Answered());
    });
  }

  private void keyDigit(char symbol) {
    try {
      audio.leg().sendDtmf(String.valueOf(symbol));
    } catch (IllegalStateException noTelephoneEvent) {
      OutboundCallHandle h = handle;
      if (h != null) {
        h.sendDtmfInfo(DtmfDigit.ofSymbol(symbol));
      }
    } catch (IllegalArgumentException e) {
      log.warn("cannot send dtmf room={}: {}", spec.roomName(), e.getMessage());
    }
  }

  private Map<String, String> headerAttributes(SipHeaders headers) {
    Map<String, String> attrs = new LinkedHashMap<>();
    for (SipHeader header : headers.all()) {
      String lower = header.name().toLowerCase(Locale.ROOT);
      if (spec.includeHeaders() == IncludeHeaders.ALL
          || (spec.includeHeaders() == IncludeHeaders.X_HEADERS && lower.startsWith("x-"))) {
        attrs.put(SipAttributes.HEADER_PREFIX + lower, header.value());
      }
    }
    spec.headersToAttributes().forEach((name, attribute) -> headers.first(name).ifPresent(v -> attrs.put(attribute, v)));
    return attrs;
  }

  private void update(Map<String, String> changes) {
    LocalParticipant p = participant;
    if (p != null && p.isConnected()) {
      p.updateAttributes(changes);
    }
  }

  /**
   * LiveKit's reasons: USER_REJECTED for busy/declined, USER_UNAVAILABLE for no answer; a trunk rate
   * limit (CPS, concurrent calls) is SIP_TRUNK_FAILURE whatever the status, as in LiveKit's errors.go.
   */
  static DisconnectReason disconnectReason(OutboundEnd end) {
    return switch (end.reason()) {
      case REJECTED -> end.carrier().limit().isPresent() ? DisconnectReason.SIP_TRUNK_FAILURE : switch (end.sipStatus()) {
        case 486, 600, 603 -> DisconnectReason.USER_REJECTED;
        case 408, 480 -> DisconnectReason.USER_UNAVAILABLE;
        default -> DisconnectReason.SIP_TRUNK_FAILURE;
      };
      case NO_ANSWER -> DisconnectReason.USER_UNAVAILABLE;
      case UNREACHABLE, MEDIA_NEGOTIATION -> DisconnectReason.SIP_TRUNK_FAILURE;
      case REMOTE_HANGUP -> DisconnectReason.CLIENT_INITIATED;
      case CANCELLED, LOCAL_HANGUP, TRANSFERRED -> DisconnectReason.PARTICIPANT_REMOVED;
      case MAX_DURATION -> DisconnectReason.CONNECTION_TIMEOUT;
      case SERVER_STOPPED -> DisconnectReason.SERVER_SHUTDOWN;
    };
  }
}
