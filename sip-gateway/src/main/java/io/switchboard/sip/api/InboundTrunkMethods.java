package io.switchboard.sip.api;

import java.util.Objects;
import java.util.function.Predicate;

import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.store.ConfigRejectedException;
import io.switchboard.trunk.store.ConfigStore;
import livekit.LivekitSip.CreateSIPInboundTrunkRequest;
import livekit.LivekitSip.GetSIPInboundTrunkRequest;
import livekit.LivekitSip.GetSIPInboundTrunkResponse;
import livekit.LivekitSip.ListSIPInboundTrunkRequest;
import livekit.LivekitSip.ListSIPInboundTrunkResponse;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.UpdateSIPInboundTrunkRequest;

/** Create, update, get and list of inbound trunks; every write goes through the store's validation. */
final class InboundTrunkMethods {

    private final ConfigStore store;

    InboundTrunkMethods(ConfigStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    SIPInboundTrunkInfo create(CreateSIPInboundTrunkRequest request) {
        if (!request.hasTrunk()) {
            throw ApiErrors.required("trunk");
        }
        InboundTrunk draft = ApiErrors.mapping("trunk.", () -> InboundTrunkMapper.toModel(request.getTrunk()));
        try {
            return InboundTrunkMapper.toProto(store.createInboundTrunk(draft));
        } catch (ConfigRejectedException e) {
            throw ApiErrors.rejected("trunk.", e);
        }
    }

    SIPInboundTrunkInfo update(UpdateSIPInboundTrunkRequest request) {
        String id = request.getSipTrunkId();
        if (id.isEmpty()) {
            throw ApiErrors.required("sip_trunk_id");
        }
        RequestedChange<InboundTrunk> requested = switch (request.getActionCase()) {
            case REPLACE -> RequestedChange.replace(id, "sip_trunk_id", request.getReplace().getSipTrunkId(),
                    () -> InboundTrunkMapper.toModel(request.getReplace()),
                    // The API cannot carry auth_realm yet, so a replace keeps the stored one.
                    (value, current) -> value.toBuilder().id(id).authRealm(current.authRealm()).build());
            case UPDATE -> RequestedChange.update(() -> InboundTrunkMapper.toUpdate(request.getUpdate()));
            case ACTION_NOT_SET -> throw RequestedChange.missingAction();
        };
        return InboundTrunkMapper.toProto(requested.applyIn(store::updateInboundTrunk, id, () -> notFound(id)));
    }

    GetSIPInboundTrunkResponse get(GetSIPInboundTrunkRequest request) {
        String id = request.getSipTrunkId();
        if (id.isEmpty()) {
            throw ApiErrors.required("sip_trunk_id");
        }
        InboundTrunk trunk = store.getInboundTrunk(id).orElseThrow(() -> notFound(id));
        return GetSIPInboundTrunkResponse.newBuilder().setTrunk(InboundTrunkMapper.toProto(trunk)).build();
    }

    ListSIPInboundTrunkResponse list(ListSIPInboundTrunkRequest request) {
        Predicate<InboundTrunk> filter = t -> Listing.servesAnyOf(t.numbers(), request.getNumbersList());
        ListSIPInboundTrunkResponse.Builder out = ListSIPInboundTrunkResponse.newBuilder();
        if (request.getTrunkIdsCount() > 0) {
            Listing.byIds(request.getTrunkIdsList(), store::getInboundTrunk, filter).forEach(t -> out.addItems(
                    t.map(InboundTrunkMapper::toProto).orElse(SIPInboundTrunkInfo.getDefaultInstance())));
        } else {
            Listing.page(store.listInboundTrunks(Listing.storeRange(request.getPage())), filter, request.getPage())
                    .forEach(t -> out.addItems(InboundTrunkMapper.toProto(t)));
        }
        return out.build();
    }

    /** Says so when the id is an outbound trunk: the likely mistake. */
    private RuntimeException notFound(String id) {
        String hint = store.getOutboundTrunk(id).isPresent() ? "it is an outbound trunk" : "";
        return ApiErrors.notFound("inbound trunk", id, hint);
    }
}
