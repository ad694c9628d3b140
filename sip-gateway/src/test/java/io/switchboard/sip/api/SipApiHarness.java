package io.switchboard.sip.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.protocol.auth.ClaimGrants;
import io.switchboard.protocol.auth.SipGrant;
import io.switchboard.protocol.auth.TokenIssuer;
import io.switchboard.protocol.auth.TokenVerifier;
import io.switchboard.protocol.twirp.TwirpRequest;
import io.switchboard.protocol.twirp.TwirpResponse;
import io.switchboard.protocol.twirp.TwirpRouter;
import io.switchboard.trunk.store.FileConfigStore;

/**
 * The SIP service on a router with a real {@link FileConfigStore} in a temporary directory, called
 * with JSON bodies and Bearer tokens as an SDK calls it. The clock only moves when a test says so.
 */
final class SipApiHarness implements AutoCloseable {

    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    final SteppingClock clock = new SteppingClock(START);
    final FileConfigStore store;
    final TwirpRouter router;
    private final TokenIssuer issuer = new TokenIssuer("devkey", "secret", clock);
    private final ObjectMapper json = new ObjectMapper();

    SipApiHarness(Path dir) {
        try {
            store = new FileConfigStore(dir, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        router = new TwirpRouter(new TokenVerifier(Map.of("devkey", "secret"), clock));
        new SipApiService(store).register(router);
    }

    String token(SipGrant sip) {
        return issuer.issue(ClaimGrants.builder().identity("admin").sip(sip).build(), Duration.ofMinutes(10));
    }

    /** A successful call's JSON reply; fails the test on any other outcome. */
    JsonNode ok(String method, String body) {
        Reply reply = call(method, body);
        assertEquals(200, reply.status(), () -> method + " failed: " + reply.json());
        return reply.json();
    }

    Reply call(String method, String body) {
        return call(method, body, token(new SipGrant(true, false)));
    }

    Reply call(String method, String body, String token) {
        TwirpResponse response = router.handle(new TwirpRequest("/twirp/livekit.SIP/" + method, "application/json",
                "Bearer " + token, body.getBytes(StandardCharsets.UTF_8)));
        try {
            return new Reply(response.status(), json.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        store.close();
    }

    /** A Twirp reply as a client sees it. */
    record Reply(int status, JsonNode json) {
        String code() {
            return json.path("code").asText();
        }

        String msg() {
            return json.path("msg").asText();
        }

        String meta(String key) {
            return json.path("meta").path(key).asText();
        }
    }

    /** A clock that stands still until {@link #advance} moves it. */
    static final class SteppingClock extends Clock {
        private Instant now;

        SteppingClock(Instant start) {
            now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
