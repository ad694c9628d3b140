package io.switchboard.sip.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.switchboard.media.testing.MutableClock;
import io.switchboard.sip.pin.PinVerdict;
import io.switchboard.trunk.match.Dispatch;
import io.switchboard.trunk.match.DispatchEvaluator;
import io.switchboard.trunk.match.InboundCall;
import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.RoomRule;
import io.switchboard.trunk.store.FileConfigStore;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second evaluation, with the keyed PIN, against rules in a real store. */
class PinRulesTest {
  private static final InboundCall CALL =
      new InboundCall("+15550199", "+15105550123", InetAddress.getLoopbackAddress(), "carrier.example");

  @TempDir Path dir;
  private FileConfigStore store;
  private PinRules rules;
  private InboundTrunk trunk;
  private DispatchRule vault;

  @BeforeEach
  void store() throws Exception {
    store = new FileConfigStore(dir, new MutableClock(Instant.parse("2026-03-01T12:00:00Z")));
    rules = new PinRules(store, new DispatchEvaluator(new SplittableRandom(7)));
    trunk = store.createInboundTrunk(InboundTrunk.builder().name("carrier").numbers("+15550199").build());
    vault = store.createDispatchRule(
        DispatchRule.builder().name("vault").rule(new RoomRule.Direct("vault", "1234")).trunkIds(trunk.id()).build());
    store.createDispatchRule(
        DispatchRule.builder().name("annex").rule(new RoomRule.Direct("annex", "5678")).trunkIds(trunk.id()).build());
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Dispatch.Route admitted(String digits) {
    var verdict = assertInstanceOf(PinVerdict.Admit.class, rules.check(trunk, CALL, digits), digits);
    return (Dispatch.Route) verdict.destination();
  }

  @Test
  void eachPinOpensItsOwnRoomWithTheUsualAttributes() {
    Dispatch.Route route = admitted("1234");
    assertEquals("vault", route.roomName());
    assertEquals(vault.id(), route.ruleId());
    assertEquals("sip_+15105550123", route.participant().identity());
    assertEquals(vault.id(), route.participant().attributes().get("sip.ruleID"));
    assertEquals(trunk.id(), route.participant().attributes().get("sip.trunkID"));
    assertEquals("+15105550123", route.participant().attributes().get("sip.phoneNumber"));
    assertEquals("annex", admitted("5678").roomName());
  }

  @Test
  void aPinNoRuleHasIsRefused() {
    assertInstanceOf(PinVerdict.Refuse.class, rules.check(trunk, CALL, "0000"));
    assertInstanceOf(PinVerdict.Refuse.class, rules.check(trunk, CALL, "12345"), "a longer PIN is a different PIN");
  }

  @Test
  void hashAloneOpensOnlyAnOpenRule() {
    assertInstanceOf(PinVerdict.Refuse.class, rules.check(trunk, CALL, ""), "no open rule yet");
    store.createDispatchRule(
        DispatchRule.builder().name("hall").rule(new RoomRule.Direct("hall", "")).trunkIds(trunk.id()).build());
    assertEquals("hall", admitted("").roomName());
  }

  @Test
  void theRulesAreReadWhenThePinIsKeyed() {
    store.deleteDispatchRule(vault.id());
    assertInstanceOf(PinVerdict.Refuse.class, rules.check(trunk, CALL, "1234"));
  }
}
