package io.switchboard.trunk.store;

import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.OutboundTrunk;
import java.util.List;

/** All stored configuration at one instant, each list in id order. */
public record ConfigSnapshot(List<InboundTrunk> inboundTrunks, List<OutboundTrunk> outboundTrunks,
                             List<DispatchRule> dispatchRules) {
    public ConfigSnapshot {
        inboundTrunks = List.copyOf(inboundTrunks);
        outboundTrunks = List.copyOf(outboundTrunks);
        dispatchRules = List.copyOf(dispatchRules);
    }
}
