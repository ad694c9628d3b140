package io.switchboard.sfu.webhook;

import io.switchboard.protocol.webhook.SignedWebhook;
import io.switchboard.protocol.webhook.WebhookEvents;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * POSTs webhooks with the JDK's HTTP client, headers as LiveKit's notifier sets them:
 * {@code Authorization} (the bare signed token), {@code Content-Type: application/webhook+json},
 * {@code User-Agent: LiveKit}. Redirects are not followed, as a webhook body must not be re-sent
 * somewhere the operator did not configure.
 */
public final class HttpWebhookTransport implements WebhookTransport, AutoCloseable {
  private final HttpClient client;
  private final Duration requestTimeout;

  /** @param executor runs the client's own tasks (virtual threads in production) */
  public HttpWebhookTransport(Executor executor, Duration connectTimeout, Duration requestTimeout) {
    this.client =
        HttpClient.newBuilder()
            .executor(executor)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.requestTimeout = requestTimeout;
  }

  @Override
  public int post(URI url, SignedWebhook webhook) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(requestTimeout)
            .header("Authorization", webhook.authorization())
            .header("Content-Type", webhook.contentType())
            .header("User-Agent", WebhookEvents.USER_AGENT)
            .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Aborts POSTs still under way: shutting down must not wait on a slow receiver. */
  @Override
  public void close() {
    client.shutdownNow();
  }
}
