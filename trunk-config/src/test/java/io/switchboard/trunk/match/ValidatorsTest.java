package io.switchboard.trunk.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.OutboundTrunk;
import io.switchboard.trunk.model.RoomConfiguration;
import io.switchboard.trunk.model.RoomRule;
import io.switchboard.trunk.model.Violation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValidatorsTest {

    static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void realisticInboundTrunksPass() {
        InboundTrunk twilio = InboundTrunk.builder().name("twilio-in").numbers("+15105550100")
                .allowedAddresses("54.172.60.0/30", "54.244.51.0/30")
                .headersToAttributes(Map.of("X-Customer", "customer")).ringingTimeout(Duration.ofSeconds(30)).build();
        InboundTrunk telnyx = InboundTrunk.builder().name("telnyx-in").numbers("15105550100")
                .allowedAddresses("sip.telnyx.com", "192.76.120.10", "2001:db8::/32").build();
        InboundTrunk pbx = InboundTrunk.builder().authUsername("pbx").authPassword("s3cret").authRealm("switchboard").build();
        assertEquals(List.of(), InboundTrunkValidator.validate(twilio));
        assertEquals(List.of(), InboundTrunkValidator.validate(telnyx));
        assertEquals(List.of(), InboundTrunkValidator.validate(pbx));
    }

    @Test
    void inboundTrunkReportsEveryProblemWithItsField() {
        Map<String, String> headers = new TreeMap<>(Map.of("From", "x", "X-Bad", "line\r\nInjected: 1"));
        InboundTrunk broken = InboundTrunk.builder()
                .numbers("+15105550100", "sip:+15105550101@pstn.twilio.com")
                .allowedAddresses("54.172.60.0/33", "54.244.51.0/30", "10.0.0.256")
                .allowedNumbers("")
                .authUsername("user")
                .authRealm("bad\"realm")
                .headers(headers)
                .headersToAttributes(Map.of("X Customer", "customer"))
                .attributesToHeaders(Map.of("outcome", "X:Outcome"))
                .ringingTimeout(Duration.ofSeconds(-1))
                .build();
        List<Violation> violations = InboundTrunkValidator.validate(broken);
        assertEquals(List.of(
                "numbers[1]", "allowed_addresses[0]", "allowed_addresses[2]", "allowed_numbers[0]", "auth_password",
                "auth_realm", "headers.From", "headers.X-Bad", "headers_to_attributes.X Customer",
                "attributes_to_headers.outcome", "ringing_timeout"), fields(violations));
        assertTrue(violations.getFirst().message().contains("not a URI"), violations.getFirst().message());
        assertTrue(violations.get(1).message().contains("54.172.60.0/33"), violations.get(1).message());
    }

    @Test
    void inboundTrunkOpenToEverythingIsRefusedForSecurity() {
        List<Violation> violations = InboundTrunkValidator.validate(InboundTrunk.builder().name("open").build());
        assertEquals(List.of("allowed_addresses"), fields(violations));
        assertTrue(violations.getFirst().message().startsWith("for security"));
    }

    @ParameterizedTest(name = "address {0} is valid")
    @ValueSource(strings = {"mytrunk.pstn.twilio.com", "sip.telnyx.com:5061", "54.172.60.1", "54.172.60.1:5080",
            "[2001:db8::1]:5060", "2001:db8::1", "mytrunk.pstn.ie1.twilio.com"})
    void outboundAddressesAccepted(String address) {
        OutboundTrunk t = OutboundTrunk.builder().address(address).numbers("+15105550100").build();
        assertEquals(List.of(), OutboundTrunkValidator.validate(t));
    }

    @ParameterizedTest(name = "address {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "sip:mytrunk.pstn.twilio.com                | not a SIP URI",
            "mytrunk.pstn.twilio.com;transport=tls      | transport parameter",
            "user@mytrunk.pstn.twilio.com               | not a SIP URI",
            "mytrunk.pstn.twilio.com:99999              | port must be between",
            "my trunk                                   | hostname or IP",
            "''                                         | must be set",
    })
    void outboundAddressesRefused(String address, String message) {
        OutboundTrunk t = OutboundTrunk.builder().address(address).numbers("+15105550100").build();
        List<Violation> violations = OutboundTrunkValidator.validate(t);
        assertEquals(List.of("address"), fields(violations));
        assertTrue(violations.getFirst().message().contains(message), violations.getFirst().message());
    }

    @Test
    void outboundTrunkReportsEveryProblem() {
        OutboundTrunk t = OutboundTrunk.builder().address("sips:x.example").destinationCountry("usa")
                .fromHost("sip.example.com:5060").headers(Map.of("Call-ID", "x")).build();
        assertEquals(List.of("address", "numbers", "destination_country", "from_host", "headers.Call-ID"),
                fields(OutboundTrunkValidator.validate(t)));
    }

    @Test
    void dispatchRuleReportsEveryProblemWithItsProtoPath() {
        DispatchRule broken = DispatchRule.builder()
                .rule(new RoomRule.Direct("", "12#4"))
                .trunkIds("ST_abc", " ")
                .inboundNumbers("tel:+14155550123")
                .numbers("+15105550100")
                .roomConfig(RoomConfiguration.builder().emptyTimeout(-5).minPlayoutDelay(400).maxPlayoutDelay(200).build())
                .build();
        assertEquals(List.of("rule.dispatch_rule_direct.room_name", "rule.dispatch_rule_direct.pin", "trunk_ids[1]",
                        "inbound_numbers[0]", "room_config.empty_timeout", "room_config.min_playout_delay"),
                fields(DispatchRuleValidator.validate(broken)));
    }

    @Test
    void dispatchRuleNeedsARule() {
        assertEquals(List.of("rule"), fields(DispatchRuleValidator.validate(DispatchRule.builder().build())));
    }

    @ParameterizedTest(name = "pin {0} valid={1}")
    @CsvSource({"'', true", "1234, true", "*99, true", "1234567890123456, true", "12345678901234567, false",
            "12a4, false", "12#, false"})
    void pinsAreDtmfDigits(String pin, boolean valid) {
        DispatchRule r = DispatchRule.builder().rule(new RoomRule.Individual("call", pin, false)).build();
        assertEquals(valid ? List.of() : List.of("rule.dispatch_rule_individual.pin"), fields(DispatchRuleValidator.validate(r)));
    }
}
