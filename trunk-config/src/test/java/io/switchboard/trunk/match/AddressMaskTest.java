package io.switchboard.trunk.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressMaskTest {

    @ParameterizedTest(name = "{0} admits {1} (host {2}): {3}")
    @CsvSource(delimiter = '|', value = {
            // Twilio North America signalling blocks
            "54.172.60.0/30   | 54.172.60.0      | ''              | true",
            "54.172.60.0/30   | 54.172.60.3      | ''              | true",
            "54.172.60.0/30   | 54.172.60.4      | ''              | false",
            "54.172.60.0/30   | 54.172.59.255    | ''              | false",
            "54.244.51.0/30   | 54.244.51.2      | ''              | true",
            // Telnyx US signalling IP
            "192.76.120.10    | 192.76.120.10    | ''              | true",
            "192.76.120.10    | 192.76.120.11    | ''              | false",
            "192.76.120.10/32 | 192.76.120.10    | ''              | true",
            // host bits set in the block are masked off, as Go's netip.Prefix.Contains
            "10.10.10.77/24   | 10.10.10.1       | ''              | true",
            "0.0.0.0/0        | 203.0.113.9      | ''              | true",
            // IPv6
            "2001:db8::/32    | 2001:db8:1::5    | ''              | true",
            "2001:db8::/32    | 2001:db9::5      | ''              | false",
            "[2001:db8::1]    | 2001:db8::1      | ''              | true",
            "2001:db8::/32    | 54.172.60.1      | ''              | false",
            "54.172.60.0/30   | 2001:db8::1      | ''              | false",
            // IPv4-mapped IPv6 source is the IPv4 address
            "54.172.60.0/30   | ::ffff:54.172.60.2 | ''            | true",
            // hostnames match the From host, case-insensitively
            "sip.telnyx.com   | 64.16.250.10     | sip.telnyx.com  | true",
            "sip.telnyx.com   | 64.16.250.10     | SIP.Telnyx.com  | true",
            "sip.telnyx.com   | 64.16.250.10     | evil.example    | false",
    })
    void matchesSources(String mask, String source, String host, boolean expected) {
        AddressMask parsed = AddressMask.parse(mask).orElseThrow();
        assertEquals(expected, parsed.matches(InetAddress.ofLiteral(source), host));
    }

    @ParameterizedTest(name = "invalid: {0}")
    @ValueSource(strings = {
            "54.172.60.0/33", "10.0.0.256", "010.1.1.1", "1.2.3", "1", "sip:pstn.twilio.com",
            "*.twilio.com", "2001:db8::/129", "fe80::1%eth0", "10.0.0.0/", "10.0.0.0/-1",
            "https://pstn.twilio.com", "a b", "", "-bad.example", "10.0.0.0/24/8",
    })
    void rejectsWhatIsNeitherIpNorCidrNorHostname(String mask) {
        assertTrue(AddressMask.parse(mask).isEmpty(), mask);
    }

    @ParameterizedTest(name = "{0} overlaps {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "54.172.60.0/30 | 54.172.60.2      | true",
            "54.172.60.0/30 | 54.172.60.4/30   | false",
            "54.172.60.0/23 | 54.172.61.0/24   | true",
            "10.0.0.0/8     | 0.0.0.0/0        | true",
            "2001:db8::/32  | 2001:db8:5::/48  | true",
            "2001:db8::/32  | 54.172.60.0/30   | false",
            "sip.telnyx.com | 54.172.60.0/30   | true",
            "sip.telnyx.com | SIP.TELNYX.COM   | true",
            "sip.telnyx.com | sip.twilio.com   | false",
    })
    void overlapsSymmetrically(String a, String b, boolean expected) {
        AddressMask ma = AddressMask.parse(a).orElseThrow();
        AddressMask mb = AddressMask.parse(b).orElseThrow();
        assertEquals(expected, ma.overlaps(mb));
        assertEquals(expected, mb.overlaps(ma));
    }

    @Test
    void emptyFilterAdmitsAndOverlapsEverything() {
        AddressFilter any = AddressFilter.of(List.of());
        AddressFilter twilio = AddressFilter.of(List.of("54.172.60.0/30", "54.244.51.0/30"));
        AddressFilter telnyx = AddressFilter.of(List.of("192.76.120.10", "64.16.250.10"));
        assertTrue(any.allows(InetAddress.ofLiteral("198.51.100.7"), ""));
        assertTrue(any.overlaps(twilio));
        assertTrue(twilio.overlaps(any));
        assertFalse(twilio.overlaps(telnyx));
        assertTrue(twilio.allows(InetAddress.ofLiteral("54.244.51.3"), ""));
        assertFalse(twilio.allows(InetAddress.ofLiteral("192.76.120.10"), ""));
    }

    @Test
    void skipsUnparseableEntriesAsLiveKitDoes() {
        AddressFilter onlyJunk = AddressFilter.of(List.of("http://x", "1.2.3.4/99"));
        assertTrue(onlyJunk.allowsAny());
        AddressFilter mixed = AddressFilter.of(List.of("http://x", "54.172.60.0/30"));
        assertFalse(mixed.allows(InetAddress.ofLiteral("203.0.113.1"), ""));
    }
}
