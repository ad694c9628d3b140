package io.switchboard.sip.api;

import java.util.Objects;
import java.util.function.Predicate;

import io.switchboard.trunk.model.OutboundTrunk;
import io.switchboard.trunk.store.ConfigRejectedException;
import io.switchboard.trunk.store.ConfigStore;
import livekit.LivekitSip.CreateSIPOutboundTrunkRequest;
import livekit.LivekitSip.GetSIPOutboundTrunkRequest;
import livekit.LivekitSip.GetSIPOutboundTrunkResponse;
import livekit.LivekitSip.ListSIPOutboundTrunkRequest;
import livekit.LivekitSip.ListSIPOutboundTrunkResponse;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import livekit.LivekitSip.UpdateSIPOutboundTrunkRequest;

/** Create, update, get and list of outbound trunks; every write goes through the store's validation. */
final class OutboundTrunkMethods {

    private final ConfigStore store;

    OutboundTrunkMethods(ConfigStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    SIPOutboundTrunkInfo create(CreateSIPOutboundTrunkRequest request) {
        if (!request.hasTrunk()) {
            throw ApiErrors.required("trunk");
        }
        OutboundTrunk draft = ApiErrors.mapping("trunk.", () -> OutboundTrunkMapper.toModel(request.getTrunk()));
        try {
            return OutboundTrunkMapper.toProto(store.createOutboundTrunk(draft));
        } catch (ConfigRejectedException e) {
            throw ApiErrors.rejected("trunk.", e);
        }
    }

    SIPOutboundTrunkInfo update(UpdateSIPOutboundTrunkRequest request) {
        String id = request.getSipTrunkId();
        if (id.isEmpty()) {
            throw ApiErrors.required("sip_trunk_id");
        }
        RequestedChange<OutboundTrunk> requested = switch (request.getActionCase()) {
            case REPLACE -> RequestedChange.replace(id, "sip_trunk_id", request.getReplace().getSipTrunkId(),
                    () -> OutboundTrunkMapper.toModel(request.getReplace()), (value, current) -> value.toBuilder().id(id).build());
            case UPDATE -> RequestedChange.update(() -> OutboundTrunkMapper.toUpdate(request.getUpdate()));
            case ACTION_NOT_SET -> throw RequestedChange.missingAction();
        };
        return OutboundTrunkMapper.toProto(requested.applyIn(store::updateOutboundTrunk, id, () -> notFound(id)));
    }

    GetSIPOutboundTrunkResponse get(GetSIPOutboundTrunkRequest request) {
        String id = request.getSipTrunkId();
        if (id.isEmpty()) {
            throw ApiErrors.required("sip_trunk_id");
        }
        OutboundTrunk trunk = store.getOutboundTrunk(id).orElseThrow(() -> notFound(id));
        return GetSIPOutboundTrunkResponse.newBuilder().setTrunk(OutboundTrunkMapper.toProto(trunk)).build();
    }

    ListSIPOutboundTrunkResponse list(ListSIPOutboundTrunkRequest request) {
        Predicate<OutboundTrunk> filter = t -> Listing.servesAnyOf(t.numbers(), request.getNumbersList());
        ListSIPOutboundTrunkResponse.Builder out = ListSIPOutboundTrunkResponse.newBuilder();
        if (request.getTrunkIdsCount() > 0) {
            Listing.byIds(request.getTrunkIdsList(), store::getOutboundTrunk, filter).forEach(t -> out.addItems(
                    t.map(OutboundTrunkMapper::toProto).orElse(SIPOutboundTrunkInfo.getDefaultInstance())));
        } else {
            Listing.page(store.listOutboundTrunks(Listing.storeRange(request.getPage())), filter, request.getPage())
                    .forEach(t -> out.addItems(OutboundTrunkMapper.toProto(t)));
        }
        return out.build();
    }

    /** Says so when the id is an inbound trunk: the likely mistake. */
    private RuntimeException notFound(String id) {
        String hint = store.getInboundTrunk(id).isPresent() ? "it is an inbound trunk" : "";
        return ApiErrors.notFound("outbound trunk", id, hint);
    }
}
