package io.switchboard.sip.api;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.InboundTrunkUpdate;
import io.switchboard.trunk.model.Violation;
import io.switchboard.trunk.store.ConfigNotFoundException;
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
        String prefix;
        UnaryOperator<InboundTrunk> change;
        switch (request.getActionCase()) {
            case REPLACE -> {
                SIPInboundTrunkInfo replace = request.getReplace();
                if (!replace.getSipTrunkId().isEmpty() && !replace.getSipTrunkId().equals(id)) {
                    throw ApiErrors.invalidField("replace.sip_trunk_id", "must be empty or " + id);
                }
                InboundTrunk value = ApiErrors.mapping("replace.", () -> InboundTrunkMapper.toModel(replace));
                prefix = "replace.";
                // The API cannot carry auth_realm yet, so a replace keeps the stored one.
                change = current -> value.toBuilder().id(id).authRealm(current.authRealm()).build();
            }
            case UPDATE -> {
                InboundTrunkUpdate update = ApiErrors.mapping("update.",
                        () -> InboundTrunkMapper.toUpdate(request.getUpdate()));
                List<Violation> problems = update.problems();
                if (!problems.isEmpty()) {
                    throw ApiErrors.invalid("update.", problems);
                }
                prefix = "";
                change = update::applyTo;
            }
            case ACTION_NOT_SET -> throw ApiErrors.invalidField("action", "one of replace or update is required");
            default -> throw new IllegalStateException("unknown action " + request.getActionCase());
        }
        try {
            return InboundTrunkMapper.toProto(store.updateInboundTrunk(id, change));
        } catch (ConfigNotFoundException e) {
            throw notFound(id);
        } catch (ConfigRejectedException e) {
            throw ApiErrors.rejected(prefix, e);
        }
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
