package io.switchboard.agent.openai;

import java.net.URI;

/**
 * A provider failed: its message names the provider, the URL and the HTTP status (0 when no
 * response came: connection refused, timeout, a broken stream). It never carries the API key.
 */
public final class OpenAiException extends RuntimeException {
  private final String provider;
  private final URI url;
  private final int status;

  OpenAiException(String provider, URI url, int status, String problem, Throwable cause) {
    super(provider + " at " + url + (status > 0 ? " answered HTTP " + status : "") + ": " + problem, cause);
    this.provider = provider;
    this.url = url;
    this.status = status;
  }

  public String provider() {
    return provider;
  }

  public URI url() {
    return url;
  }

  /** The HTTP status, or 0 when there was none. */
  public int status() {
    return status;
  }

  /** Whether trying again later may succeed (rate limits, server errors, timeouts). */
  public boolean retryable() {
    return status == 0 || status == 408 || status == 429 || status >= 500;
  }
}
