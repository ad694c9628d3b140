package io.switchboard.protocol.webhook;

import java.nio.charset.StandardCharsets;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

import livekit.LivekitWebhook.WebhookEvent;

/**
 * The body of a LiveKit webhook: the {@link WebhookEvent} as proto3 JSON with lowerCamelCase
 * names and unpopulated fields left out, as Go's {@code protojson.Marshal} writes it
 * ({@code protocol/webhook/url_notifier.go}). The receiver hashes these exact bytes.
 */
public final class WebhookEvents {

    /** LiveKit's webhook Content-Type. */
    public static final String CONTENT_TYPE = "application/webhook+json";
    /** LiveKit's webhook User-Agent. */
    public static final String USER_AGENT = "LiveKit";

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private WebhookEvents() {
    }

    public static byte[] toJson(WebhookEvent event) {
        try {
            return PRINTER.print(event).getBytes(StandardCharsets.UTF_8);
        } catch (InvalidProtocolBufferException e) {
            // Only google.protobuf.Any without a type registry can fail, and WebhookEvent has none.
            throw new IllegalArgumentException("webhook event cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
