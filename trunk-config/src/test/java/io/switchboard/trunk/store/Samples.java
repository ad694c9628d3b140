package io.switchboard.trunk.store;

import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.IncludeHeaders;
import io.switchboard.trunk.model.MediaEncryption;
import io.switchboard.trunk.model.OutboundTrunk;
import io.switchboard.trunk.model.RoomAgentDispatch;
import io.switchboard.trunk.model.RoomConfiguration;
import io.switchboard.trunk.model.RoomRule;
import io.switchboard.trunk.model.SipTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Drafts with every field set, so round trips prove every field survives. */
final class Samples {
    private Samples() {
    }

    static InboundTrunk twilioInbound() {
        return InboundTrunk.builder()
                .name("twilio-in").metadata("{\"account\":\"AC123\"}")
                .numbers("+15105550100", "+15105550101")
                .allowedAddresses("54.172.60.0/30", "54.244.51.0/30", "2001:db8::/32")
                .allowedNumbers("+14155550123")
                .authUsername("lk").authPassword("s3cr3t").authRealm("switchboard")
                .headers(Map.of("X-Served-By", "switchboard"))
                .headersToAttributes(Map.of("X-Customer", "customer"))
                .attributesToHeaders(Map.of("outcome", "X-Outcome"))
                .includeHeaders(IncludeHeaders.X_HEADERS)
                .ringingTimeout(Duration.ofSeconds(30)).maxCallDuration(Duration.ofMinutes(90))
                .krispEnabled(true).mediaEncryption(MediaEncryption.ALLOW)
                .build();
    }

    static InboundTrunk inbound(String number) {
        return InboundTrunk.builder().name("in-" + number).numbers(number).build();
    }

    static OutboundTrunk twilioOutbound() {
        return OutboundTrunk.builder()
                .name("twilio-out").metadata("m").address("mytrunk.pstn.twilio.com").transport(SipTransport.TLS)
                .destinationCountry("US").numbers("+15105550100").authUsername("u").authPassword("p")
                .headers(Map.of("X-Job", "42")).headersToAttributes(Map.of("X-Twilio-CallSid", "call_sid"))
                .attributesToHeaders(Map.of("reason", "X-Reason")).includeHeaders(IncludeHeaders.ALL)
                .mediaEncryption(MediaEncryption.REQUIRE).fromHost("sip.example.com")
                .build();
    }

    static DispatchRule agentRule() {
        return DispatchRule.builder()
                .name("agent").metadata("{\"flow\":\"support\"}")
                .rule(new RoomRule.Individual("call", "", false))
                .trunkIds("ST_aaaaaaaaaaaa").inboundNumbers("+14155550123").numbers("+15105550100")
                .hidePhoneNumber(true).attributes(Map.of("team", "support")).roomPreset("voice")
                .roomConfig(RoomConfiguration.builder().name("cfg").emptyTimeout(300).departureTimeout(20)
                        .maxParticipants(4).metadata("room-meta").minPlayoutDelay(100).maxPlayoutDelay(400)
                        .syncStreams(true)
                        .agents(List.of(new RoomAgentDispatch("receptionist", "{\"lang\":\"de\"}", Map.of("tier", "1")),
                                new RoomAgentDispatch("notetaker")))
                        .egressJson("{\"room\": {\"audio_only\": true, \"file_outputs\": [{\"filepath\": \"x/{room_name}.ogg\"}]}}")
                        .build())
                .krispEnabled(true).mediaEncryption(MediaEncryption.REQUIRE)
                .build();
    }

    static DispatchRule direct(String room, String pin, String... trunkIds) {
        return DispatchRule.builder().name(room).rule(new RoomRule.Direct(room, pin)).trunkIds(trunkIds).build();
    }
}
