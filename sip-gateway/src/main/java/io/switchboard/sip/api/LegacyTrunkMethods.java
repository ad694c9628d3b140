package io.switchboard.sip.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.switchboard.trunk.store.ConfigStore;
import livekit.LivekitSip.DeleteSIPTrunkRequest;
import livekit.LivekitSip.ListSIPTrunkRequest;
import livekit.LivekitSip.ListSIPTrunkResponse;
import livekit.LivekitSip.SIPTrunkInfo;

/** The methods that treat both kinds of trunk alike: the deprecated ListSIPTrunk, and DeleteSIPTrunk. */
@SuppressWarnings("deprecation") // ListSIPTrunk and SIPTrunkInfo are deprecated in the proto and still served
final class LegacyTrunkMethods {

    private final ConfigStore store;

    LegacyTrunkMethods(ConfigStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Inbound and outbound trunks together, in id order, paged like the other lists. */
    ListSIPTrunkResponse list(ListSIPTrunkRequest request) {
        List<SIPTrunkInfo> all = new ArrayList<>();
        store.listInboundTrunks(Listing.storeRange(request.getPage())).forEach(t -> all.add(LegacyTrunkView.of(t)));
        store.listOutboundTrunks(Listing.storeRange(request.getPage())).forEach(t -> all.add(LegacyTrunkView.of(t)));
        all.sort(Comparator.comparing(SIPTrunkInfo::getSipTrunkId));
        return ListSIPTrunkResponse.newBuilder()
                .addAllItems(Listing.page(all, t -> true, request.getPage()))
                .build();
    }

    /**
     * Deletes the trunk of either kind and answers what was deleted. LiveKit answers an unknown id
     * with just that id; this server says {@code not_found}, so a mistyped id does not pass as deleted.
     */
    SIPTrunkInfo delete(DeleteSIPTrunkRequest request) {
        String id = request.getSipTrunkId();
        if (id.isEmpty()) {
            throw ApiErrors.required("sip_trunk_id");
        }
        Optional<SIPTrunkInfo> deleted = store.deleteInboundTrunk(id).map(LegacyTrunkView::of);
        if (deleted.isEmpty()) {
            deleted = store.deleteOutboundTrunk(id).map(LegacyTrunkView::of);
        }
        return deleted.orElseThrow(() -> ApiErrors.notFound("trunk", id));
    }
}
