package io.switchboard.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@code egress:} section, with an S3 bucket as LiveKit's egress config writes one. */
class EgressConfigTest {
  private static SwitchboardConfig parse(String yaml) throws ConfigException {
    return new ConfigLoader().parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }

  @Test
  void readsADirectoryAndABucket() throws Exception {
    SwitchboardConfig c = parse("""
        egress:
          directory: /var/recordings
          s3:
            endpoint: http://minio:9000
            region: eu-west-1
            bucket: calls
            access_key: AK
            secret: SK
            force_path_style: true
        """);
    assertEquals("/var/recordings", c.egress().directory());
    S3Config s3 = c.egress().s3();
    assertTrue(s3.configured());
    assertEquals(new S3Config("http://minio:9000", "eu-west-1", "calls", "AK", "SK", true), s3);
    assertFalse(s3.toString().contains("SK"), "no secret in logs: " + s3);
  }

  @Test
  void byDefaultRecordingsStayLocal() {
    assertFalse(SwitchboardConfig.defaults().egress().s3().configured());
    assertEquals("", SwitchboardConfig.defaults().egress().directory());
  }

  @Test
  void aBucketWithoutKeysIsRefused() {
    ConfigException e = assertThrows(ConfigException.class, () -> parse("egress: {s3: {bucket: calls}}"));
    assertTrue(e.getMessage().contains("access_key and secret"), e.getMessage());
  }
}
