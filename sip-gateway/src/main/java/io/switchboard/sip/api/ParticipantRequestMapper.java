package io.switchboard.sip.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import io.switchboard.protocol.twirp.TwirpErrorCode;
import io.switchboard.protocol.twirp.TwirpException;
import io.switchboard.sip.outbound.DialPlan;
import io.switchboard.sip.outbound.DtmfScript;
import io.switchboard.sip.outbound.OutboundCallSpec;
import io.switchboard.sip.outbound.OutboundTarget;
import io.switchboard.sip.sdp.CodecPolicy;
import io.switchboard.sip.transport.TransportProtocol;
import io.switchboard.trunk.model.IncludeHeaders;
import io.switchboard.trunk.model.MediaEncryption;
import io.switchboard.trunk.model.OutboundTrunk;
import io.switchboard.trunk.model.SipTransport;
import io.switchboard.trunk.store.ConfigStore;
import livekit.LivekitSip.CreateSIPParticipantRequest;
import livekit.LivekitSip.SIPOutboundConfig;

/**
 * Reads a CreateSIPParticipant request into an {@link OutboundCallSpec}: the stored trunk named by
 * {@code sip_trunk_id} or the inline {@code trunk}, the caller id ({@code sip_number}, else one of
 * the trunk's numbers), headers (the trunk's, then the request's), durations and DTMF. Every
 * problem is an {@code invalid_argument} naming the field; what this server cannot do yet
 * (required SRTP) is {@code unimplemented}.
 */
final class ParticipantRequestMapper {

    /** LiveKit's default ringing timeout; the INVITE transaction lifetime (240 s) bounds ours. */
    static final Duration DEFAULT_RINGING = Duration.ofMinutes(3);
    static final Duration MAX_RINGING = Duration.ofMinutes(3);
    static final Duration DEFAULT_MAX_DURATION = Duration.ofHours(24);

    private final ConfigStore store;
    private final RandomGenerator random;

    ParticipantRequestMapper(ConfigStore store, RandomGenerator random) {
        this.store = store;
        this.random = random;
    }

    OutboundCallSpec toSpec(CreateSIPParticipantRequest r) {
        Trunk trunk = trunk(r);
        String callTo = r.getSipCallTo().strip();
        if (callTo.isEmpty()) {
            throw ApiErrors.required("sip_call_to");
        }
        requireUserPart("sip_call_to", callTo);
        String caller = r.getSipNumber().strip();
        if (caller.isEmpty()) {
            if (trunk.numbers().isEmpty()) {
                throw ApiErrors.invalidField("sip_number", "is required when the trunk has no numbers");
            }
            caller = trunk.numbers().get(random.nextInt(trunk.numbers().size()));
        }
        requireUserPart("sip_number", caller);
        if (r.getRoomName().isBlank()) {
            throw ApiErrors.required("room_name");
        }
        MediaEncryption encryption = trunk.encryption().overriddenBy(
                ApiErrors.mapping("", () -> ProtoValues.mediaEncryption(r.getMediaEncryption(), "media_encryption")));
        Duration ringing = orDefault(ProtoValues.duration(r.hasRingingTimeout(), r.getRingingTimeout()), DEFAULT_RINGING);
        if (ringing.compareTo(MAX_RINGING) > 0) {
            throw ApiErrors.invalidField("ringing_timeout", "must be at most " + MAX_RINGING.toSeconds() + "s");
        }
        Duration maxDuration = orDefault(ProtoValues.duration(r.hasMaxCallDuration(), r.getMaxCallDuration()),
                DEFAULT_MAX_DURATION);
        if (ringing.isNegative() || maxDuration.isNegative()) {
            throw ApiErrors.invalidField(ringing.isNegative() ? "ringing_timeout" : "max_call_duration", "must be positive");
        }
        try {
            DtmfScript.parse(r.getDtmf());
        } catch (IllegalArgumentException e) {
            throw ApiErrors.invalidField("dtmf", e.getMessage());
        }
        Map<String, String> headers = new LinkedHashMap<>(trunk.headers());
        headers.putAll(r.getHeadersMap());
        String displayName = r.hasDisplayName() ? r.getDisplayName() : caller;
        if (displayName.length() > 128) {
            throw ApiErrors.invalidField("display_name", "must be at most 128 characters");
        }
        DialPlan dial = new DialPlan(trunk.target(), callTo, caller, trunk.fromHost(), displayName, headers,
                trunk.username(), trunk.password(), ringing, maxDuration, CodecPolicy.defaults().withEncryption(encryption));
        IncludeHeaders include = ApiErrors.mapping("",
                () -> ProtoValues.includeHeaders(r.getIncludeHeaders(), "include_headers"));
        return new OutboundCallSpec(dial, trunk.id(), r.getRoomName(), r.getParticipantIdentity(),
                r.getParticipantName(), r.getParticipantMetadata(), r.getParticipantAttributesMap(), r.getDtmf(),
                r.getPlayDialtone() || r.getPlayRingtone(), r.getHidePhoneNumber(), trunk.headersToAttributes(),
                include, r.getKrispEnabled());
    }

