package io.switchboard.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.CanPublishSources;
import io.livekit.server.CanSubscribe;
import io.livekit.server.CanUpdateOwnMetadata;
import io.livekit.server.Hidden;
import io.livekit.server.RoomAdmin;
import io.livekit.server.RoomCreate;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomList;
import io.livekit.server.RoomName;
import io.livekit.server.SIPAdmin;
import io.livekit.server.SIPCall;
import livekit.LivekitAgentDispatch.RoomAgentDispatch;
import livekit.LivekitRoom.RoomConfiguration;

/** Tokens minted by LiveKit's own Java/Kotlin SDK ({@code io.livekit:livekit-server}) verify with our verifier. */
class LiveKitSdkTokenTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final TokenVerifier verifier =
            new TokenVerifier(Map.of("devkey", "secret"), Clock.fixed(NOW, ZoneOffset.UTC));

    private static AccessToken sdkToken() {
        AccessToken token = new AccessToken("devkey", "secret");
        token.setNotBefore(Date.from(NOW.minusSeconds(10)));
        token.setExpiration(Date.from(NOW.plusSeconds(3600)));
        return token;
    }

    @Test
    void participantTokenFromTheSdkGivesItsGrants() throws TokenException {
        AccessToken token = sdkToken();
        token.setIdentity("caller-1");
        token.setName("Alice");
        token.setMetadata("{\"tier\":\"gold\"}");
        token.getAttributes().put("sip.phoneNumber", "+15105550100");
        token.addGrants(new RoomJoin(true), new RoomName("support"), new CanPublish(true),
                new CanSubscribe(false), new CanPublishSources(List.of("microphone")),
                new CanUpdateOwnMetadata(true), new Hidden(true));
        token.setRoomConfiguration(RoomConfiguration.newBuilder()
                .setEmptyTimeout(300)
                .setMaxParticipants(4)
                .addAgents(RoomAgentDispatch.newBuilder().setAgentName("receptionist").setMetadata("m"))
                .build());

        VerifiedToken verified = verifier.verify(token.toJwt());

        assertEquals("devkey", verified.apiKey());
        ClaimGrants grants = verified.grants();
        assertEquals("caller-1", grants.identity());
        assertEquals("Alice", grants.name());
        assertEquals("{\"tier\":\"gold\"}", grants.metadata());
        assertEquals(Map.of("sip.phoneNumber", "+15105550100"), grants.attributes());
        VideoGrant video = grants.video();
        assertTrue(video.roomJoin());
        assertEquals("support", video.room());
        assertTrue(video.canPublish());
        assertFalse(video.canSubscribe());
        assertTrue(video.canPublishData(), "canPublishData defaults to canPublish");
        assertEquals(List.of("microphone"), video.canPublishSources());
        assertTrue(video.canPublishSource("microphone"));
        assertFalse(video.canPublishSource("camera"));
        assertTrue(video.canUpdateOwnMetadata());
        assertTrue(video.hidden());
        assertFalse(video.roomAdmin());
        assertEquals(SipGrant.NONE, grants.sip());
        RoomConfiguration config = grants.roomConfig().orElseThrow();
        assertEquals(300, config.getEmptyTimeout());
        assertEquals(4, config.getMaxParticipants());
        assertEquals("receptionist", config.getAgents(0).getAgentName());
        assertEquals(Optional.of(NOW.plusSeconds(3600)), grants.expiresAt());
        assertEquals(Optional.of(NOW.minusSeconds(10)), grants.notBefore());
    }

    @Test
    void adminTokenFromTheSdkGivesSipAndRoomAdminGrants() throws TokenException {
        AccessToken token = sdkToken();
        token.addGrants(new RoomCreate(true), new RoomList(true), new RoomAdmin(true), new RoomName("support"));
        token.addSIPGrants(new SIPAdmin(true), new SIPCall(true));

        ClaimGrants grants = verifier.verify(token.toJwt()).grants();

        assertEquals("", grants.identity());
        assertTrue(grants.video().roomCreate());
        assertTrue(grants.video().roomList());
        assertTrue(grants.video().roomAdmin());
        assertFalse(grants.video().roomJoin());
        assertEquals(new SipGrant(true, true), grants.sip());
    }

    @Test
    void canPublishDataFollowsCanPublishUnlessTheSdkSetsIt() throws TokenException {
        AccessToken listenOnly = sdkToken();
        listenOnly.setIdentity("listener");
        listenOnly.addGrants(new RoomJoin(true), new RoomName("r"), new CanPublish(false));
        VideoGrant video = verifier.verify(listenOnly.toJwt()).grants().video();
        assertFalse(video.canPublish());
        assertFalse(video.canPublishData());
        assertTrue(video.canSubscribe());

        AccessToken dataOnly = sdkToken();
        dataOnly.setIdentity("bot");
        dataOnly.addGrants(new RoomJoin(true), new RoomName("r"), new CanPublish(false), new CanPublishData(true));
        VideoGrant dataVideo = verifier.verify(dataOnly.toJwt()).grants().video();
        assertFalse(dataVideo.canPublish());
        assertTrue(dataVideo.canPublishData());
    }

    @Test
    void sdkTokenWithAnotherSecretIsRefused() {
        AccessToken token = new AccessToken("devkey", "not-the-secret");
        token.setExpiration(Date.from(NOW.plusSeconds(600)));
        token.addGrants(new RoomList(true));

        TokenException refused = TokenVerifierTest.refused(verifier, token.toJwt());

        assertEquals(TokenException.Reason.BAD_SIGNATURE, refused.reason());
    }
}
