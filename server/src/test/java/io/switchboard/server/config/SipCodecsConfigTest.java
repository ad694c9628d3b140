package io.switchboard.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchboard.sip.sdp.CodecPolicy;
import io.switchboard.sip.sdp.SdpCodec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sip.codecs} as a user writes it in the YAML file, and the start-up error for a bad one. */
class SipCodecsConfigTest {
  private final ConfigLoader loader = new ConfigLoader();

  private SwitchboardConfig parse(String yaml) throws ConfigException {
    return loader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "switchboard.yaml");
  }

  @Test
  void unsetMeansTodaysListOpusG722PcmuPcma() throws Exception {
    SipConfig sip = parse("sip: {port: 5060}\n").sip();
    assertEquals(List.of("opus", "g722", "pcmu", "pcma"), sip.codecs());
    assertEquals(CodecPolicy.defaults(), sip.codecPolicy());
  }

  @Test
  void g711OnlyInTheUsersCaseAndOrder() throws Exception {
    SipConfig sip = parse("sip:\n  codecs: [PCMA, pcmu]\n").sip();
    assertEquals(List.of("pcma", "pcmu"), sip.codecs());
    assertEquals(List.of(SdpCodec.PCMA, SdpCodec.PCMU), sip.codecPolicy().allowed());
  }

  @Test
  void anUnknownCodecFailsStartUpNamingTheValueAndTheAllowedOnes() {
    var e = assertThrows(ConfigException.class, () -> parse("sip:\n  codecs: [pcmu, G729]\n"));
    assertEquals("invalid value for 'sip' in switchboard.yaml: sip.codecs: unknown codec 'G729'; "
        + "allowed: [opus, g722, pcmu, pcma]", e.getMessage());
  }

  @Test
  void anEmptyListFailsStartUp() {
    var e = assertThrows(ConfigException.class, () -> parse("sip:\n  codecs: []\n"));
    assertEquals("invalid value for 'sip' in switchboard.yaml: sip.codecs is empty: list at least one of "
        + "[opus, g722, pcmu, pcma]", e.getMessage());
  }
}