    /** What the call needs of a trunk, stored or inline. */
    private record Trunk(String id, OutboundTarget target, List<String> numbers, String username, String password,
                         Map<String, String> headers, Map<String, String> headersToAttributes, String fromHost,
                         MediaEncryption encryption) {
    }

    private Trunk trunk(CreateSIPParticipantRequest r) {
        if (!r.getSipTrunkId().isEmpty()) {
            OutboundTrunk t = store.getOutboundTrunk(r.getSipTrunkId()).orElseThrow(() -> ApiErrors.notFound(
                    "outbound trunk", r.getSipTrunkId(),
                    store.getInboundTrunk(r.getSipTrunkId()).isPresent() ? "it is an inbound trunk" : ""));
            return new Trunk(t.id(), target("sip_trunk_id", t.address(), t.transport(), t.id()), t.numbers(),
                    t.authUsername(), t.authPassword(), t.headers(), t.headersToAttributes(), t.fromHost(),
                    t.mediaEncryption());
        }
        if (r.hasTrunk()) {
            SIPOutboundConfig c = r.getTrunk();
            if (c.getHostname().isBlank()) {
                throw ApiErrors.required("trunk.hostname");
            }
            SipTransport transport = ApiErrors.mapping("trunk.", () -> ProtoValues.transport(c.getTransport(), "transport"));
            return new Trunk("", target("trunk.hostname", c.getHostname(), transport, "inline"), List.of(),
                    c.getAuthUsername(), c.getAuthPassword(), Map.of(), c.getHeadersToAttributesMap(), c.getFromHost(),
                    MediaEncryption.DISABLE);
        }
        throw ApiErrors.invalidField("sip_trunk_id", "one of sip_trunk_id or trunk is required");
    }

    private static OutboundTarget target(String field, String address, SipTransport transport, String trunk) {
        TransportProtocol protocol = switch (transport) {
            case AUTO, UDP -> TransportProtocol.UDP;
            case TCP -> TransportProtocol.TCP;
            case TLS -> TransportProtocol.TLS;
        };
        try {
            OutboundTarget target = OutboundTarget.parse(address, protocol);
            return transport == SipTransport.AUTO ? target.withAutomaticTransport() : target;
        } catch (IllegalArgumentException e) {
            throw ApiErrors.invalidField(field, e.getMessage());
        }
    }

    /** A number or user, not a URI: RFC 3261 user characters only. */
    private static void requireUserPart(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) && c < 128 || "-_.!~*'()&=+$,;?/#%".indexOf(c) >= 0;
            if (!ok) {
                throw ApiErrors.invalidField(field, "must be a number or SIP user, not a URI: character '" + c
                        + "' at " + (i + 1) + " is not allowed");
            }
        }
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null ? fallback : value;
    }
}
