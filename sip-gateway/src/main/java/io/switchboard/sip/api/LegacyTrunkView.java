package io.switchboard.sip.api;

import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.OutboundTrunk;
import livekit.LivekitSip.SIPTrunkInfo;

/**
 * The deprecated {@code SIPTrunkInfo} view of a trunk, as LiveKit's {@code AsTrunkInfo}: what
 * {@code ListSIPTrunk} lists and {@code DeleteSIPTrunk} answers. It has a single number, so only
 * the first of a trunk's numbers shows.
 */
@SuppressWarnings("deprecation") // SIPTrunkInfo is deprecated in the proto and still served
final class LegacyTrunkView {

    private LegacyTrunkView() {
    }

    static SIPTrunkInfo of(InboundTrunk t) {
        return SIPTrunkInfo.newBuilder()
                .setSipTrunkId(t.id())
                .setKind(SIPTrunkInfo.TrunkKind.TRUNK_INBOUND)
                .setName(t.name())
                .setMetadata(t.metadata())
                .setOutboundNumber(t.numbers().isEmpty() ? "" : t.numbers().getFirst())
                .addAllInboundAddresses(t.allowedAddresses())
                .addAllInboundNumbers(t.allowedNumbers())
                .setInboundUsername(t.authUsername())
                .setInboundPassword(t.authPassword())
                .build();
    }

    static SIPTrunkInfo of(OutboundTrunk t) {
        return SIPTrunkInfo.newBuilder()
                .setSipTrunkId(t.id())
                .setKind(SIPTrunkInfo.TrunkKind.TRUNK_OUTBOUND)
                .setName(t.name())
                .setMetadata(t.metadata())
                .setOutboundAddress(t.address())
                .setTransport(ProtoValues.transport(t.transport()))
                .setOutboundNumber(t.numbers().isEmpty() ? "" : t.numbers().getFirst())
                .setOutboundUsername(t.authUsername())
                .setOutboundPassword(t.authPassword())
                .build();
    }
}
