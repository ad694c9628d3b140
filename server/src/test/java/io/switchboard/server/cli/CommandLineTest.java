package io.switchboard.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.server.config.ConfigException;
import io.switchboard.server.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
  private final ConfigResolver resolver = new ConfigResolver(new ConfigLoader());

  @Test
  void devUsesTheDevKeyPairAndDefaults() throws Exception {
    var config = resolver.resolve(CommandLine.parse("dev"), Map.of());
    assertEquals(Map.of("devkey", "secret"), config.keys());
    assertEquals(7880, config.port());
    assertEquals(5060, config.sip().port());
    assertEquals(10000, config.rtp().portRangeStart());
    assertTrue(config.development());
  }

  @Test
  void flagsOverrideTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sb.yaml");
    Files.writeString(file, "port: 9000\nkeys: {k: s}\nsip: {port: 5070}\n");
    var config =
        resolver.resolve(
            CommandLine.parse(
                "--config", file.toString(), "--http-port", "9100", "--sip-port=5090",
                "--rtp-ports", "20000-20100", "--bind", "127.0.0.1", "--data-dir", "/tmp/x"),
            Map.of());
    assertEquals(9100, config.port());
    assertEquals(5090, config.sip().port());
    assertEquals(20000, config.rtp().portRangeStart());
    assertEquals(20100, config.rtp().portRangeEnd());
    assertEquals("127.0.0.1", config.bindAddress());
    assertEquals("/tmp/x", config.dataDir());
    assertEquals(Map.of("k", "s"), config.keys());
  }

  @Test
  void productionWithoutKeysSaysWhatToSet(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sb.yaml");
    Files.writeString(file, "port: 9000\n");
    var e =
        assertThrows(
            ConfigException.class,
            () -> resolver.resolve(CommandLine.parse("--config", file.toString()), Map.of()));
    assertTrue(e.getMessage().contains("LIVEKIT_API_KEY"), e.getMessage());
  }

  @Test
  void badArgumentsAreNamed() {
    assertTrue(
        assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse("dev", "--sip-port", "x"))
            .getMessage()
            .contains("--sip-port"));
    assertTrue(
        assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse("--frobnicate"))
            .getMessage()
            .contains("--frobnicate"));
    assertThrows(CommandLine.UsageException.class, CommandLine::parse);
    assertThrows(
        ConfigException.class,
        () -> resolver.resolve(CommandLine.parse("dev", "--rtp-ports", "20000"), Map.of()));
  }
}
