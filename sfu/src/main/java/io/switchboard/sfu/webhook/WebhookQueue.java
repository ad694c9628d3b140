package io.switchboard.sfu.webhook;

import io.switchboard.protocol.webhook.WebhookSigner;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import livekit.LivekitWebhook.WebhookEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers webhooks to one URL: in order per key (the room), one POST in flight per key, keys
 * independent of each other, so a room whose deliveries are being retried holds up no other
 * room. {@link #offer} never blocks; POSTs run on the delivery executor and retries wait on the
 * timer. Like LiveKit's notifier, the first POST of an event carries in {@code num_dropped} how
 * many events were dropped since the previous one.
 */
final class WebhookQueue {
  private static final Logger log = LoggerFactory.getLogger(WebhookQueue.class);

  private final URI url;
  private final WebhookSigner signer;
  private final WebhookTransport transport;
  private final Executor deliveries;
  private final RetryTimer timer;
  private final Clock clock;
  private final WebhookPolicy policy;

  /** Per key; the head of each queue is the event being delivered. Guarded by {@code this}. */
  private final Map<String, ArrayDeque<Pending>> byKey = new HashMap<>();
  private int waiting;
  private int droppedSinceLastSend;
  private long droppedTotal;
  private long delivered;
  private boolean closed;

  private record Pending(WebhookEvent event, Instant queuedAt) {}

  WebhookQueue(
      URI url,
      WebhookSigner signer,
      WebhookTransport transport,
      Executor deliveries,
      RetryTimer timer,
      Clock clock,
      WebhookPolicy policy) {
    this.url = url;
    this.signer = signer;
    this.transport = transport;
    this.deliveries = deliveries;
    this.timer = timer;
    this.clock = clock;
    this.policy = policy;
  }

  /** Queues an event behind the others of its key. False if it was dropped: the queue is full. */
  boolean offer(String key, WebhookEvent event) {
    boolean startNow;
    synchronized (this) {
      if (closed) {
        return false;
      }
      if (waiting >= policy.queueCapacity()) {
        dropped(event, key, "the queue is full (" + policy.queueCapacity() + " events)");
        return false;
      }
      waiting++;
      ArrayDeque<Pending> queue = byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
      queue.add(new Pending(event, clock.instant()));
      startNow = queue.size() == 1;
    }
    if (startNow) {
      run(() -> start(key));
    }
    return true;
  }

  synchronized long droppedTotal() {
    return droppedTotal;
  }

  synchronized long delivered() {
    return delivered;
  }

  /** Events queued or being delivered. */
  synchronized int waiting() {
    return waiting;
  }

  /** Takes no more events and forgets the waiting ones; a POST under way finishes. */
  synchronized void close() {
    closed = true;
    byKey.clear();
    waiting = 0;
  }

  /** Begins delivering the head of {@code key}'s queue. */
  private void start(String key) {
    Pending head;
    WebhookEvent event;
    synchronized (this) {
      ArrayDeque<Pending> queue = byKey.get(key);
      if (closed || queue == null) {
        return;
      }
      head = queue.peek();
      if (!clock.instant().isBefore(head.queuedAt().plus(policy.maxAge()))) {
        dropped(head.event(), key, "it waited longer than " + policy.maxAge() + " for its turn");
        event = null;
      } else {
        event = head.event().toBuilder().setNumDropped(droppedSinceLastSend).build();
        droppedSinceLastSend = 0;
      }
    }
    if (event == null) {
      finish(key);
    } else {
      attempt(key, event, 1);
    }
  }

  private void attempt(String key, WebhookEvent event, int attempt) {
    synchronized (this) {
      if (closed) {
        return;
      }
    }
    DeliveryOutcome outcome;
    try {
      outcome = DeliveryOutcome.ofStatus(transport.post(url, signer.sign(event)));
    } catch (IOException e) {
      outcome = new DeliveryOutcome.Retryable(e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    switch (outcome) {
      case DeliveryOutcome.Delivered d -> {
        synchronized (this) {
          delivered++;
        }
        log.debug("webhook {} {} delivered to {} (HTTP {})", event.getEvent(), event.getId(), url, d.status());
        finish(key);
      }
      case DeliveryOutcome.Retryable r when attempt < policy.maxAttempts() -> {
        var delay = policy.retryDelay(attempt);
        log.info("webhook {} {} to {} failed ({}); attempt {} of {} in {} ms",
            event.getEvent(), event.getId(), url, r.why(), attempt + 1, policy.maxAttempts(), delay.toMillis());
        timer.schedule(delay, () -> run(() -> attempt(key, event, attempt + 1)));
      }
      case DeliveryOutcome.Retryable r -> {
        synchronized (this) {
          dropped(event, key, "it failed " + attempt + " times, last: " + r.why());
          droppedSinceLastSend += event.getNumDropped(); // nobody was told of those either
        }
        finish(key);
      }
      case DeliveryOutcome.Refused r -> {
        synchronized (this) {
          dropped(event, key, "the receiver refused it with HTTP " + r.status());
          droppedSinceLastSend += event.getNumDropped();
        }
        finish(key);
      }
    }
  }

  /** Removes the delivered (or abandoned) head and starts on the next event of the key. */
  private void finish(String key) {
    boolean more;
    synchronized (this) {
      ArrayDeque<Pending> queue = byKey.get(key);
      if (queue == null) {
        return;
      }
      queue.poll();
      waiting--;
      more = !queue.isEmpty();
      if (!more) {
        byKey.remove(key);
      }
    }
    if (more) {
      run(() -> start(key));
    }
  }

  /** Counts a lost event; called holding the lock. */
  private void dropped(WebhookEvent event, String key, String why) {
    droppedTotal++;
    droppedSinceLastSend++;
    log.warn("webhook {} {} for {} to {} dropped: {} ({} dropped so far)",
        event.getEvent(), event.getId(), key, url, why, droppedTotal);
  }

  private void run(Runnable task) {
    try {
      deliveries.execute(task);
    } catch (RejectedExecutionException e) {
      // Shutting down: the executor is gone, and so are the events still waiting.
      log.debug("webhook delivery to {} not started: {}", url, e.toString());
    }
  }
}
