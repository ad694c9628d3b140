package io.switchboard.sip.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.protobuf.util.JsonFormat;

import io.switchboard.trunk.model.IncludeHeaders;
import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.InboundTrunkUpdate;
import io.switchboard.trunk.model.ListUpdate;
import io.switchboard.trunk.model.MediaEncryption;
import io.switchboard.trunk.model.OutboundTrunk;
import io.switchboard.trunk.model.OutboundTrunkUpdate;
import io.switchboard.trunk.model.SipTransport;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPInboundTrunkUpdate;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkUpdate;
import livekit.LivekitSip.SIPTransport;
import livekit.LivekitSip.SIPTrunkInfo;

/** Trunks through the mappers: every model field survives model to proto to model, and LiveKit's JSON reads as documented. */
@SuppressWarnings("deprecation") // SIPTrunkInfo, the legacy view
class TrunkMapperTest {

    static final Instant CREATED = Instant.parse("2026-03-01T12:00:00.123456789Z");
    static final Instant UPDATED = Instant.parse("2026-03-02T08:30:00Z");

    /** Every field the API can carry set to a value other than its default. */
    static InboundTrunk fullInbound() {
        return InboundTrunk.builder()
                .id("ST_inbound1").name("Twilio inbound").metadata("{\"team\":\"support\"}")
                .numbers("+15105550100", "+15105550101")
                .allowedAddresses("54.172.60.0/30", "54.244.51.0/30")
                .allowedNumbers("+14155550123")
                .authUsername("user").authPassword("pass")
                .headers(Map.of("X-Served-By", "switchboard"))
                .headersToAttributes(Map.of("X-Customer", "customer"))
                .attributesToHeaders(Map.of("customer", "X-Customer"))
                .includeHeaders(IncludeHeaders.X_HEADERS)
                .ringingTimeout(Duration.ofSeconds(30))
                .maxCallDuration(Duration.ofMinutes(90).plusMillis(250))
                .krispEnabled(true)
                .mediaEncryption(MediaEncryption.ALLOW)
                .createdAt(CREATED).updatedAt(UPDATED)
                .build();
    }

    static OutboundTrunk fullOutbound() {
        return OutboundTrunk.builder()
                .id("ST_outbound1").name("Twilio outbound").metadata("m")
                .address("mytrunk.pstn.twilio.com:5061")
                .transport(SipTransport.TLS)
                .destinationCountry("US")
                .numbers("+15105550100", "+15105550199")
                .authUsername("u").authPassword("p")
                .headers(Map.of("X-Job", "42"))
                .headersToAttributes(Map.of("X-Carrier-Id", "carrier"))
                .attributesToHeaders(Map.of("job", "X-Job"))
                .includeHeaders(IncludeHeaders.ALL)
                .mediaEncryption(MediaEncryption.REQUIRE)
                .fromHost("sip.example.com")
                .createdAt(CREATED).updatedAt(UPDATED)
                .build();
    }

    @Test
    void inboundTrunkRoundTripsEveryField() {
        InboundTrunk trunk = fullInbound();

        SIPInboundTrunkInfo proto = InboundTrunkMapper.toProto(trunk);

        assertEquals(trunk, InboundTrunkMapper.toModel(proto));
        assertEquals(30, proto.getRingingTimeout().getSeconds());
        assertEquals(5400, proto.getMaxCallDuration().getSeconds());
        assertEquals(250_000_000, proto.getMaxCallDuration().getNanos());
        assertEquals(CREATED.getEpochSecond(), proto.getCreatedAt().getSeconds());
        assertEquals(123456789, proto.getCreatedAt().getNanos());
    }

    @Test
    void inboundTrunkReadsLiveKitDocsJson() throws Exception {
        // The example of LiveKit's SIP API docs, as a client sends it.
        String json = """
                {"name":"twilio-in","numbers":["+15105550100"],
                 "allowed_addresses":["54.172.60.0/30","54.244.51.0/30"],
                 "headers_to_attributes":{"X-Customer":"customer"},
                 "include_headers":"SIP_X_HEADERS","ringing_timeout":"30s",
                 "media_encryption":"SIP_MEDIA_ENCRYPT_ALLOW"}""";
        SIPInboundTrunkInfo.Builder proto = SIPInboundTrunkInfo.newBuilder();
        JsonFormat.parser().merge(json, proto);

        InboundTrunk trunk = InboundTrunkMapper.toModel(proto.build());

        assertEquals("twilio-in", trunk.name());
        assertEquals(List.of("54.172.60.0/30", "54.244.51.0/30"), trunk.allowedAddresses());
        assertEquals(Map.of("X-Customer", "customer"), trunk.headersToAttributes());
        assertEquals(IncludeHeaders.X_HEADERS, trunk.includeHeaders());
        assertEquals(Duration.ofSeconds(30), trunk.ringingTimeout());
        assertNull(trunk.maxCallDuration(), "absent duration means the default");
        assertEquals(MediaEncryption.ALLOW, trunk.mediaEncryption());
        assertEquals("", trunk.id());
        assertNull(trunk.createdAt());
    }

