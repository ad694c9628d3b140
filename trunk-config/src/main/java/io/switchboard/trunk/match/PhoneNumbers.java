package io.switchboard.trunk.match;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Phone-number comparison as LiveKit does it ({@code NormalizeNumber} in livekit/protocol):
 * a string made only of digits, spaces, dashes and parentheses, optionally after a leading
 * {@code +}, is reduced to {@code +digits}; anything else (a SIP user such as {@code alice})
 * is compared verbatim. So Twilio's {@code +15105550100}, Telnyx's {@code 15105550100} and a
 * human's {@code 1 (510) 555-0100} are one number.
 */
public final class PhoneNumbers {
    private static final Pattern NUMBER = Pattern.compile("^\\+?[0-9\\- ()]+$");

    private PhoneNumbers() {
    }

    /** {@code +digits} for anything that looks like a phone number, the input otherwise. */
    public static String normalize(String number) {
        if (number == null || number.isEmpty()) {
            return "";
        }
        if (!NUMBER.matcher(number).matches()) {
            return number;
        }
        StringBuilder out = new StringBuilder(number.length() + 1);
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c != ' ' && c != '-' && c != '(' && c != ')') {
                out.append(c);
            }
        }
        if (out.isEmpty() || out.charAt(0) != '+') {
            out.insert(0, '+');
        }
        return out.toString();
    }

    /** True if both strings denote the same number (or the same SIP user). */
    public static boolean same(String a, String b) {
        return a.equals(b) || normalize(a).equals(normalize(b));
    }

    /** True if {@code number} is one of {@code allowed}; an empty list allows every number. */
    public static boolean allowedBy(String number, List<String> allowed) {
        if (allowed.isEmpty()) {
            return true;
        }
        String normalized = normalize(number);
        for (String candidate : allowed) {
            if (candidate.equals(number) || normalize(candidate).equals(normalized)) {
                return true;
            }
        }
        return false;
    }
}
