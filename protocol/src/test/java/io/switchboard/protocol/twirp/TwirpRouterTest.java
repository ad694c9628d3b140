package io.switchboard.protocol.twirp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.livekit.server.AccessToken;
import io.livekit.server.SIPAdmin;
import io.switchboard.protocol.auth.ClaimGrants;
import io.switchboard.protocol.auth.SipGrant;
import io.switchboard.protocol.auth.TokenIssuer;
import io.switchboard.protocol.auth.TokenVerifier;
import livekit.LivekitSip.CreateSIPInboundTrunkRequest;
import livekit.LivekitSip.CreateSIPOutboundTrunkRequest;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPMediaEncryption;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import livekit.LivekitSip.SIPTransport;

/** Twirp calls with real LiveKit SIP messages, in the encodings LiveKit's SDKs use. */
class TwirpRouterTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String INBOUND_PATH = "/twirp/livekit.SIP/CreateSIPInboundTrunk";
    private static final String OUTBOUND_PATH = "/twirp/livekit.SIP/CreateSIPOutboundTrunk";

    /** As livekit-server-sdk sends it: protobuf-es toJson(), lowerCamelCase, durations and enums as strings. */
    private static final String NODE_SDK_JSON = """
            {"trunk":{"name":"Twilio inbound","numbers":["+15105550100"],"allowedAddresses":["54.172.60.0/30"],\
            "authUsername":"user","authPassword":"pass","headersToAttributes":{"X-Customer":"customer"},\
            "ringingTimeout":"30s","maxCallDuration":"3600s","krispEnabled":true,\
            "mediaEncryption":"SIP_MEDIA_ENCRYPT_ALLOW","someFieldFromANewerSdk":{"x":1}}}""";

    private final TokenIssuer issuer = new TokenIssuer("devkey", "secret", CLOCK);
    private final TwirpRouter router = new TwirpRouter(new TokenVerifier(Map.of("devkey", "secret"), CLOCK));
    private final List<CreateSIPInboundTrunkRequest> received = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    TwirpRouterTest() {
        router.register("livekit.SIP", "CreateSIPInboundTrunk", CreateSIPInboundTrunkRequest.getDefaultInstance(),
                (context, request) -> {
                    if (!context.grants().sip().admin()) {
                        throw TwirpException.permissionDenied("requires SIP admin permission");
                    }
                    received.add(request);
                    return request.getTrunk().toBuilder().setSipTrunkId("ST_test1").build();
                });
        router.register("livekit.SIP", "CreateSIPOutboundTrunk", CreateSIPOutboundTrunkRequest.getDefaultInstance(),
                (context, request) -> request.getTrunk().toBuilder().setSipTrunkId("ST_out1").build());
    }

    private String bearer(SipGrant sip) {
        return "Bearer " + issuer.issue(ClaimGrants.builder().sip(sip).build(), Duration.ofMinutes(10));
    }

    private TwirpResponse post(String path, String contentType, String authorization, byte[] body) {
        return router.handle(new TwirpRequest(path, contentType, authorization, body));
    }

    private TwirpResponse postJson(String path, String authorization, String body) {
        return post(path, "application/json;charset=UTF-8", authorization, body.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode body(TwirpResponse response) throws Exception {
        return json.readTree(response.body());
    }

    @Test
    void camelCaseJsonFromTheNodeSdkIsDecodedAndAnsweredInSnakeCase() throws Exception {
        TwirpResponse response = postJson(INBOUND_PATH, bearer(new SipGrant(true, false)), NODE_SDK_JSON);

        assertEquals(200, response.status());
        assertEquals("application/json", response.contentType());
        SIPInboundTrunkInfo trunk = received.getFirst().getTrunk();
        assertEquals("Twilio inbound", trunk.getName());
        assertEquals(List.of("+15105550100"), trunk.getNumbersList());
        assertEquals(List.of("54.172.60.0/30"), trunk.getAllowedAddressesList());
        assertEquals("pass", trunk.getAuthPassword());
        assertEquals(Map.of("X-Customer", "customer"), trunk.getHeadersToAttributesMap());
        assertEquals(30, trunk.getRingingTimeout().getSeconds());
        assertEquals(3600, trunk.getMaxCallDuration().getSeconds());
        assertTrue(trunk.getKrispEnabled());
        assertEquals(SIPMediaEncryption.SIP_MEDIA_ENCRYPT_ALLOW, trunk.getMediaEncryption());

        JsonNode reply = body(response);
        assertEquals("ST_test1", reply.get("sip_trunk_id").textValue());
        assertEquals("30s", reply.get("ringing_timeout").textValue());
        assertEquals("SIP_MEDIA_ENCRYPT_ALLOW", reply.get("media_encryption").textValue());
        assertEquals("+15105550100", reply.get("numbers").get(0).textValue());
        assertTrue(reply.get("allowed_numbers").isArray(), "unpopulated repeated fields are emitted as []");
        assertEquals("", reply.get("metadata").textValue(), "unpopulated strings are emitted as \"\"");
        assertFalse(reply.has("allowedAddresses"), "replies use proto field names");
    }

    @Test
    void snakeCaseJsonDecodesToTheSameMessage() {
        String snake = """
                {"trunk":{"name":"Twilio inbound","numbers":["+15105550100"],"allowed_addresses":["54.172.60.0/30"],\
                "auth_username":"user","auth_password":"pass","headers_to_attributes":{"X-Customer":"customer"},\
                "ringing_timeout":"30s","max_call_duration":"3600s","krisp_enabled":true,\
                "media_encryption":"SIP_MEDIA_ENCRYPT_ALLOW"}}""";
        String auth = bearer(new SipGrant(true, false));
        assertEquals(200, postJson(INBOUND_PATH, auth, NODE_SDK_JSON).status());
        assertEquals(200, post(INBOUND_PATH, "application/json", auth, snake.getBytes(StandardCharsets.UTF_8)).status());
        assertEquals(received.get(0), received.get(1));
    }

    @Test
    void protobufRequestGetsAProtobufReply() throws Exception {
        CreateSIPInboundTrunkRequest request = CreateSIPInboundTrunkRequest.newBuilder()
                .setTrunk(SIPInboundTrunkInfo.newBuilder().setName("pbx").addNumbers("+4930123456")
                        .setRingingTimeout(com.google.protobuf.Duration.newBuilder().setSeconds(20)))
                .build();

        TwirpResponse response = post(INBOUND_PATH, "application/protobuf", bearer(new SipGrant(true, false)),
                request.toByteArray());

        assertEquals(200, response.status());
        assertEquals("application/protobuf", response.contentType());
        SIPInboundTrunkInfo reply = SIPInboundTrunkInfo.parseFrom(response.body());
        assertEquals("ST_test1", reply.getSipTrunkId());
        assertEquals("pbx", reply.getName());
        assertEquals(20, reply.getRingingTimeout().getSeconds());
        assertEquals(request, received.getFirst());
    }

    @Test
    void transportEnumByName() throws Exception {
        String body = """
                {"trunk":{"name":"out","address":"sip.telnyx.com","transport":"SIP_TRANSPORT_TLS","numbers":["+15105550100"]}}""";
        TwirpResponse response = postJson(OUTBOUND_PATH, bearer(SipGrant.NONE), body);

        assertEquals(200, response.status());
        assertEquals("SIP_TRANSPORT_TLS", body(response).get("transport").textValue());
        SIPOutboundTrunkInfo.Builder decoded = SIPOutboundTrunkInfo.newBuilder();
        com.google.protobuf.util.JsonFormat.parser().ignoringUnknownFields()
                .merge(new String(response.body(), StandardCharsets.UTF_8), decoded);
        assertEquals(SIPTransport.SIP_TRANSPORT_TLS, decoded.getTransport());
    }

    @Test
    void tokenFromTheLiveKitSdkIsAccepted() {
        AccessToken token = new AccessToken("devkey", "secret");
        token.setExpiration(Date.from(NOW.plusSeconds(600)));
        token.addSIPGrants(new SIPAdmin(true));

        assertEquals(200, postJson(INBOUND_PATH, "Bearer " + token.toJwt(), NODE_SDK_JSON).status());
    }

    @Test
    void missingOrBadTokenIsUnauthenticated() throws Exception {
        TwirpResponse missing = postJson(INBOUND_PATH, null, NODE_SDK_JSON);
        assertEquals(401, missing.status());
        assertEquals("application/json", missing.contentType());
        assertEquals("unauthenticated", body(missing).get("code").textValue());

        String foreign = new TokenIssuer("devkey", "other-secret", CLOCK)
                .issue(ClaimGrants.builder().sip(new SipGrant(true, true)).build(), Duration.ofMinutes(1));
        TwirpResponse badSignature = postJson(INBOUND_PATH, "Bearer " + foreign, NODE_SDK_JSON);
        assertEquals(401, badSignature.status());
        assertTrue(body(badSignature).get("msg").textValue().contains("signature"));

        String expired = new TokenIssuer("devkey", "secret", Clock.fixed(NOW.minusSeconds(7200), ZoneOffset.UTC))
                .issue(ClaimGrants.builder().sip(new SipGrant(true, true)).build(), Duration.ofMinutes(10));
        assertEquals(401, postJson(INBOUND_PATH, "Bearer " + expired, NODE_SDK_JSON).status());
        assertTrue(received.isEmpty(), "the method never ran");
    }

    @Test
    void methodRefusesMissingGrantWithPermissionDenied() throws Exception {
        TwirpResponse response = postJson(INBOUND_PATH, bearer(new SipGrant(false, true)), NODE_SDK_JSON);

        assertEquals(403, response.status());
        assertEquals("{\"code\":\"permission_denied\",\"msg\":\"requires SIP admin permission\"}",
                new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void badJsonIsMalformedAndNamesTheProblem() throws Exception {
        String auth = bearer(new SipGrant(true, false));

        TwirpResponse badDuration = postJson(INBOUND_PATH, auth, "{\"trunk\":{\"ringingTimeout\":\"half a minute\"}}");
        assertEquals(400, badDuration.status());
        assertEquals("malformed", body(badDuration).get("code").textValue());
        assertTrue(body(badDuration).get("msg").textValue().contains("duration"), body(badDuration).toString());

        TwirpResponse notAnArray = postJson(INBOUND_PATH, auth, "{\"trunk\":{\"numbers\":\"+15105550100\"}}");
        assertEquals("malformed", body(notAnArray).get("code").textValue());
        assertTrue(body(notAnArray).get("msg").textValue().contains("numbers"), body(notAnArray).toString());

        TwirpResponse truncated = postJson(INBOUND_PATH, auth, "{\"trunk\":{\"name\":\"x\"");
        assertEquals(400, truncated.status());

        TwirpResponse empty = postJson(INBOUND_PATH, auth, "");
        assertEquals("malformed", body(empty).get("code").textValue());
        assertTrue(body(empty).get("msg").textValue().contains("empty"));

        TwirpResponse badProtobuf = post(INBOUND_PATH, "application/protobuf", auth, new byte[] {0x0a, 0x7f, 0x01});
        assertEquals(400, badProtobuf.status());
        assertEquals("malformed", body(badProtobuf).get("code").textValue());
        assertTrue(received.isEmpty());
    }

    @Test
    void unknownMethodOrContentTypeIsABadRoute() throws Exception {
        String auth = bearer(new SipGrant(true, false));

        TwirpResponse unknown = postJson("/twirp/livekit.SIP/DeleteEverything", auth, "{}");
        assertEquals(404, unknown.status());
        assertEquals("{\"code\":\"bad_route\",\"msg\":\"no handler for path \\\"/twirp/livekit.SIP/DeleteEverything\\\"\","
                        + "\"meta\":{\"twirp_invalid_route\":\"POST /twirp/livekit.SIP/DeleteEverything\"}}",
                new String(unknown.body(), StandardCharsets.UTF_8));

        assertEquals(404, postJson("/livekit.SIP/CreateSIPInboundTrunk", auth, "{}").status());

        TwirpResponse textPlain = post(INBOUND_PATH, "text/plain", auth, "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(404, textPlain.status());
        assertEquals("bad_route", body(textPlain).get("code").textValue());
        assertTrue(body(textPlain).get("msg").textValue().contains("text/plain"));
    }

    @Test
    void failingMethodIsAnInternalError() throws Exception {
        router.register("livekit.RoomService", "ListRooms", livekit.LivekitRoom.ListRoomsRequest.getDefaultInstance(),
                (context, request) -> {
                    throw new IllegalStateException("store is closed");
                });

        TwirpResponse response = postJson("/twirp/livekit.RoomService/ListRooms", bearer(SipGrant.NONE), "{}");

        assertEquals(500, response.status());
        assertEquals("internal", body(response).get("code").textValue());
        assertEquals("store is closed", body(response).get("msg").textValue());
    }

    @Test
    void aMethodCanBeRegisteredOnlyOnce() {
        assertThrows(IllegalArgumentException.class, () -> router.register("livekit.SIP", "CreateSIPInboundTrunk",
                CreateSIPInboundTrunkRequest.getDefaultInstance(), (context, request) -> request));
    }
}
