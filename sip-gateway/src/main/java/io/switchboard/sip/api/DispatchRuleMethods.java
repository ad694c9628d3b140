package io.switchboard.sip.api;

import java.util.Objects;
import java.util.function.Predicate;

import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.store.ConfigRejectedException;
import io.switchboard.trunk.store.ConfigStore;
import livekit.LivekitSip.CreateSIPDispatchRuleRequest;
import livekit.LivekitSip.DeleteSIPDispatchRuleRequest;
import livekit.LivekitSip.ListSIPDispatchRuleRequest;
import livekit.LivekitSip.ListSIPDispatchRuleResponse;
import livekit.LivekitSip.SIPDispatchRuleInfo;
import livekit.LivekitSip.UpdateSIPDispatchRuleRequest;

/** Create, update, list and delete of dispatch rules; every write goes through the store's validation. */
final class DispatchRuleMethods {

    private final ConfigStore store;

    DispatchRuleMethods(ConfigStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Takes {@code dispatch_rule}, or the deprecated top-level fields when it is absent (as the Node SDK sends). */
    @SuppressWarnings("deprecation")
    SIPDispatchRuleInfo create(CreateSIPDispatchRuleRequest request) {
        String prefix = request.hasDispatchRule() ? "dispatch_rule." : "";
        DispatchRule draft = ApiErrors.mapping(prefix, () -> request.hasDispatchRule()
                ? DispatchRuleMapper.toModel(request.getDispatchRule())
                : DispatchRuleMapper.fromLegacyCreate(request));
        try {
            return DispatchRuleMapper.toProto(store.createDispatchRule(draft));
        } catch (ConfigRejectedException e) {
            throw ApiErrors.rejected(prefix, e);
        }
    }

    SIPDispatchRuleInfo update(UpdateSIPDispatchRuleRequest request) {
        String id = request.getSipDispatchRuleId();
        if (id.isEmpty()) {
            throw ApiErrors.required("sip_dispatch_rule_id");
        }
        RequestedChange<DispatchRule> requested = switch (request.getActionCase()) {
            case REPLACE -> RequestedChange.replace(id, "sip_dispatch_rule_id", request.getReplace().getSipDispatchRuleId(),
                    () -> DispatchRuleMapper.toModel(request.getReplace()), (value, current) -> value.toBuilder().id(id).build());
            case UPDATE -> RequestedChange.update(() -> DispatchRuleMapper.toUpdate(request.getUpdate()));
            case ACTION_NOT_SET -> throw RequestedChange.missingAction();
        };
        return DispatchRuleMapper.toProto(requested.applyIn(store::updateDispatchRule, id, () -> ApiErrors.notFound("dispatch rule", id)));
    }

    /** Filter {@code trunk_ids} keeps rules for one of those trunks and rules for every trunk. */
    ListSIPDispatchRuleResponse list(ListSIPDispatchRuleRequest request) {
        Predicate<DispatchRule> filter = r -> Listing.appliesToAnyOf(r.trunkIds(), request.getTrunkIdsList());
        ListSIPDispatchRuleResponse.Builder out = ListSIPDispatchRuleResponse.newBuilder();
        if (request.getDispatchRuleIdsCount() > 0) {
            Listing.byIds(request.getDispatchRuleIdsList(), store::getDispatchRule, filter).forEach(r -> out.addItems(
                    r.map(DispatchRuleMapper::toProto).orElse(SIPDispatchRuleInfo.getDefaultInstance())));
        } else {
            Listing.page(store.listDispatchRules(Listing.storeRange(request.getPage())), filter, request.getPage())
                    .forEach(r -> out.addItems(DispatchRuleMapper.toProto(r)));
        }
        return out.build();
    }

    /** Answers the rule as it was before deletion. */
    SIPDispatchRuleInfo delete(DeleteSIPDispatchRuleRequest request) {
        String id = request.getSipDispatchRuleId();
        if (id.isEmpty()) {
            throw ApiErrors.required("sip_dispatch_rule_id");
        }
        return store.deleteDispatchRule(id).map(DispatchRuleMapper::toProto)
                .orElseThrow(() -> ApiErrors.notFound("dispatch rule", id));
    }
}
