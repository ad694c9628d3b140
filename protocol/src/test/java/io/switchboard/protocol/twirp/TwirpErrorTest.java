package io.switchboard.protocol.twirp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Error bodies byte for byte, and the HTTP status of every Twirp code (twirp errors.go). */
class TwirpErrorTest {

    private static String text(TwirpResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void invalidArgumentNamesTheFieldInMsgAndMeta() {
        TwirpResponse response = TwirpResponse.error(
                TwirpException.invalidArgument("trunk.numbers", "must contain at least one number"));

        assertEquals(400, response.status());
        assertEquals("application/json", response.contentType());
        assertEquals("{\"code\":\"invalid_argument\",\"msg\":\"trunk.numbers must contain at least one number\","
                + "\"meta\":{\"argument\":\"trunk.numbers\"}}", text(response));
    }

    @Test
    void requiredArgumentReadsLikeTwirps() {
        assertEquals("{\"code\":\"invalid_argument\",\"msg\":\"room is required\",\"meta\":{\"argument\":\"room\"}}",
                text(TwirpResponse.error(TwirpException.requiredArgument("room"))));
    }

    @Test
    void errorWithoutMetaHasNoMetaMember() {
        assertEquals("{\"code\":\"not_found\",\"msg\":\"trunk ST_abc not found\"}",
                text(TwirpResponse.error(TwirpException.notFound("trunk ST_abc not found"))));
    }

    @Test
    void metaKeysAreSortedAndMessageIsEscaped() {
        TwirpException error = new TwirpException(TwirpErrorCode.ALREADY_EXISTS, "a \"quoted\" ünïcode\nline",
                Map.of("z", "1", "a", "2"));
        assertEquals("{\"code\":\"already_exists\",\"msg\":\"a \\\"quoted\\\" ünïcode\\nline\",\"meta\":{\"a\":\"2\",\"z\":\"1\"}}",
                text(TwirpResponse.error(error)));
        assertEquals(409, TwirpResponse.error(error).status());
    }

    @Test
    void withMetaAddsAnEntry() {
        TwirpException error = TwirpException.failedPrecondition("room is full").withMeta("room", "r1");
        assertEquals("{\"code\":\"failed_precondition\",\"msg\":\"room is full\",\"meta\":{\"room\":\"r1\"}}",
                text(TwirpResponse.error(error)));
    }

    @ParameterizedTest
    @CsvSource({
            "CANCELED, canceled, 408",
            "UNKNOWN, unknown, 500",
            "INVALID_ARGUMENT, invalid_argument, 400",
            "MALFORMED, malformed, 400",
            "DEADLINE_EXCEEDED, deadline_exceeded, 408",
            "NOT_FOUND, not_found, 404",
            "BAD_ROUTE, bad_route, 404",
            "ALREADY_EXISTS, already_exists, 409",
            "PERMISSION_DENIED, permission_denied, 403",
            "UNAUTHENTICATED, unauthenticated, 401",
            "RESOURCE_EXHAUSTED, resource_exhausted, 429",
            "FAILED_PRECONDITION, failed_precondition, 412",
            "ABORTED, aborted, 409",
            "OUT_OF_RANGE, out_of_range, 400",
            "UNIMPLEMENTED, unimplemented, 501",
            "INTERNAL, internal, 500",
            "UNAVAILABLE, unavailable, 503",
            "DATA_LOSS, data_loss, 500",
    })
    void codeHasTwirpsNameAndStatus(TwirpErrorCode code, String wireName, int status) {
        TwirpResponse response = TwirpResponse.error(TwirpException.of(code, "m"));
        assertEquals(wireName, code.code());
        assertEquals(status, response.status());
        assertEquals("{\"code\":\"" + wireName + "\",\"msg\":\"m\"}", text(response));
    }
}
