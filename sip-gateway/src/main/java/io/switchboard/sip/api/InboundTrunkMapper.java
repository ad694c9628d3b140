package io.switchboard.sip.api;

import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.InboundTrunkUpdate;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPInboundTrunkUpdate;

/**
 * {@code SIPInboundTrunkInfo} and {@code SIPInboundTrunkUpdate} to and from {@link InboundTrunk}.
 *
 * <p>The protos this server is built with (livekit-server 0.13.0) predate {@code auth_realm} and
 * {@code media}; only the deprecated {@code media_encryption} carries the SRTP policy, and the
 * realm is left to the gateway's default.
 */
final class InboundTrunkMapper {

    private InboundTrunkMapper() {
    }

    static InboundTrunk toModel(SIPInboundTrunkInfo p) {
        return InboundTrunk.builder()
                .id(p.getSipTrunkId())
                .name(p.getName())
                .metadata(p.getMetadata())
                .numbers(p.getNumbersList())
                .allowedAddresses(p.getAllowedAddressesList())
                .allowedNumbers(p.getAllowedNumbersList())
                .authUsername(p.getAuthUsername())
                .authPassword(p.getAuthPassword())
                .headers(p.getHeadersMap())
                .headersToAttributes(p.getHeadersToAttributesMap())
                .attributesToHeaders(p.getAttributesToHeadersMap())
                .includeHeaders(ProtoValues.includeHeaders(p.getIncludeHeaders(), "include_headers"))
                .ringingTimeout(ProtoValues.duration(p.hasRingingTimeout(), p.getRingingTimeout()))
                .maxCallDuration(ProtoValues.duration(p.hasMaxCallDuration(), p.getMaxCallDuration()))
                .krispEnabled(p.getKrispEnabled())
                .mediaEncryption(ProtoValues.mediaEncryption(p.getMediaEncryption(), "media_encryption"))
                .createdAt(ProtoValues.instant(p.hasCreatedAt(), p.getCreatedAt()))
                .updatedAt(ProtoValues.instant(p.hasUpdatedAt(), p.getUpdatedAt()))
                .build();
    }

    static SIPInboundTrunkInfo toProto(InboundTrunk t) {
        SIPInboundTrunkInfo.Builder b = SIPInboundTrunkInfo.newBuilder()
                .setSipTrunkId(t.id())
                .setName(t.name())
                .setMetadata(t.metadata())
                .addAllNumbers(t.numbers())
                .addAllAllowedAddresses(t.allowedAddresses())
                .addAllAllowedNumbers(t.allowedNumbers())
                .setAuthUsername(t.authUsername())
                .setAuthPassword(t.authPassword())
                .putAllHeaders(t.headers())
                .putAllHeadersToAttributes(t.headersToAttributes())
                .putAllAttributesToHeaders(t.attributesToHeaders())
                .setIncludeHeaders(ProtoValues.includeHeaders(t.includeHeaders()))
                .setKrispEnabled(t.krispEnabled())
                .setMediaEncryption(ProtoValues.mediaEncryption(t.mediaEncryption()));
        ProtoValues.ifDuration(t.ringingTimeout(), b::setRingingTimeout);
        ProtoValues.ifDuration(t.maxCallDuration(), b::setMaxCallDuration);
        ProtoValues.ifInstant(t.createdAt(), b::setCreatedAt);
        ProtoValues.ifInstant(t.updatedAt(), b::setUpdatedAt);
        return b.build();
    }

    /** The partial update; absent fields are null and leave the stored value alone. */
    static InboundTrunkUpdate toUpdate(SIPInboundTrunkUpdate u) {
        return new InboundTrunkUpdate(
                ProtoValues.listUpdate(u.hasNumbers(), u.getNumbers()),
                ProtoValues.listUpdate(u.hasAllowedAddresses(), u.getAllowedAddresses()),
                ProtoValues.listUpdate(u.hasAllowedNumbers(), u.getAllowedNumbers()),
                u.hasAuthUsername() ? u.getAuthUsername() : null,
                u.hasAuthPassword() ? u.getAuthPassword() : null,
                null,
                u.hasName() ? u.getName() : null,
                u.hasMetadata() ? u.getMetadata() : null,
                u.hasMediaEncryption() ? ProtoValues.mediaEncryption(u.getMediaEncryption(), "media_encryption") : null);
    }
}
