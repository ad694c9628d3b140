package io.switchboard.sip.outbound;

import io.switchboard.media.net.RtpLegEvent;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sip.concurrent.Scheduler;
import io.switchboard.sip.sdp.NegotiatedAudio;
import io.switchboard.sip.transport.SipHeader;
import io.switchboard.sip.transport.SipHeaders;
import io.switchboard.trunk.match.SipAttributes;
import io.switchboard.trunk.model.IncludeHeaders;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an outbound call and its room participant in step: {@code sip.callStatus} goes dialing,
 * ringing, active, hangup; the far end's audio replaces the ringback at early media or answer;
 * DTMF goes out after the answer; the call's end removes the participant (with {@code
 * sip.sipStatusCode} and {@code sip.sipStatus} when it was never answered), and the
 * participant's removal from the room hangs up.
 */
final class OutboundRoomCall implements OutboundListener, ParticipantListener {
  private static final Logger log = LoggerFactory.getLogger(OutboundRoomCall.class);
  /** Switchboard's attributes for why an unanswered call failed, named as LiveKit's Twirp meta. */
  static final String STATUS_CODE = "sip.sipStatusCode";
  static final String STATUS = "sip.sipStatus";

  private final OutboundCallSpec spec;
  private final OutboundAudio audio;
  private final Scheduler scheduler;
  private final CompletableFuture<DialOutcome> outcome = new CompletableFuture<>();
  private volatile LocalParticipant participant;
  private volatile OutboundCallHandle handle;
  private volatile boolean answered;
  private volatile boolean removedEarly;

  OutboundRoomCall(OutboundCallSpec spec, OutboundAudio audio, Scheduler scheduler) {
    this.spec = spec;
    this.audio = audio;
    this.scheduler = scheduler;
  }

  CompletableFuture<DialOutcome> outcome() {
    return outcome;
  }

  void joined(LocalParticipant joined) {
    this.participant = joined;
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
    changes.put(SipAttributes.CALL_STATUS, "active");
    update(changes);
    sendDtmf();
    outcome.complete(new DialOutcome.Answered());
  }

  @Override
  public void onEnded(OutboundEnd end) {
    outcome.complete(new DialOutcome.Failed(end));
    LocalParticipant p = participant;
    if (p == null || !p.isConnected()) {
      return;
    }
    Map<String, String> changes = new LinkedHashMap<>();
    changes.put(SipAttributes.CALL_STATUS, "hangup");
    if (end.unanswered() && end.sipStatus() > 0) {
      changes.put(STATUS_CODE, Integer.toString(end.sipStatus()));
      changes.put(STATUS, end.sipReason());
    }
    update(changes);
    p.leave(disconnectReason(end));
  }

  /** The room removed the callee (RemoveParticipant, room deleted): hang up the phone. */
  @Override
  public void onDisconnected(DisconnectReason reason) {
    log.info("callee removed from room={} reason={}", spec.roomName(), reason);
    OutboundCallHandle h = handle;
    if (h == null) {
      removedEarly = true;
    } else {
      h.hangup();
    }
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
      case RtpLegEvent.DtmfReceived dtmf -> log.info("dtmf room={} digit={}", spec.roomName(), dtmf.digit().symbol());
      case RtpLegEvent.SourceLocked locked -> log.debug("rtp source locked {}", locked.source());
      case RtpLegEvent.RemoteBye bye -> log.debug("rtcp bye {}", bye.reason());
    }
  }

  private void sendDtmf() {
    DtmfScript script = DtmfScript.parse(spec.dtmf());
    for (DtmfScript.Step step : script.steps()) {
      scheduler.schedule(step.at(), () -> {
        try {
          audio.leg().sendDtmf(String.valueOf(step.digit()));
        } catch (IllegalStateException | IllegalArgumentException e) {
          log.warn("cannot send dtmf room={}: {}", spec.roomName(), e.getMessage());
        }
      });
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

  /** LiveKit's reasons: USER_REJECTED for busy/declined, USER_UNAVAILABLE for no answer. */
  static DisconnectReason disconnectReason(OutboundEnd end) {
    return switch (end.reason()) {
      case REJECTED -> switch (end.sipStatus()) {
        case 486, 600, 603 -> DisconnectReason.USER_REJECTED;
        case 408, 480 -> DisconnectReason.USER_UNAVAILABLE;
        default -> DisconnectReason.SIP_TRUNK_FAILURE;
      };
      case NO_ANSWER -> DisconnectReason.USER_UNAVAILABLE;
      case UNREACHABLE, MEDIA_NEGOTIATION -> DisconnectReason.SIP_TRUNK_FAILURE;
      case REMOTE_HANGUP -> DisconnectReason.CLIENT_INITIATED;
      case CANCELLED, LOCAL_HANGUP -> DisconnectReason.PARTICIPANT_REMOVED;
      case MAX_DURATION -> DisconnectReason.CONNECTION_TIMEOUT;
      case SERVER_STOPPED -> DisconnectReason.SERVER_SHUTDOWN;
    };
  }
}
