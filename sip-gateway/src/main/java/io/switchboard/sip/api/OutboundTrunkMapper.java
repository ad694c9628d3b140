package io.switchboard.sip.api;

import io.switchboard.trunk.model.OutboundTrunk;
import io.switchboard.trunk.model.OutboundTrunkUpdate;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkUpdate;

/** {@code SIPOutboundTrunkInfo} and {@code SIPOutboundTrunkUpdate} to and from {@link OutboundTrunk}. */
final class OutboundTrunkMapper {

    private OutboundTrunkMapper() {
    }

    static OutboundTrunk toModel(SIPOutboundTrunkInfo p) {
        return OutboundTrunk.builder()
                .id(p.getSipTrunkId())
                .name(p.getName())
                .metadata(p.getMetadata())
                .address(p.getAddress())
                .transport(ProtoValues.transport(p.getTransport(), "transport"))
                .destinationCountry(p.getDestinationCountry())
                .numbers(p.getNumbersList())
                .authUsername(p.getAuthUsername())
                .authPassword(p.getAuthPassword())
                .headers(p.getHeadersMap())
                .headersToAttributes(p.getHeadersToAttributesMap())
                .attributesToHeaders(p.getAttributesToHeadersMap())
                .includeHeaders(ProtoValues.includeHeaders(p.getIncludeHeaders(), "include_headers"))
                .mediaEncryption(ProtoValues.mediaEncryption(p.getMediaEncryption(), "media_encryption"))
                .fromHost(p.getFromHost())
                .createdAt(ProtoValues.instant(p.hasCreatedAt(), p.getCreatedAt()))
                .updatedAt(ProtoValues.instant(p.hasUpdatedAt(), p.getUpdatedAt()))
                .build();
    }

    static SIPOutboundTrunkInfo toProto(OutboundTrunk t) {
        SIPOutboundTrunkInfo.Builder b = SIPOutboundTrunkInfo.newBuilder()
                .setSipTrunkId(t.id())
                .setName(t.name())
                .setMetadata(t.metadata())
                .setAddress(t.address())
                .setTransport(ProtoValues.transport(t.transport()))
                .setDestinationCountry(t.destinationCountry())
                .addAllNumbers(t.numbers())
                .setAuthUsername(t.authUsername())
                .setAuthPassword(t.authPassword())
                .putAllHeaders(t.headers())
                .putAllHeadersToAttributes(t.headersToAttributes())
                .putAllAttributesToHeaders(t.attributesToHeaders())
                .setIncludeHeaders(ProtoValues.includeHeaders(t.includeHeaders()))
                .setMediaEncryption(ProtoValues.mediaEncryption(t.mediaEncryption()))
                .setFromHost(t.fromHost());
        ProtoValues.ifInstant(t.createdAt(), b::setCreatedAt);
        ProtoValues.ifInstant(t.updatedAt(), b::setUpdatedAt);
        return b.build();
    }

    /** The partial update; absent fields are null and leave the stored value alone. */
    static OutboundTrunkUpdate toUpdate(SIPOutboundTrunkUpdate u) {
        return new OutboundTrunkUpdate(
                u.hasAddress() ? u.getAddress() : null,
                u.hasTransport() ? ProtoValues.transport(u.getTransport(), "transport") : null,
                u.hasDestinationCountry() ? u.getDestinationCountry() : null,
                ProtoValues.listUpdate(u.hasNumbers(), u.getNumbers()),
                u.hasAuthUsername() ? u.getAuthUsername() : null,
                u.hasAuthPassword() ? u.getAuthPassword() : null,
                u.hasName() ? u.getName() : null,
                u.hasMetadata() ? u.getMetadata() : null,
                u.hasMediaEncryption() ? ProtoValues.mediaEncryption(u.getMediaEncryption(), "media_encryption") : null,
                u.hasFromHost() ? u.getFromHost() : null);
    }
}
