/**
 * LiveKit webhook format: the body ({@link io.switchboard.protocol.webhook.WebhookEvents}) and
 * its signed {@code Authorization} header ({@link io.switchboard.protocol.webhook.WebhookSigner}).
 * Delivery and retries live elsewhere.
 */
package io.switchboard.protocol.webhook;
