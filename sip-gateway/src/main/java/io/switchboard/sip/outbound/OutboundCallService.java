package io.switchboard.sip.outbound;

import io.switchboard.media.codec.AudioCodec;
import io.switchboard.media.net.RtpLeg;
import io.switchboard.media.net.RtpLegConfig;
import io.switchboard.media.net.RtpPortAllocator;
import io.switchboard.sfu.room.Ids;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.RoomFullException;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import io.switchboard.sip.concurrent.Scheduler;
import io.switchboard.sip.inbound.MediaSession;
import io.switchboard.sip.leg.NegotiatedLeg;
import io.switchboard.sip.room.NoiseSuppression;
import io.switchboard.sip.sdp.CodecPolicy;
import io.switchboard.sip.sdp.NegotiatedAudio;
import io.switchboard.trunk.match.SipAttributes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LiveKit's CreateSIPParticipant: opens an RTP leg, joins the callee to the room as a SIP
 * participant ({@code sip.callStatus} dialing), then dials. The participant is in the room from
 * the start, as in LiveKit, so agents see the call progress.
 */
public final class OutboundCallService {
  private static final Logger log = LoggerFactory.getLogger(OutboundCallService.class);
  private static final int BIND_ATTEMPTS = 8;

  private final OutboundCalls calls;
  private final RoomManager rooms;
  private final RtpPortAllocator ports;
  private final RtpLegConfig legConfig;
  private final Executor receiveExecutor;
  private final Clock clock;
  private final String advertisedAddress;
  private final Scheduler scheduler;
  private final Ids ids;
  private final OutboundParticipants participants = new OutboundParticipants();
  private final AudioCodec opus;
  private final CodecPolicy serverCodecs;
  private final NoiseSuppression noise;

  public OutboundCallService(OutboundCalls calls, RoomManager rooms, RtpPortAllocator ports, RtpLegConfig legConfig,
      Executor receiveExecutor, Clock clock, String advertisedAddress, Scheduler scheduler, RandomGenerator random,
      AudioCodec opus) {
    this(calls, rooms, ports, legConfig, receiveExecutor, clock, advertisedAddress, scheduler, random, opus,
        CodecPolicy.defaults());
  }

  /**
   * @param serverCodecs the server's {@code sip.codecs}: every call's offer lists these, in this
   *     order (narrowed further by the call's own list, if it has one)
   */
  public OutboundCallService(OutboundCalls calls, RoomManager rooms, RtpPortAllocator ports, RtpLegConfig legConfig,
      Executor receiveExecutor, Clock clock, String advertisedAddress, Scheduler scheduler, RandomGenerator random,
      AudioCodec opus, CodecPolicy serverCodecs) {
    this(calls, rooms, ports, legConfig, receiveExecutor, clock, advertisedAddress, scheduler, random, opus,
        serverCodecs, NoiseSuppression.NONE);
  }

  /** @param noise cleans the callee's audio for requests with {@code krisp_enabled} */
  public OutboundCallService(OutboundCalls calls, RoomManager rooms, RtpPortAllocator ports, RtpLegConfig legConfig,
      Executor receiveExecutor, Clock clock, String advertisedAddress, Scheduler scheduler, RandomGenerator random,
      AudioCodec opus, CodecPolicy serverCodecs, NoiseSuppression noise) {
    this.noise = java.util.Objects.requireNonNull(noise, "noise (NoiseSuppression.NONE for none)");
    this.serverCodecs = java.util.Objects.requireNonNull(serverCodecs, "serverCodecs");
    this.calls = calls;
    this.rooms = rooms;
    this.ports = ports;
    this.legConfig = legConfig;
    this.receiveExecutor = receiveExecutor;
    this.clock = clock;
    this.advertisedAddress = advertisedAddress;
    this.scheduler = scheduler;
    this.ids = new Ids(random);
    this.opus = NegotiatedLeg.requireOpus(opus);
  }

