package io.switchboard.trunk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelRecordsTest {

    @Test
    void nullsBecomeEmptyAndDefaults() {
        InboundTrunk t = new InboundTrunk(null, null, null, null, null, null, null, null, null, null, null, null,
                null, Duration.ZERO, null, false, null, null, null);
        assertEquals("", t.id());
        assertEquals(List.of(), t.numbers());
        assertEquals(Map.of(), t.headers());
        assertEquals(IncludeHeaders.NONE, t.includeHeaders());
        assertEquals(MediaEncryption.DISABLE, t.mediaEncryption());
        assertNull(t.ringingTimeout(), "a zero duration means the default, as in protobuf");
        OutboundTrunk o = OutboundTrunk.builder().transport(null).build();
        assertEquals(SipTransport.AUTO, o.transport());
        DispatchRule r = DispatchRule.builder().build();
        assertEquals("", r.pin());
    }

    @Test
    void collectionsAreCopiedAndImmutable() {
        List<String> numbers = new ArrayList<>(List.of("+15105550100"));
        Map<String, String> headers = new HashMap<>(Map.of("X-A", "1"));
        InboundTrunk t = InboundTrunk.builder().numbers(numbers).headers(headers).build();
        numbers.add("+15105550101");
        headers.put("X-B", "2");
        assertEquals(List.of("+15105550100"), t.numbers());
        assertEquals(Map.of("X-A", "1"), t.headers());
        assertThrows(UnsupportedOperationException.class, () -> t.numbers().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> t.headers().put("x", "y"));
    }

    @Test
    void nullElementsAreRefusedNamingTheField() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> InboundTrunk.builder().allowedAddresses(Arrays.asList("54.172.60.0/30", null)).build());
        assertEquals("allowed_addresses must not contain null", e.getMessage());
    }

    @Test
    void passwordsNeverReachToString() {
        InboundTrunk in = InboundTrunk.builder().authUsername("lk").authPassword("hunter2").build();
        OutboundTrunk out = OutboundTrunk.builder().authUsername("lk").authPassword("hunter2").build();
        assertFalse(in.toString().contains("hunter2"), in.toString());
        assertFalse(out.toString().contains("hunter2"), out.toString());
        assertTrue(in.toString().contains("<redacted>"));
    }

    @Test
    void mediaEncryptionOverride() {
        assertEquals(MediaEncryption.ALLOW, MediaEncryption.ALLOW.overriddenBy(MediaEncryption.DISABLE));
        assertEquals(MediaEncryption.REQUIRE, MediaEncryption.ALLOW.overriddenBy(MediaEncryption.REQUIRE));
        assertEquals(MediaEncryption.ALLOW, MediaEncryption.REQUIRE.overriddenBy(MediaEncryption.ALLOW));
    }

    @Test
    void inboundUpdateAppliesOnlyWhatItNames() {
        InboundTrunk t = InboundTrunk.builder().name("a").numbers("+15105550100").allowedAddresses("54.172.60.0/30")
                .authUsername("u").authPassword("p").build();
        InboundTrunkUpdate u = new InboundTrunkUpdate(null, ListUpdate.clearing(), ListUpdate.setTo(List.of("+14155550123")),
                null, "", null, null, "meta", MediaEncryption.REQUIRE);
        InboundTrunk changed = u.applyTo(t);
        assertEquals(t.toBuilder().allowedAddresses(List.of()).allowedNumbers("+14155550123").authPassword("")
                .metadata("meta").mediaEncryption(MediaEncryption.REQUIRE).build(), changed);
    }

    @Test
    void badListUpdatesAreNamedByField() {
        InboundTrunkUpdate u = new InboundTrunkUpdate(new ListUpdate(List.of("+1"), List.of("+2"), List.of(), false),
                null, new ListUpdate(List.of(), List.of(), List.of(), false), null, null, null, null, null, null);
        assertEquals(List.of("numbers", "allowed_numbers"), u.problems().stream().map(Violation::field).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> u.applyTo(InboundTrunk.builder().build()));
        assertTrue(e.getMessage().startsWith("numbers: cannot set and change"), e.getMessage());
    }

    @Test
    void outboundUpdate() {
        OutboundTrunk t = OutboundTrunk.builder().address("a.example").numbers("+15105550100").build();
        OutboundTrunk changed = new OutboundTrunkUpdate("mytrunk.pstn.twilio.com", SipTransport.TLS, "US",
                ListUpdate.edit(List.of("+15105550101"), List.of()), null, null, null, null, null, "sip.example.com").applyTo(t);
        assertEquals(OutboundTrunk.builder().address("mytrunk.pstn.twilio.com").transport(SipTransport.TLS)
                .destinationCountry("US").numbers("+15105550100", "+15105550101").fromHost("sip.example.com").build(), changed);
    }

    @Test
    void ruleUpdateMergesAttributesAsLiveKit() {
        DispatchRule r = DispatchRule.builder().rule(new RoomRule.Direct("a", "")).trunkIds("ST_a")
                .attributes(Map.of("keep", "1", "drop", "2", "change", "3")).build();
        DispatchRule changed = new DispatchRuleUpdate(ListUpdate.edit(List.of("ST_b"), List.of("ST_a")),
                new RoomRule.Callee("line", "", true), "renamed", null,
                Map.of("drop", "", "change", "33", "new", "4"), null).applyTo(r);
        assertEquals(List.of("ST_b"), changed.trunkIds());
        assertEquals(new RoomRule.Callee("line", "", true), changed.rule());
        assertEquals("renamed", changed.name());
        assertEquals(Map.of("keep", "1", "change", "33", "new", "4"), changed.attributes());
    }
}
