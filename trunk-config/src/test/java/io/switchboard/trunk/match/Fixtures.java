package io.switchboard.trunk.match;

import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.RoomRule;
import java.net.InetAddress;

/** Realistic carriers, numbers and rules shared by the matching tests. */
final class Fixtures {
    static final String TWILIO_IP = "54.172.60.1";
    static final String TWILIO_IP_2 = "54.244.51.2";
    static final String TELNYX_IP = "192.76.120.10";
    static final String STRANGER_IP = "203.0.113.66";

    static final String OUR_NUMBER = "+15105550100";
    static final String OUR_NUMBER_TELNYX = "15105550100";
    static final String OTHER_NUMBER = "+15105550199";
    static final String CALLER = "+14155550123";
    static final String CALLER_2 = "+14155550124";

    private Fixtures() {
    }

    static InboundTrunk.Builder trunk(String id) {
        return InboundTrunk.builder().id(id).name(id.toLowerCase());
    }

    static InboundTrunk.Builder twilio(String id) {
        return trunk(id).allowedAddresses("54.172.60.0/30", "54.244.51.0/30");
    }

    static InboundTrunk.Builder telnyx(String id) {
        return trunk(id).allowedAddresses("192.76.120.10", "64.16.250.10");
    }

    static InboundCall call(String called, String caller, String source) {
        return new InboundCall(called, caller, InetAddress.ofLiteral(source));
    }

    static DispatchRule.Builder rule(String id, RoomRule roomRule) {
        return DispatchRule.builder().id(id).rule(roomRule);
    }

    static RoomRule direct(String room) {
        return new RoomRule.Direct(room, "");
    }

    static RoomRule direct(String room, String pin) {
        return new RoomRule.Direct(room, pin);
    }

    static RoomRule individual(String prefix) {
        return new RoomRule.Individual(prefix, "", false);
    }

    static RoomRule individual(String prefix, String pin) {
        return new RoomRule.Individual(prefix, pin, false);
    }

    static RoomRule callee(String prefix) {
        return new RoomRule.Callee(prefix, "", false);
    }
}
