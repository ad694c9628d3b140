package io.switchboard.trunk.store;

import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.OutboundTrunk;

/** One change in the journal. Each put holds the whole new value, so replay is idempotent. */
sealed interface JournalEntry {

    record PutInbound(InboundTrunk trunk) implements JournalEntry {
    }

    record PutOutbound(OutboundTrunk trunk) implements JournalEntry {
    }

    record PutRule(DispatchRule rule) implements JournalEntry {
    }

    record Delete(Kind kind, String id) implements JournalEntry {
    }

    /** What a delete removes; the names are the journal's {@code type} values. */
    enum Kind {
        INBOUND_TRUNK("inbound_trunk"),
        OUTBOUND_TRUNK("outbound_trunk"),
        DISPATCH_RULE("dispatch_rule");

        final String json;

        Kind(String json) {
            this.json = json;
        }

        static Kind fromJson(String value) throws java.io.IOException {
            for (Kind k : values()) {
                if (k.json.equals(value)) {
                    return k;
                }
            }
            throw new java.io.IOException("unknown record type in journal: \"" + value + "\"");
        }
    }
}