  /**
   * @throws OutboundSetupException when no RTP port is free or the room will not take the callee
   */
  public PlacedCall place(OutboundCallSpec spec) throws OutboundSetupException {
    if (calls.isDraining()) {
      throw new OutboundSetupException(OutboundSetupException.Kind.UNAVAILABLE,
          "the server is draining: it places no new calls");
    }
    String number = spec.dial().calledUser();
    String identity = spec.identity().isEmpty() ? defaultIdentity(number, spec.hidePhoneNumber()) : spec.identity();
    String name = spec.name().isEmpty() ? (spec.hidePhoneNumber() ? "Phone" : "Phone " + number) : spec.name();
    String lkCallId = ids.next("SCL_");
    String sipCallId = calls.newCallId();

    var holder = new AtomicReference<OutboundRoomCall>();
    RtpLeg leg;
    try {
      // No RTP is due while it rings: the first-packet timeout counts from the leg's opening, so
      // it gets the ringing time on top.
      RtpLegConfig config = legConfig.withMediaTimeouts(
          legConfig.initialMediaTimeout().plus(spec.dial().ringingTimeout()), legConfig.mediaTimeout());
      leg = RtpLeg.openOnAllocatedPort(ports, config, receiveExecutor, clock, e -> {
        OutboundRoomCall call = holder.get(); // set just below; no packet is expected before our offer
        if (call != null) {
          call.onLegEvent(e);
        }
      }, BIND_ATTEMPTS);
    } catch (IOException | IllegalStateException e) {
      throw new OutboundSetupException(OutboundSetupException.Kind.UNAVAILABLE, "no RTP port for the call: " + e.getMessage());
    }
    var audio = new OutboundAudio(leg, spec.ringback() ? new RingbackTone() : null);
    if (spec.krispEnabled()) {
      noise.forCall(sipCallId, spec.trunkId(), spec.roomName()).ifPresent(audio::filterWith);
    }
    var roomCall = new OutboundRoomCall(spec, audio, scheduler, participants);
    holder.set(roomCall);
    LocalParticipant participant;
    try {
      participant = rooms.getOrCreate(spec.roomName(), RoomOptions.UNSET).join(
          new ParticipantSpec(identity, name, ParticipantKind.SIP, spec.metadata(),
              attributes(spec, lkCallId, sipCallId)), roomCall);
      roomCall.joined(participant);
      participant.publishAudio("phone", audio);
      participant.subscribeMix(audio);
    } catch (RoomFullException e) {
      leg.close();
      throw new OutboundSetupException(OutboundSetupException.Kind.ROOM_FULL, "room " + spec.roomName() + " is full");
    } catch (IllegalStateException e) {
      leg.close();
      throw new OutboundSetupException(OutboundSetupException.Kind.UNAVAILABLE,
          "room " + spec.roomName() + " closed while the callee joined");
    }
    DialPlan plan = spec.dial().withCodecs(spec.dial().codecs().within(serverCodecs));
    roomCall.dialed(calls.dial(sipCallId, plan, new LegSession(leg, audio), roomCall));
    log.info("outbound call placed call_id={} sip_call_id={} room={} identity={} to={}",
        lkCallId, sipCallId, spec.roomName(), identity, spec.hidePhoneNumber() ? "(hidden)" : number);
    return new PlacedCall(participant.info().sid(), identity, spec.roomName(), lkCallId, sipCallId, roomCall.outcome());
  }

  /** The callees in rooms now, for TransferSIPParticipant and agents' phone control. */
  public OutboundParticipants participants() {
    return participants;
  }

  private Map<String, String> attributes(OutboundCallSpec spec, String lkCallId, String sipCallId) {
    Map<String, String> attrs = new LinkedHashMap<>(spec.attributes());
    attrs.put(SipAttributes.CALL_ID, lkCallId);
    attrs.put("sip.callIDFull", sipCallId);
    attrs.put(SipAttributes.CALL_STATUS, "dialing");
    if (!spec.trunkId().isEmpty()) {
      attrs.put(SipAttributes.TRUNK_ID, spec.trunkId());
    }
    if (!spec.hidePhoneNumber()) {
      attrs.put(SipAttributes.PHONE_NUMBER, spec.dial().calledUser());
      attrs.put(SipAttributes.TRUNK_PHONE_NUMBER, spec.dial().callerUser());
      attrs.put(SipAttributes.HOSTNAME, spec.dial().target().host());
    }
    return attrs;
  }

  /** LiveKit's: {@code sip_<number>}, or {@code sip_} + 8 bytes of SHA-256 of it when hidden. */
  static String defaultIdentity(String number, boolean hidden) {
    if (!hidden) {
      return "sip_" + number;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(number.getBytes(StandardCharsets.UTF_8));
      return "sip_" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks SHA-256", e);
    }
  }

  /** The leg as the SIP call sees it: where our RTP is, and where the far end's goes. */
  private final class LegSession implements MediaSession {
    private final RtpLeg leg;
    private final NegotiatedLeg negotiated;
    private final OutboundAudio audio;

    LegSession(RtpLeg leg, OutboundAudio audio) {
      this.leg = leg;
      this.negotiated = new NegotiatedLeg(leg, opus);
      this.audio = audio;
    }

    @Override
    public String localAddress() {
      return advertisedAddress;
    }

    @Override
    public int localPort() {
      return leg.localRtpAddress().getPort();
    }

    @Override
    public void update(NegotiatedAudio audio) {
      negotiated.apply(audio);
    }

    @Override
    public void close() {
      leg.close();
    }
  }
}
