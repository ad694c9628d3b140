package io.switchboard.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code webhook:} section, written as in a LiveKit config file. */
class WebhookConfigTest {
  private static SwitchboardConfig parse(String yaml) throws ConfigException {
    return new ConfigLoader().parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }

  @Test
  void readsLiveKitsWebhookSection() throws Exception {
    SwitchboardConfig c = parse("""
        keys: {APIkey1: secret1, APIkey2: secret2}
        room: {enable_remote_unmute: true}
        webhook:
          api_key: APIkey2
          urls:
            - https://example.com/livekit/webhook
            - http://10.0.0.5:8080/hooks
        """);

    assertEquals(List.of(URI.create("https://example.com/livekit/webhook"), URI.create("http://10.0.0.5:8080/hooks")),
        c.webhook().uris());
    assertEquals("APIkey2", c.webhook().signingKey(c.keys()));
    assertTrue(c.room().enableRemoteUnmute());
  }

  @Test
  void aUrlThatIsNotHttpIsRefusedByIndex() {
    var e = assertThrows(ConfigException.class, () -> parse("webhook: {urls: [https://ok.example/h, 'ftp://x/y']}"));
    assertTrue(e.getMessage().contains("webhook.urls[1] 'ftp://x/y'"), e.getMessage());
  }

  @Test
  void theSigningKeyMustBeAConfiguredKey() {
    var unknown = new WebhookConfig(List.of("https://example.com/h"), "nope");
    var e = assertThrows(ConfigException.class, () -> unknown.signingKey(Map.of("APIkey1", "s")));
    assertTrue(e.getMessage().contains("webhook.api_key 'nope'"), e.getMessage());

    var unnamed = new WebhookConfig(List.of("https://example.com/h"), null);
    assertThrows(ConfigException.class, () -> unnamed.signingKey(Map.of("a", "1", "b", "2")));
  }

  @Test
  void theOnlyKeySignsWhenNoneIsNamed() throws Exception {
    assertEquals("devkey", new WebhookConfig(List.of("https://example.com/h"), "").signingKey(Map.of("devkey", "secret")));
  }
}
