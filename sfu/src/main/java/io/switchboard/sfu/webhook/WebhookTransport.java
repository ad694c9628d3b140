package io.switchboard.sfu.webhook;

import io.switchboard.protocol.webhook.SignedWebhook;
import java.io.IOException;
import java.net.URI;

/** Sends one webhook POST and tells its HTTP status. Blocking; called on a delivery thread. */
@FunctionalInterface
public interface WebhookTransport {
  /**
   * @throws IOException when no HTTP answer came (refused, reset, timed out): worth a retry
   */
  int post(URI url, SignedWebhook webhook) throws IOException, InterruptedException;
}
