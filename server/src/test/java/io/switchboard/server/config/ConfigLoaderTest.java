package io.switchboard.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private final ConfigLoader loader = new ConfigLoader();

  private SwitchboardConfig parse(String yaml) throws ConfigException {
    return loader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }

  @Test
  void referenceFileDocumentsExactlyTheDefaults() throws Exception {
    SwitchboardConfig reference = loader.load(Path.of("../docs/config-reference.yaml"));
    assertEquals(SwitchboardConfig.defaults(), reference);
  }

  @Test
  void emptyFileGivesDefaults() throws Exception {
    assertEquals(SwitchboardConfig.defaults(), parse(""));
  }

  @Test
  void unknownKeyIsNamedWithItsPath() {
    var e = assertThrows(ConfigException.class, () -> parse("sip:\n  port: 5070\n  prot: udp\n"));
    assertTrue(e.getMessage().contains("'sip.prot'"), e.getMessage());
  }

  @Test
  void badValueNamesTheKey() {
    var e = assertThrows(ConfigException.class, () -> parse("rtp:\n  media_timeout: soon\n"));
    assertTrue(e.getMessage().contains("rtp.media_timeout"), e.getMessage());
  }

  @Test
  void readsSnakeCaseKeysAndGoDurations() throws Exception {
    var c =
        parse(
            """
            port: 7881
            keys: {k1: s1}
            sip: {port: 5080, external_address: 203.0.113.7}
            rtp: {port_range_start: 30000, port_range_end: 30100, media_timeout: 1m30s}
            room: {empty_timeout: 60}
            """);
    assertEquals(7881, c.port());
    assertEquals(Map.of("k1", "s1"), c.keys());
    assertEquals(5080, c.sip().port());
    assertEquals("203.0.113.7", c.sip().externalAddress());
    assertEquals(30000, c.rtp().portRangeStart());
    assertEquals(Duration.ofSeconds(90), c.rtp().mediaTimeout());
    assertEquals(60, c.room().emptyTimeout());
  }

  @Test
  void agentsAreNamedClassesWithTheirRuntime() throws Exception {
    var c =
        parse(
            """
            agents: {receptionist: com.example.Receptionist}
            agent_runtime: {classpath: [agents/classes], noise_suppression: rnnoise}
            """);
    assertEquals(Map.of("receptionist", "com.example.Receptionist"), c.agents());
    assertEquals(java.util.List.of("agents/classes"), c.agentRuntime().classpath());
    assertTrue(c.agentRuntime().rnnoise());
    var unknown = assertThrows(ConfigException.class, () -> parse("agent_runtime:\n  stt: whisper\n"));
    assertTrue(unknown.getMessage().contains("'agent_runtime.stt'"), unknown.getMessage());
    var bad = assertThrows(ConfigException.class, () -> parse("agent_runtime:\n  noise_suppression: krisp\n"));
    assertTrue(bad.getMessage().contains("agent_runtime") && bad.getMessage().contains("'none' or 'rnnoise', not 'krisp'"),
        bad.getMessage());
  }

  @Test
  void durationsInGoForm() {
    assertEquals(Duration.ofMillis(500), DurationText.parse("500ms"));
    assertEquals(Duration.ofMinutes(90), DurationText.parse("1h30m"));
    assertEquals(Duration.ofSeconds(20), DurationText.parse("20"));
    assertThrows(IllegalArgumentException.class, () -> DurationText.parse("5 minutes"));
  }

  @Test
  void environmentKeys() throws Exception {
    assertEquals(
        Map.of("k", "s"),
        ConfigLoader.keysFromEnvironment(Map.of("LIVEKIT_API_KEY", "k", "LIVEKIT_API_SECRET", "s")));
    assertEquals(
        Map.of("a", "1", "b", "2"),
        ConfigLoader.keysFromEnvironment(Map.of("LIVEKIT_KEYS", "a: 1, b: 2")));
    assertThrows(
        ConfigException.class,
        () -> ConfigLoader.keysFromEnvironment(Map.of("LIVEKIT_API_KEY", "k")));
  }

  @Test
  void agentTurnsAreReadAndCheckedTogether() throws Exception {
    SwitchboardConfig config = parse("agent_turns:\n  max_endpointing_delay: 3s\n  false_interruption_timeout: 1m\n");
    assertEquals(java.time.Duration.ofSeconds(3), config.agentTurns().turnHandling().endpointing().maxDelay());
    assertEquals(java.time.Duration.ofMinutes(1), config.agentTurns().turnHandling().interruption().falseInterruptionTimeout());
    var e = assertThrows(ConfigException.class, () -> parse("agent_turns:\n  max_endpointing_delay: 300ms\n"));
    assertTrue(e.getMessage().contains("agent_turns") && e.getMessage().contains("max delay"), e.getMessage());
  }

  @Test
  void rtcSectionGivesIceServersWithCredentialsAndItsOwnPorts() throws Exception {
    var c = parse("""
        rtc:
          ice_servers:
            - urls: ["stun:stun.example.com:3478"]
            - {urls: ["turn:turn.example.com:3478?transport=udp"], username: alice, credential: s3cret}
          node_ip: 192.0.2.10
          port_range_start: 50000
          port_range_end: 50100
        """);
    assertEquals(2, c.rtc().iceServers().size());
    assertEquals("alice", c.rtc().iceServers().get(1).username());
    assertEquals("s3cret", c.rtc().iceServers().get(1).credential());
    assertEquals("192.0.2.10", c.rtc().nodeIp());
    assertEquals(50000, c.rtc().portRangeStart());
    assertTrue(SwitchboardConfig.defaults().rtc().sharesRtpPorts(), "by default WebRTC uses the rtp range");
  }

  @Test
  void iceTcpIsOnAt7881LikeLiveKitAndCanBeMovedOrTurnedOff() throws Exception {
    assertEquals(7881, SwitchboardConfig.defaults().rtc().tcpPort());
    assertEquals(7900, parse("rtc:\n  tcp_port: 7900\n").rtc().tcpPort());
    assertFalse(parse("rtc:\n  tcp_port: -1\n").rtc().offersTcp());
    var e = assertThrows(ConfigException.class, () -> parse("rtc:\n  tcp_port: 70000\n"));
    assertTrue(e.getMessage().contains("rtc.tcp_port") && e.getMessage().contains("-1 to turn ICE-TCP off"), e.getMessage());
  }

  @Test
  void oneSharedUdpPortIsOptIn() throws Exception {
    assertFalse(SwitchboardConfig.defaults().rtc().sharesOneUdpPort(), "by default a port per connection");
    assertEquals(7882, parse("rtc:\n  udp_port: 7882\n").rtc().udpPort());
    var e = assertThrows(ConfigException.class, () -> parse("rtc:\n  udp_port: -5\n"));
    assertTrue(e.getMessage().contains("rtc.udp_port"), e.getMessage());
  }

  @Test
  void turnWithoutCredentialsIsNamed() {
    var e = assertThrows(ConfigException.class,
        () -> parse("rtc:\n  ice_servers: [{urls: [\"turn:turn.example.com\"]}]\n"));
    assertTrue(e.getMessage().contains("username and credential"), e.getMessage());
  }
}
