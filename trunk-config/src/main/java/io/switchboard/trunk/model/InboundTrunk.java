package io.switchboard.trunk.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where inbound calls may come from and how they are admitted, as LiveKit's
 * {@code SIPInboundTrunkInfo}. Empty lists are wildcards: no {@code numbers} accepts every called
 * number, no {@code allowedAddresses} every source, no {@code allowedNumbers} every caller.
 *
 * @param id                  {@code ST_...}; empty until the store assigns one
 * @param numbers             called numbers (INVITE To user) this trunk serves
 * @param allowedAddresses    source IPs, CIDRs (IPv4 or IPv6) or From hostnames
 * @param allowedNumbers      caller numbers (INVITE From user) allowed to call
 * @param authRealm           digest realm; empty means the gateway's default
 * @param headers             headers added to the 200 OK
 * @param headersToAttributes INVITE header name to participant attribute name
 * @param attributesToHeaders participant attribute name to header name on BYE/REFER
 * @param ringingTimeout      how long the caller may ring before giving up; null is the default
 * @param maxCallDuration     hard limit of a call; null is the default
 * @param createdAt           set by the store; null on a draft
 * @param updatedAt           set by the store; null on a draft
 */
public record InboundTrunk(
        String id,
        String name,
        String metadata,
        List<String> numbers,
        List<String> allowedAddresses,
        List<String> allowedNumbers,
        String authUsername,
        String authPassword,
        String authRealm,
        Map<String, String> headers,
        Map<String, String> headersToAttributes,
        Map<String, String> attributesToHeaders,
        IncludeHeaders includeHeaders,
        Duration ringingTimeout,
        Duration maxCallDuration,
        boolean krispEnabled,
        MediaEncryption mediaEncryption,
        Instant createdAt,
        Instant updatedAt) {

    public InboundTrunk {
        id = Values.text(id);
        name = Values.text(name);
        metadata = Values.text(metadata);
        numbers = Values.list("numbers", numbers);
        allowedAddresses = Values.list("allowed_addresses", allowedAddresses);
        allowedNumbers = Values.list("allowed_numbers", allowedNumbers);
        authUsername = Values.text(authUsername);
        authPassword = Values.text(authPassword);
        authRealm = Values.text(authRealm);
        headers = Values.map("headers", headers);
        headersToAttributes = Values.map("headers_to_attributes", headersToAttributes);
        attributesToHeaders = Values.map("attributes_to_headers", attributesToHeaders);
        includeHeaders = includeHeaders == null ? IncludeHeaders.NONE : includeHeaders;
        ringingTimeout = Values.duration(ringingTimeout);
        maxCallDuration = Values.duration(maxCallDuration);
        mediaEncryption = mediaEncryption == null ? MediaEncryption.DISABLE : mediaEncryption;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** True when INVITEs must carry digest credentials. */
    public boolean requiresAuth() {
        return !authUsername.isEmpty() && !authPassword.isEmpty();
    }

    public InboundTrunk withId(String newId) {
        return toBuilder().id(newId).build();
    }

    public InboundTrunk withTimestamps(Instant created, Instant updated) {
        return toBuilder().createdAt(created).updatedAt(updated).build();
    }

    /** The password never reaches a log line. */
    @Override
    public String toString() {
        return "InboundTrunk[id=" + id + ", name=" + name + ", numbers=" + numbers
                + ", allowedAddresses=" + allowedAddresses + ", allowedNumbers=" + allowedNumbers
                + ", authUsername=" + authUsername + ", authPassword=" + (authPassword.isEmpty() ? "" : "<redacted>")
                + ", includeHeaders=" + includeHeaders + ", mediaEncryption=" + mediaEncryption + "]";
    }

    /** Mutable helper for building trunks field by field. */
    public static final class Builder {
        private String id = "";
        private String name = "";
        private String metadata = "";
        private List<String> numbers = List.of();
        private List<String> allowedAddresses = List.of();
        private List<String> allowedNumbers = List.of();
        private String authUsername = "";
        private String authPassword = "";
        private String authRealm = "";
        private Map<String, String> headers = Map.of();
        private Map<String, String> headersToAttributes = Map.of();
        private Map<String, String> attributesToHeaders = Map.of();
        private IncludeHeaders includeHeaders = IncludeHeaders.NONE;
        private Duration ringingTimeout;
        private Duration maxCallDuration;
        private boolean krispEnabled;
        private MediaEncryption mediaEncryption = MediaEncryption.DISABLE;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {
        }

        private Builder(InboundTrunk t) {
            id = t.id;
            name = t.name;
            metadata = t.metadata;
            numbers = t.numbers;
            allowedAddresses = t.allowedAddresses;
            allowedNumbers = t.allowedNumbers;
            authUsername = t.authUsername;
            authPassword = t.authPassword;
            authRealm = t.authRealm;
            headers = t.headers;
            headersToAttributes = t.headersToAttributes;
            attributesToHeaders = t.attributesToHeaders;
            includeHeaders = t.includeHeaders;
            ringingTimeout = t.ringingTimeout;
            maxCallDuration = t.maxCallDuration;
            krispEnabled = t.krispEnabled;
            mediaEncryption = t.mediaEncryption;
            createdAt = t.createdAt;
            updatedAt = t.updatedAt;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder metadata(String v) { metadata = v; return this; }
        public Builder numbers(List<String> v) { numbers = v; return this; }
        public Builder numbers(String... v) { numbers = List.of(v); return this; }
        public Builder allowedAddresses(List<String> v) { allowedAddresses = v; return this; }
        public Builder allowedAddresses(String... v) { allowedAddresses = List.of(v); return this; }
        public Builder allowedNumbers(List<String> v) { allowedNumbers = v; return this; }
        public Builder allowedNumbers(String... v) { allowedNumbers = List.of(v); return this; }
        public Builder authUsername(String v) { authUsername = v; return this; }
        public Builder authPassword(String v) { authPassword = v; return this; }
        public Builder authRealm(String v) { authRealm = v; return this; }
        public Builder headers(Map<String, String> v) { headers = v; return this; }
        public Builder headersToAttributes(Map<String, String> v) { headersToAttributes = v; return this; }
        public Builder attributesToHeaders(Map<String, String> v) { attributesToHeaders = v; return this; }
        public Builder includeHeaders(IncludeHeaders v) { includeHeaders = v; return this; }
        public Builder ringingTimeout(Duration v) { ringingTimeout = v; return this; }
        public Builder maxCallDuration(Duration v) { maxCallDuration = v; return this; }
        public Builder krispEnabled(boolean v) { krispEnabled = v; return this; }
        public Builder mediaEncryption(MediaEncryption v) { mediaEncryption = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }

        public InboundTrunk build() {
            return new InboundTrunk(id, name, metadata, numbers, allowedAddresses, allowedNumbers,
                    authUsername, authPassword, authRealm, headers, headersToAttributes, attributesToHeaders,
                    includeHeaders, ringingTimeout, maxCallDuration, krispEnabled, mediaEncryption,
                    createdAt, updatedAt);
        }
    }
}
