package io.switchboard.protocol.twirp;

import java.util.Objects;

/**
 * What to send back: status, exact {@code Content-Type} value, body bytes.
 * Error bodies are always JSON with {@code Content-Type: application/json} and no charset
 * parameter, because livekit-server-sdk compares that header with {@code ===}.
 */
public record TwirpResponse(int status, String contentType, byte[] body) {

    public static final String JSON = "application/json";
    public static final String PROTOBUF = "application/protobuf";

    public TwirpResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    /** The response for a Twirp error, e.g. for a non-POST request the router never sees. */
    public static TwirpResponse error(TwirpException error) {
        return new TwirpResponse(error.code().httpStatus(), JSON, TwirpErrorJson.render(error));
    }
}
