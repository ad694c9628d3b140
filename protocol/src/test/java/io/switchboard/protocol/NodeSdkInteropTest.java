package io.switchboard.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.protocol.auth.ClaimGrants;
import io.switchboard.protocol.auth.SipGrant;
import io.switchboard.protocol.auth.TokenIssuer;
import io.switchboard.protocol.auth.TokenVerifier;
import io.switchboard.protocol.auth.VideoGrant;
import io.switchboard.protocol.twirp.TwirpException;
import io.switchboard.protocol.twirp.TwirpRequest;
import io.switchboard.protocol.twirp.TwirpResponse;
import io.switchboard.protocol.twirp.TwirpRouter;
import io.switchboard.protocol.webhook.SignedWebhook;
import io.switchboard.protocol.webhook.WebhookSigner;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.Room;
import livekit.LivekitRoom.RoomConfiguration;
import livekit.LivekitSip.CreateSIPInboundTrunkRequest;
import livekit.LivekitWebhook.WebhookEvent;

/**
 * Cross-checks against LiveKit's Node server SDK ({@code livekit-server-sdk}, pinned in
 * {@code src/test/node/package.json}). Skipped unless {@code npm install} has been run in that
 * directory and {@code node} is on the PATH. The SDK reads the wall clock and cannot be given
 * another, so tokens exchanged with it use the system clock; nothing here asserts on time.
 */
class NodeSdkInteropTest {

    private static final Path NODE_DIR = Path.of("src", "test", "node");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TokenIssuer issuer = new TokenIssuer("devkey", "secret", Clock.systemUTC());
    private final TokenVerifier verifier = new TokenVerifier(Map.of("devkey", "secret"), Clock.systemUTC());

    @TempDir
    Path temp;

    @BeforeAll
    static void requireNodeSdk() {
        // In CI the test tools are always installed first: a skip there would hide a broken setup.
        org.junit.jupiter.api.Assertions.assertTrue(System.getenv("CI") == null
                || Files.isRegularFile(NODE_DIR.resolve("node_modules/livekit-server-sdk/package.json")),
                "livekit-server-sdk missing in CI");
        assumeTrue(Files.isRegularFile(NODE_DIR.resolve("node_modules/livekit-server-sdk/package.json")),
                "livekit-server-sdk not installed: run npm install in protocol/src/test/node");
        assumeTrue(nodeRuns(), "node is not on the PATH");
    }

    @Test
    void nodeMintedTokenVerifiesWithItsGrants() throws Exception {
        ClaimGrants grants = verifier.verify(node("mint")).grants();

        assertEquals("node-agent", grants.identity());
        assertEquals("Node Agent", grants.name());
        assertEquals(ParticipantInfo.Kind.AGENT, grants.participantKind());
        assertEquals(Map.of("role", "receptionist"), grants.attributes());
        assertTrue(grants.video().roomJoin());
        assertEquals("support", grants.video().room());
        assertTrue(grants.video().agent());
        assertFalse(grants.video().canSubscribe());
        assertEquals(List.of("microphone"), grants.video().canPublishSources());
        assertEquals(new SipGrant(false, true), grants.sip());
        RoomConfiguration config = grants.roomConfig().orElseThrow();
        assertEquals(120, config.getEmptyTimeout());
        assertEquals("receptionist", config.getAgents(0).getAgentName());
    }

    @Test
    void ourTokenVerifiesWithTheNodeVerifier() throws Exception {
        String token = issuer.issue(ClaimGrants.builder().identity("sip_+15105550100").kind(ParticipantInfo.Kind.SIP)
                .attributes(Map.of("sip.callID", "SCL_1"))
                .video(VideoGrant.builder().roomJoin(true).room("support").canPublish(false).build())
                .sip(new SipGrant(true, false))
                .roomConfig(RoomConfiguration.newBuilder().setMaxParticipants(3).build())
                .build(), Duration.ofMinutes(10));

        JsonNode claims = JSON.readTree(node("verify", token));

        assertEquals("sip_+15105550100", claims.get("sub").textValue());
        assertEquals("sip", claims.get("kind").textValue());
        assertEquals("SCL_1", claims.get("attributes").get("sip.callID").textValue());
        assertTrue(claims.get("video").get("roomJoin").booleanValue());
        assertFalse(claims.get("video").get("canPublish").booleanValue());
        assertTrue(claims.get("sip").get("admin").booleanValue());
        assertEquals(3, claims.get("roomConfig").get("maxParticipants").intValue());
    }