    @Test
    void zeroDurationMeansDefault() {
        SIPInboundTrunkInfo proto = SIPInboundTrunkInfo.newBuilder()
                .setRingingTimeout(com.google.protobuf.Duration.getDefaultInstance()).build();

        assertNull(InboundTrunkMapper.toModel(proto).ringingTimeout());
        assertFalse(InboundTrunkMapper.toProto(InboundTrunkMapper.toModel(proto)).hasRingingTimeout());
    }

    @Test
    void outboundTrunkRoundTripsEveryField() {
        OutboundTrunk trunk = fullOutbound();

        SIPOutboundTrunkInfo proto = OutboundTrunkMapper.toProto(trunk);

        assertEquals(trunk, OutboundTrunkMapper.toModel(proto));
        assertEquals(SIPTransport.SIP_TRANSPORT_TLS, proto.getTransport());
        assertEquals("sip.example.com", proto.getFromHost());
    }

    @Test
    void unknownEnumNumberIsRefusedNamingTheField() {
        SIPOutboundTrunkInfo proto = SIPOutboundTrunkInfo.newBuilder().setTransportValue(9).build();

        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> OutboundTrunkMapper.toModel(proto));

        assertEquals("transport", e.field());
        assertTrue(e.getMessage().contains("SIP_TRANSPORT_TLS"), e.getMessage());
    }

    @Test
    void inboundUpdateMapsOnlyWhatIsPresent() {
        SIPInboundTrunkUpdate proto = SIPInboundTrunkUpdate.newBuilder()
                .setNumbers(livekit.LivekitModels.ListUpdate.newBuilder().addAdd("+15105550102").addRemove("+15105550100"))
                .setAllowedNumbers(livekit.LivekitModels.ListUpdate.newBuilder().setClear(true))
                .setName("")
                .setMediaEncryption(livekit.LivekitSip.SIPMediaEncryption.SIP_MEDIA_ENCRYPT_REQUIRE)
                .build();

        InboundTrunkUpdate update = InboundTrunkMapper.toUpdate(proto);

        assertEquals(ListUpdate.edit(List.of("+15105550102"), List.of("+15105550100")), update.numbers());
        assertNull(update.allowedAddresses());
        assertEquals(ListUpdate.clearing(), update.allowedNumbers());
        assertNull(update.authUsername());
        assertNull(update.authPassword());
        assertEquals("", update.name(), "an explicitly empty name clears it");
        assertNull(update.metadata());
        assertEquals(MediaEncryption.REQUIRE, update.mediaEncryption());

        InboundTrunk updated = update.applyTo(fullInbound());
        assertEquals(List.of("+15105550101", "+15105550102"), updated.numbers());
        assertEquals(List.of(), updated.allowedNumbers());
        assertEquals("user", updated.authUsername());
    }

    @Test
    void outboundUpdateMapsEveryOptionalField() {
        SIPOutboundTrunkUpdate proto = SIPOutboundTrunkUpdate.newBuilder()
                .setAddress("sip.telnyx.com").setTransport(SIPTransport.SIP_TRANSPORT_TCP).setDestinationCountry("DE")
                .setNumbers(livekit.LivekitModels.ListUpdate.newBuilder().addSet("+4930123456"))
                .setAuthUsername("u2").setAuthPassword("p2").setName("n2").setMetadata("m2")
                .setMediaEncryption(livekit.LivekitSip.SIPMediaEncryption.SIP_MEDIA_ENCRYPT_DISABLE)
                .setFromHost("from.example.com")
                .build();

        OutboundTrunkUpdate update = OutboundTrunkMapper.toUpdate(proto);

        assertEquals(new OutboundTrunkUpdate("sip.telnyx.com", SipTransport.TCP, "DE",
                ListUpdate.setTo(List.of("+4930123456")), "u2", "p2", "n2", "m2", MediaEncryption.DISABLE,
                "from.example.com"), update);
        assertEquals(new OutboundTrunkUpdate(null, null, null, null, null, null, null, null, null, null),
                OutboundTrunkMapper.toUpdate(SIPOutboundTrunkUpdate.getDefaultInstance()));
    }

    @Test
    void legacyViewsShowTheFirstNumberAndTheKind() {
        SIPTrunkInfo in = LegacyTrunkView.of(fullInbound());
        SIPTrunkInfo out = LegacyTrunkView.of(fullOutbound());

        assertEquals(SIPTrunkInfo.TrunkKind.TRUNK_INBOUND, in.getKind());
        assertEquals("+15105550100", in.getOutboundNumber());
        assertEquals(List.of("54.172.60.0/30", "54.244.51.0/30"), in.getInboundAddressesList());
        assertEquals(List.of("+14155550123"), in.getInboundNumbersList());
        assertEquals("user", in.getInboundUsername());
        assertEquals("pass", in.getInboundPassword());

        assertEquals(SIPTrunkInfo.TrunkKind.TRUNK_OUTBOUND, out.getKind());
        assertEquals("ST_outbound1", out.getSipTrunkId());
        assertEquals("mytrunk.pstn.twilio.com:5061", out.getOutboundAddress());
        assertEquals(SIPTransport.SIP_TRANSPORT_TLS, out.getTransport());
        assertEquals("+15105550100", out.getOutboundNumber());
        assertEquals("u", out.getOutboundUsername());
        assertEquals("p", out.getOutboundPassword());
    }
}
