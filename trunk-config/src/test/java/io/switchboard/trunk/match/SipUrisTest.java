package io.switchboard.trunk.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SipUrisTest {

    @ParameterizedTest(name = "user of {0}")
    @CsvSource(delimiter = '|', value = {
            // Twilio origination: Request-URI and To carry +E.164 with user=phone
            "sip:+15105550100@example.sip.switchboard.io;user=phone                | +15105550100",
            "<sip:+14155550123@54.172.60.1:5060>;tag=8d7f9a2                       | +14155550123",
            // Telnyx, number without '+'
            "\"John Smith\" <sip:14155550123@sip.telnyx.com>;tag=abc               | 14155550123",
            "sips:alice@atlanta.example.com                                       | alice",
            "sip:alice:secret@atlanta.example.com;transport=tcp                   | alice",
            "tel:+1-201-555-0123;phone-context=example.com                        | +1-201-555-0123",
            "TEL:+15105550100                                                     | +15105550100",
            "sip:%2B15105550100@example.com                                       | +15105550100",
            "sip:pin%23123@example.com                                            | pin#123",
    })
    void extractsTheUser(String header, String user) {
        assertEquals(Optional.of(user), SipUris.userPart(header));
    }

    @ParameterizedTest(name = "no user in {0}")
    @CsvSource(delimiter = '|', value = {
            "sip:example.com",
            "<sip:54.172.60.1:5060>",
            "mailto:alice@example.com",
            "http://example.com/",
            "''",
            "tel:",
    })
    void reportsMissingUser(String header) {
        assertEquals(Optional.empty(), SipUris.userPart(header));
    }

    @ParameterizedTest(name = "host of {0}")
    @CsvSource(delimiter = '|', value = {
            "\"John\" <sip:14155550123@sip.telnyx.com:5060;transport=udp>;tag=1 | sip.telnyx.com",
            "sip:+15105550100@54.172.60.2;user=phone                         | 54.172.60.2",
            "sips:bob@[2001:db8::5]:5061                                      | [2001:db8::5]",
            "sip:example.com?subject=x                                       | example.com",
    })
    void extractsTheHost(String header, String host) {
        assertEquals(Optional.of(host), SipUris.hostPart(header));
    }
}
