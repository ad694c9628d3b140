package io.switchboard.trunk.store;

import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.OutboundTrunk;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Durable home of trunks and dispatch rules. A write that returns has been persisted and
 * survives a crash; a write that throws has changed nothing.
 *
 * <p>Writes are validated and checked for conflicts with what is stored (see the
 * {@code io.switchboard.trunk.match} validators); a refused write throws
 * {@link ConfigRejectedException} listing every problem. Creates assign the id ({@code ST_...}
 * for trunks, {@code SDR_...} for rules) and the timestamps; the draft's id must be empty.
 * Updates keep the id and {@code createdAt} and set {@code updatedAt}. Updating a missing id
 * throws {@link ConfigNotFoundException}. Lists are in id order; storage failures surface as
 * {@link java.io.UncheckedIOException}.
 */
public interface ConfigStore extends AutoCloseable {

    InboundTrunk createInboundTrunk(InboundTrunk draft);

    /** Replaces the stored trunk with {@code change.apply(current)}; the function must be pure. */
    InboundTrunk updateInboundTrunk(String id, UnaryOperator<InboundTrunk> change);

    Optional<InboundTrunk> getInboundTrunk(String id);

    List<InboundTrunk> listInboundTrunks(PageRequest page);

    /** The deleted trunk, or empty if there was none with that id. */
    Optional<InboundTrunk> deleteInboundTrunk(String id);

    OutboundTrunk createOutboundTrunk(OutboundTrunk draft);

    /** Replaces the stored trunk with {@code change.apply(current)}; the function must be pure. */
    OutboundTrunk updateOutboundTrunk(String id, UnaryOperator<OutboundTrunk> change);

    Optional<OutboundTrunk> getOutboundTrunk(String id);

    List<OutboundTrunk> listOutboundTrunks(PageRequest page);

    /** The deleted trunk, or empty if there was none with that id. */
    Optional<OutboundTrunk> deleteOutboundTrunk(String id);

    DispatchRule createDispatchRule(DispatchRule draft);

    /** Replaces the stored rule with {@code change.apply(current)}; the function must be pure. */
    DispatchRule updateDispatchRule(String id, UnaryOperator<DispatchRule> change);

    Optional<DispatchRule> getDispatchRule(String id);

    List<DispatchRule> listDispatchRules(PageRequest page);

    /** The deleted rule, or empty if there was none with that id. */
    Optional<DispatchRule> deleteDispatchRule(String id);

    /** Everything, read at one instant, for matching a call against a consistent view. */
    ConfigSnapshot snapshot();

    @Override
    void close();
}
