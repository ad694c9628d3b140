package io.switchboard.trunk.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where outbound calls are sent, as LiveKit's {@code SIPOutboundTrunkInfo}.
 *
 * @param id                  {@code ST_...}; empty until the store assigns one
 * @param address             hostname or IP of the carrier, optionally with a port, never a {@code sip:} URI
 * @param destinationCountry  ISO 3166-1 alpha-2 code of where calls terminate; empty if unknown
 * @param numbers             caller IDs; one is picked per call unless the call names one
 * @param headers             headers added to the INVITE
 * @param headersToAttributes 200 OK header name to participant attribute name
 * @param attributesToHeaders participant attribute name to header name on BYE/REFER
 * @param fromHost            host of the From URI; empty means the gateway's own
 */
public record OutboundTrunk(
        String id,
        String name,
        String metadata,
        String address,
        SipTransport transport,
        String destinationCountry,
        List<String> numbers,
        String authUsername,
        String authPassword,
        Map<String, String> headers,
        Map<String, String> headersToAttributes,
        Map<String, String> attributesToHeaders,
        IncludeHeaders includeHeaders,
        MediaEncryption mediaEncryption,
        String fromHost,
        Instant createdAt,
        Instant updatedAt) {

    public OutboundTrunk {
        id = Values.text(id);
        name = Values.text(name);
        metadata = Values.text(metadata);
        address = Values.text(address);
        transport = transport == null ? SipTransport.AUTO : transport;
        destinationCountry = Values.text(destinationCountry);
        numbers = Values.list("numbers", numbers);
        authUsername = Values.text(authUsername);
        authPassword = Values.text(authPassword);
        headers = Values.map("headers", headers);
        headersToAttributes = Values.map("headers_to_attributes", headersToAttributes);
        attributesToHeaders = Values.map("attributes_to_headers", attributesToHeaders);
        includeHeaders = includeHeaders == null ? IncludeHeaders.NONE : includeHeaders;
        mediaEncryption = mediaEncryption == null ? MediaEncryption.DISABLE : mediaEncryption;
        fromHost = Values.text(fromHost);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public OutboundTrunk withId(String newId) {
        return toBuilder().id(newId).build();
    }

    public OutboundTrunk withTimestamps(Instant created, Instant updated) {
        return toBuilder().createdAt(created).updatedAt(updated).build();
    }

    /** The password never reaches a log line. */
    @Override
    public String toString() {
        return "OutboundTrunk[id=" + id + ", name=" + name + ", address=" + address + ", transport=" + transport
                + ", numbers=" + numbers + ", authUsername=" + authUsername
                + ", authPassword=" + (authPassword.isEmpty() ? "" : "<redacted>")
                + ", fromHost=" + fromHost + ", mediaEncryption=" + mediaEncryption + "]";
    }

    /** Mutable helper for building trunks field by field. */
    public static final class Builder {
        private String id = "";
        private String name = "";
        private String metadata = "";
        private String address = "";
        private SipTransport transport = SipTransport.AUTO;
        private String destinationCountry = "";
        private List<String> numbers = List.of();
        private String authUsername = "";
        private String authPassword = "";
        private Map<String, String> headers = Map.of();
        private Map<String, String> headersToAttributes = Map.of();
        private Map<String, String> attributesToHeaders = Map.of();
        private IncludeHeaders includeHeaders = IncludeHeaders.NONE;
        private MediaEncryption mediaEncryption = MediaEncryption.DISABLE;
        private String fromHost = "";
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {
        }

        private Builder(OutboundTrunk t) {
            id = t.id;
            name = t.name;
            metadata = t.metadata;
            address = t.address;
            transport = t.transport;
            destinationCountry = t.destinationCountry;
            numbers = t.numbers;
            authUsername = t.authUsername;
            authPassword = t.authPassword;
            headers = t.headers;
            headersToAttributes = t.headersToAttributes;
            attributesToHeaders = t.attributesToHeaders;
            includeHeaders = t.includeHeaders;
            mediaEncryption = t.mediaEncryption;
            fromHost = t.fromHost;
            createdAt = t.createdAt;
            updatedAt = t.updatedAt;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder metadata(String v) { metadata = v; return this; }
        public Builder address(String v) { address = v; return this; }
        public Builder transport(SipTransport v) { transport = v; return this; }
        public Builder destinationCountry(String v) { destinationCountry = v; return this; }
        public Builder numbers(List<String> v) { numbers = v; return this; }
        public Builder numbers(String... v) { numbers = List.of(v); return this; }
        public Builder authUsername(String v) { authUsername = v; return this; }
        public Builder authPassword(String v) { authPassword = v; return this; }
        public Builder headers(Map<String, String> v) { headers = v; return this; }
        public Builder headersToAttributes(Map<String, String> v) { headersToAttributes = v; return this; }
        public Builder attributesToHeaders(Map<String, String> v) { attributesToHeaders = v; return this; }
        public Builder includeHeaders(IncludeHeaders v) { includeHeaders = v; return this; }
        public Builder mediaEncryption(MediaEncryption v) { mediaEncryption = v; return this; }
        public Builder fromHost(String v) { fromHost = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }

        public OutboundTrunk build() {
            return new OutboundTrunk(id, name, metadata, address, transport, destinationCountry, numbers,
                    authUsername, authPassword, headers, headersToAttributes, attributesToHeaders,
                    includeHeaders, mediaEncryption, fromHost, createdAt, updatedAt);
        }
    }
}
