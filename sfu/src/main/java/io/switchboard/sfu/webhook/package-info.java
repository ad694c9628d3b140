/**
 * LiveKit webhooks for room events: {@link io.switchboard.sfu.webhook.WebhookNotifier} listens to
 * the rooms, {@link io.switchboard.sfu.webhook.RoomWebhookEvents} makes LiveKit's
 * {@code WebhookEvent}s, and one queue per URL delivers them signed (protocol's
 * {@code WebhookSigner}), in order per room, with retries and backoff
 * ({@link io.switchboard.sfu.webhook.WebhookPolicy}) and without ever blocking a room.
 */
package io.switchboard.sfu.webhook;
