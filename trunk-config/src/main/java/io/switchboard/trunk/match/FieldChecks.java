package io.switchboard.trunk.match;

import io.switchboard.trunk.model.Violation;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Field-level checks shared by the validators; each appends violations naming the field. */
final class FieldChecks {
    private static final String TOKEN_PUNCTUATION = "-.!%*_+`'~";
    /** Headers the gateway owns (RFC 3261 and compact forms), as LiveKit refuses them. */
    private static final Set<String> RESERVED_HEADERS = Set.of(
            "accept", "accept-encoding", "accept-language", "allow", "allow-events", "call-id", "contact",
            "content-encoding", "content-length", "content-type", "cseq", "event", "expires", "from",
            "max-forwards", "record-route", "refer-to", "reply-to", "k", "l", "m", "o", "r", "t", "u", "v");

    private FieldChecks() {
    }

    static void invalid(List<Violation> out, String field, String message) {
        out.add(new Violation.Invalid(field, message));
    }

    static void numbers(List<Violation> out, String field, List<String> numbers) {
        for (int i = 0; i < numbers.size(); i++) {
            number(out, field + "[" + i + "]", numbers.get(i));
        }
    }

    /** A phone number or SIP user as it appears in a To/From user part. */
    static void number(List<Violation> out, String field, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (value.isBlank()) {
            invalid(out, field, "must not be empty");
        } else if (value.indexOf('@') >= 0 || lower.startsWith("sip:") || lower.startsWith("sips:")
                || lower.startsWith("tel:")) {
            invalid(out, field, "must be a phone number or SIP user, not a URI: \"" + value + "\"");
        } else if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f || ";,<>\"".indexOf(c) >= 0)) {
            invalid(out, field, "contains a character not allowed in a phone number or SIP user: \"" + value + "\"");
        }
    }

    static void headers(List<Violation> out, String field, Map<String, String> headers) {
        headers.forEach((name, value) -> {
            headerName(out, field + "." + name, name, true);
            headerValue(out, field + "." + name, value);
        });
    }

    static void headersToAttributes(List<Violation> out, String field, Map<String, String> map) {
        map.forEach((header, attribute) -> {
            headerName(out, field + "." + header, header, false);
            if (attribute.isBlank()) {
                invalid(out, field + "." + header, "attribute name must not be empty");
            }
        });
    }

    static void attributesToHeaders(List<Violation> out, String field, Map<String, String> map) {
        map.forEach((attribute, header) -> {
            if (attribute.isBlank()) {
                invalid(out, field, "attribute name must not be empty");
            }
            headerName(out, field + "." + attribute, header, false);
        });
    }

    /** RFC 3261 §25.1 token; reserved names are refused where users would override the gateway's own. */
    static void headerName(List<Violation> out, String field, String name, boolean refuseReserved) {
        if (name.isEmpty()) {
            invalid(out, field, "header name must not be empty");
        } else if (name.length() > 255) {
            invalid(out, field, "header name is longer than 255 characters");
        } else if (!name.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || TOKEN_PUNCTUATION.indexOf(c) >= 0))) {
            invalid(out, field, "header name \"" + name + "\" is not an RFC 3261 token");
        } else if (refuseReserved && RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            invalid(out, field, "header " + name + " is set by the gateway and cannot be overridden");
        }
    }

    static void headerValue(List<Violation> out, String field, String value) {
        if (value.length() > 1024) {
            invalid(out, field, "header value is longer than 1024 characters");
        } else if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
            invalid(out, field, "header value contains a control character");
        }
    }

    static void notNegative(List<Violation> out, String field, Duration value) {
        if (value != null && value.isNegative()) {
            invalid(out, field, "must not be negative: " + value);
        }
    }

    static void notNegative(List<Violation> out, String field, int value) {
        if (value < 0) {
            invalid(out, field, "must not be negative: " + value);
        }
    }

    static void authPair(List<Violation> out, String username, String password) {
        if (!username.isEmpty() && password.isEmpty()) {
            invalid(out, "auth_password", "must be set when auth_username is set");
        } else if (username.isEmpty() && !password.isEmpty()) {
            invalid(out, "auth_username", "must be set when auth_password is set");
        }
    }

    /** A hostname or IP, optionally with a port; never a SIP URI (LiveKit's validateHostnameFormat). */
    static void host(List<Violation> out, String field, String value, boolean portAllowed) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.contains("transport=")) {
            invalid(out, field, "must not contain a transport parameter; set transport instead");
            return;
        }
        if (lower.startsWith("sip:") || lower.startsWith("sips:") || value.indexOf('@') >= 0 || value.indexOf(';') >= 0) {
            invalid(out, field, "must be a hostname or IP, not a SIP URI: \"" + value + "\"");
            return;
        }
        String host = value;
        String port = null;
        int colon = value.indexOf(':');
        if (value.startsWith("[") && value.indexOf(']') > 0) {
            int close = value.indexOf(']');
            String rest = value.substring(close + 1);
            if (rest.startsWith(":")) {
                host = value.substring(0, close + 1);
                port = rest.substring(1);
            } else if (rest.isEmpty()) {
                host = value;
            }
        } else if (colon >= 0 && colon == value.lastIndexOf(':')) {
            host = value.substring(0, colon);
            port = value.substring(colon + 1);
        }
        if (!IpLiterals.isLiteral(host) && !Hostnames.isValid(host)) {
            invalid(out, field, "must be a hostname or IP address: \"" + value + "\"");
        } else if (port != null && !portAllowed) {
            invalid(out, field, "must not contain a port: \"" + value + "\"");
        } else if (port != null && !isPort(port)) {
            invalid(out, field, "port must be between 1 and 65535: \"" + value + "\"");
        }
    }

    private static boolean isPort(String s) {
        if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int port = Integer.parseInt(s);
        return port >= 1 && port <= 65535;
    }
}
