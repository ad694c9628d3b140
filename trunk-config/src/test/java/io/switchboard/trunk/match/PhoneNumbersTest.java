package io.switchboard.trunk.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "normalize({0}) = {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "''                  | ''",
            "NULL                | ''",
            "123                 | +123",
            "+123                | +123",
            "user                | user",
            "(123) 456 7890      | +1234567890",
            "+15105550100        | +15105550100",   // Twilio sends +E.164
            "15105550100         | +15105550100",   // Telnyx without '+'
            "1 (510) 555-0100    | +15105550100",
            "+44 20 7946 0958    | +442079460958",
            "alice               | alice",
            "+1510555010x        | +1510555010x",   // not a number: kept verbatim
            "*72                 | *72",
    })
    void normalizesAsLiveKit(String input, String expected) {
        assertEquals(expected, PhoneNumbers.normalize(input));
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "+15105550100 | 15105550100      | true",
            "+15105550100 | 1-510-555-0100   | true",
            "+15105550100 | +15105550101     | false",
            "alice        | alice            | true",
            "alice        | Alice            | false",
            "+15105550100 | 5105550100       | false",  // no country-code guessing, as LiveKit
    })
    void comparesNormalised(String a, String b, boolean same) {
        assertEquals(same, PhoneNumbers.same(a, b));
        assertEquals(same, PhoneNumbers.same(b, a));
    }

    @org.junit.jupiter.api.Test
    void emptyAllowListAdmitsEveryone() {
        assertTrue(PhoneNumbers.allowedBy("+14155550123", List.of()));
        assertTrue(PhoneNumbers.allowedBy("14155550123", List.of("+14155550199", "+1 415 555 0123")));
        assertFalse(PhoneNumbers.allowedBy("14155550124", List.of("+14155550123")));
    }
}
