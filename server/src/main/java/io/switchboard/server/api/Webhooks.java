package io.switchboard.server.api;

import io.switchboard.protocol.auth.TokenIssuer;
import io.switchboard.protocol.webhook.WebhookSigner;
import io.switchboard.server.config.ConfigException;
import io.switchboard.server.config.SwitchboardConfig;
import io.switchboard.sfu.room.Ids;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.webhook.HttpWebhookTransport;
import io.switchboard.sfu.webhook.RetryTimer;
import io.switchboard.sfu.webhook.RoomWebhookEvents;
import io.switchboard.sfu.webhook.WebhookNotifier;
import io.switchboard.sfu.webhook.WebhookPolicy;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code webhook:} section put to work: room events POSTed to each URL over the JDK's HTTP
 * client on virtual threads, retries waiting on a timer thread of their own. Without URLs it
 * does nothing.
 */
public final class Webhooks implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Webhooks.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final ScheduledExecutorService retryTimer;
  private final HttpWebhookTransport transport;
  private final WebhookNotifier notifier;

  private Webhooks(ScheduledExecutorService retryTimer, HttpWebhookTransport transport, WebhookNotifier notifier) {
    this.retryTimer = retryTimer;
    this.transport = transport;
    this.notifier = notifier;
  }

  /**
   * Starts sending {@code rooms}' events to the configured URLs.
   *
   * @param virtualThreads runs the POSTs
   * @throws ConfigException when URLs are set but no API key can sign for them
   */
  public static Webhooks start(SwitchboardConfig config, RoomManager rooms, Clock clock, Executor virtualThreads)
      throws ConfigException {
    List<URI> urls = config.webhook().uris();
    if (urls.isEmpty()) {
      return new Webhooks(null, null, null);
    }
    String key = config.webhook().signingKey(config.keys());
    WebhookSigner signer = new WebhookSigner(new TokenIssuer(key, config.keys().get(key), clock));
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("webhook-retries").daemon().factory());
    WebhookPolicy policy = WebhookPolicy.DEFAULTS;
    HttpWebhookTransport transport = new HttpWebhookTransport(virtualThreads, CONNECT_TIMEOUT, policy.requestTimeout());
    WebhookNotifier notifier =
        new WebhookNotifier(urls, signer, transport, virtualThreads, RetryTimer.on(timer), clock, policy,
            new RoomWebhookEvents(clock, new Ids(new SecureRandom())));
    rooms.addListener(notifier);
    log.info("webhooks to {} signed with API key {}", urls, key);
    return new Webhooks(timer, transport, notifier);
  }

  /** Sends an event that is not a room event (the egress ones) to the configured URLs, if any. */
  public void send(String roomName, livekit.LivekitWebhook.WebhookEvent event) {
    if (notifier != null) {
      notifier.send(roomName, event);
    }
  }

  /** Events dropped so far (queue full, too old, retries exhausted, refused by the receiver). */
  public long droppedTotal() {
    return notifier == null ? 0 : notifier.droppedTotal();
  }

  @Override
  public void close() {
    if (notifier != null) {
      notifier.close();
      retryTimer.shutdownNow();
      transport.close();
    }
  }
}
