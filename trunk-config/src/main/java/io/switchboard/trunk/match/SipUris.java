package io.switchboard.trunk.match;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Extracts the user (the number) from the {@code sip:}, {@code sips:} and {@code tel:} URIs of
 * INVITE headers (RFC 3261 §19.1.1, RFC 3966), e.g. {@code "Alice" <sip:+15105550100@pstn.twilio.com;user=phone>}
 * gives {@code +15105550100}. Escapes such as {@code %23} are decoded.
 */
public final class SipUris {
    private SipUris() {
    }

    /** The user part, or empty if the URI has none or is not a sip/sips/tel URI. */
    public static Optional<String> userPart(String uriOrNameAddr) {
        String uri = addrSpec(uriOrNameAddr);
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tel:")) {
            // RFC 3966: telephone-subscriber, then ;parameters
            String number = cut(uri.substring(4), ';');
            return number.isEmpty() ? Optional.empty() : Optional.of(decode(number));
        }
        String rest;
        if (lower.startsWith("sip:")) {
            rest = uri.substring(4);
        } else if (lower.startsWith("sips:")) {
            rest = uri.substring(5);
        } else {
            return Optional.empty();
        }
        int at = rest.lastIndexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        String userinfo = rest.substring(0, at);
        String user = cut(userinfo, ':'); // drop the (deprecated) password
        return user.isEmpty() ? Optional.empty() : Optional.of(decode(user));
    }

    /** The host of a sip/sips URI (without port or parameters), or empty. */
    public static Optional<String> hostPart(String uriOrNameAddr) {
        String uri = addrSpec(uriOrNameAddr);
        String lower = uri.toLowerCase(Locale.ROOT);
        String rest;
        if (lower.startsWith("sip:")) {
            rest = uri.substring(4);
        } else if (lower.startsWith("sips:")) {
            rest = uri.substring(5);
        } else {
            return Optional.empty();
        }
        rest = rest.substring(rest.lastIndexOf('@') + 1);
        rest = cut(cut(rest, ';'), '?');
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            return close < 0 ? Optional.empty() : Optional.of(rest.substring(0, close + 1));
        }
        String host = cut(rest, ':');
        return host.isEmpty() ? Optional.empty() : Optional.of(host);
    }

    /** Strips a display name and angle brackets: {@code "Bob" <sip:b@h>} to {@code sip:b@h}. */
    private static String addrSpec(String value) {
        String v = value == null ? "" : value.strip();
        int open = v.indexOf('<');
        if (open >= 0) {
            int close = v.indexOf('>', open);
            v = close < 0 ? v.substring(open + 1) : v.substring(open + 1, close);
        }
        return v.strip();
    }

    private static String cut(String s, char delimiter) {
        int i = s.indexOf(delimiter);
        return i < 0 ? s : s.substring(0, i);
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && isHex(s, i + 1) && isHex(s, i + 2)) {
                out.write(Integer.parseInt(s, i + 1, i + 3, 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }
}
