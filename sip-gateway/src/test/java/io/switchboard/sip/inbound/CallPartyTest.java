package io.switchboard.sip.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallPartyTest {
  @ParameterizedTest(name = "user ''{0}'' -> number ''{1}''")
  @CsvSource({
      "+15105550100, +15105550100",
      "+1-510-555-0100, +15105550100",
      "(510) 555.0100, 5105550100",
      "15105550100;npdi;rn=+15105550000, 15105550100",
      "alice, ''",
      "anonymous, ''",
      "+, ''",
      "'', ''",
  })
  void numberDropsVisualSeparatorsAndUserParameters(String user, String number) {
    assertEquals(number, new CallParty("", "sip:" + user + "@example.com", user).number());
  }
}