    @Test
    void nodeWebhookReceiverAcceptsOurWebhook() throws Exception {
        WebhookEvent event = WebhookEvent.newBuilder().setEvent("room_started").setId("EV_node1")
                .setCreatedAt(1772366400L).setRoom(Room.newBuilder().setSid("RM_1").setName("support")).build();
        SignedWebhook webhook = new WebhookSigner(issuer).sign(event);
        Path body = Files.write(temp.resolve("body.json"), webhook.body());

        JsonNode received = JSON.readTree(node("webhook", body.toString(), webhook.authorization()));

        assertEquals("room_started", received.get("event").textValue());
        assertEquals("support", received.get("room").get("name").textValue());
        assertEquals("EV_node1", received.get("id").textValue());
    }

    @Test
    void nodeSipClientTalksToOurTwirpRouter() throws Exception {
        List<CreateSIPInboundTrunkRequest> received = new ArrayList<>();
        TwirpRouter router = new TwirpRouter(verifier);
        router.register("livekit.SIP", "CreateSIPInboundTrunk", CreateSIPInboundTrunkRequest.getDefaultInstance(),
                (context, request) -> {
                    if (!context.grants().sip().admin()) {
                        throw TwirpException.permissionDenied("requires SIP admin permission");
                    }
                    received.add(request);
                    return request.getTrunk().toBuilder().setSipTrunkId("ST_node1").build();
                });
        JsonNode sent = JSON.readTree(node("twirp-request"));

        TwirpResponse response = router.handle(new TwirpRequest(sent.get("path").textValue(),
                sent.get("contentType").textValue(), sent.get("authorization").textValue(),
                sent.get("body").textValue().getBytes(StandardCharsets.UTF_8)));
        JsonNode outcome = nodeSees(response);

        assertEquals(200, response.status());
        assertEquals("Twilio inbound", received.getFirst().getTrunk().getName());
        assertEquals("pass", received.getFirst().getTrunk().getAuthPassword());
        assertTrue(outcome.get("ok").booleanValue(), outcome.toString());
        assertEquals("ST_node1", outcome.get("trunk").get("sipTrunkId").textValue());
        assertEquals("54.172.60.0/30", outcome.get("trunk").get("allowedAddresses").get(0).textValue());
    }

    @Test
    void nodeSdkReadsOurTwirpErrors() throws Exception {
        JsonNode outcome = nodeSees(TwirpResponse.error(TwirpException.invalidArgument("trunk.numbers", "must not be empty")));

        assertFalse(outcome.get("ok").booleanValue());
        assertEquals(400, outcome.get("status").intValue());
        assertEquals("invalid_argument", outcome.get("code").textValue());
        assertEquals("trunk.numbers must not be empty", outcome.get("message").textValue());
        assertEquals("trunk.numbers", outcome.get("metadata").get("argument").textValue());
    }

    private JsonNode nodeSees(TwirpResponse response) throws Exception {
        Path body = Files.write(temp.resolve("response-" + System.nanoTime()), response.body());
        return JSON.readTree(node("twirp-response", Integer.toString(response.status()), response.contentType(),
                body.toString()));
    }

    private static String node(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "interop.mjs"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(NODE_DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("node " + String.join(" ", args) + " did not finish");
        }
        assertEquals(0, process.exitValue(), "node " + args[0] + " failed: " + out);
        return out;
    }

    private static boolean nodeRuns() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
