package io.switchboard.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Webhooks, as LiveKit's {@code webhook:} section: every room event is POSTed to each of
 * {@code urls}, signed with the secret of {@code apiKey} (which must be one of the configured
 * keys; it may be left out when exactly one key is configured).
 */
public record WebhookConfig(List<String> urls, String apiKey) {

  public static final WebhookConfig DEFAULTS = new WebhookConfig(null, null);

  public WebhookConfig {
    urls = urls == null ? List.of() : List.copyOf(urls);
    apiKey = apiKey == null ? "" : apiKey;
    for (int i = 0; i < urls.size(); i++) {
      parse(urls.get(i), i);
    }
  }

  /** The URLs, checked: absolute http or https. */
  public List<URI> uris() {
    List<URI> out = new ArrayList<>(urls.size());
    for (int i = 0; i < urls.size(); i++) {
      out.add(parse(urls.get(i), i));
    }
    return out;
  }

  /** The key that signs webhooks, or a message saying what to configure. */
  public String signingKey(Map<String, String> keys) throws ConfigException {
    if (!apiKey.isEmpty()) {
      if (!keys.containsKey(apiKey)) {
        throw new ConfigException("webhook.api_key '" + apiKey + "' is not one of the configured API keys", null);
      }
      return apiKey;
    }
    if (keys.size() == 1) {
      return keys.keySet().iterator().next();
    }
    throw new ConfigException(
        "webhook.api_key is required to sign webhooks when " + keys.size() + " API keys are configured", null);
  }

  private static URI parse(String url, int index) {
    String where = "webhook.urls[" + index + "] '" + url + "'";
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new IllegalArgumentException(where + " is not an http:// or https:// URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(where + " is not a URL: " + e.getMessage(), e);
    }
  }
}
