package io.switchboard.sfu.webhook;

import io.switchboard.protocol.webhook.WebhookSigner;
import io.switchboard.sfu.room.RoomEvent;
import io.switchboard.sfu.room.RoomEventListener;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Sends room events as LiveKit webhooks to every configured URL. Register it with
 * {@code RoomManager.addListener}: {@link #onEvent} only maps and queues, never waits on the
 * network, so room operations are never held up by a slow receiver.
 */
public final class WebhookNotifier implements RoomEventListener, AutoCloseable {
  private final RoomWebhookEvents events;
  private final List<WebhookQueue> queues;

  /**
   * @param deliveries runs the blocking POSTs (virtual threads in production)
   * @param timer waits between retries
   */
  public WebhookNotifier(
      List<URI> urls,
      WebhookSigner signer,
      WebhookTransport transport,
      Executor deliveries,
      RetryTimer timer,
      Clock clock,
      WebhookPolicy policy,
      RoomWebhookEvents events) {
    this.events = events;
    this.queues =
        urls.stream()
            .map(url -> new WebhookQueue(url, signer, transport, deliveries, timer, clock, policy))
            .toList();
  }

  @Override
  public void onEvent(RoomEvent event) {
    events.of(event).ifPresent(hook -> queues.forEach(q -> q.offer(event.room().name(), hook)));
  }

  /** Sends an event that is not a room event (egress_started, say) to every URL, queued by room. */
  public void send(String roomName, livekit.LivekitWebhook.WebhookEvent hook) {
    queues.forEach(q -> q.offer(roomName, hook));
  }

  /** Events dropped so far, over all URLs (queue full, too old, retries exhausted, refused). */
  public long droppedTotal() {
    return queues.stream().mapToLong(WebhookQueue::droppedTotal).sum();
  }

  /** Events delivered so far, over all URLs. */
  public long delivered() {
    return queues.stream().mapToLong(WebhookQueue::delivered).sum();
  }

  @Override
  public void close() {
    queues.forEach(WebhookQueue::close);
  }
}
