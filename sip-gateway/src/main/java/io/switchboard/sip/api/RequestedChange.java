package io.switchboard.sip.api;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.switchboard.trunk.model.ModelUpdate;
import io.switchboard.trunk.model.Violation;
import io.switchboard.trunk.store.ConfigNotFoundException;
import io.switchboard.trunk.store.ConfigRejectedException;

/**
 * What an {@code Update…} request asks of a stored trunk or rule (LiveKit's oneof {@code action}):
 * a whole {@code replace}ment or a partial {@code update}. {@code errorPrefix} is the path that
 * store refusals are reported under: {@code replace.} for a replacement, nothing for an update,
 * whose result is a whole value again.
 */
record RequestedChange<M>(String errorPrefix, UnaryOperator<M> change) {

    /**
     * A replacement, whose own id must be empty or the id being updated.
     *
     * @param keepStored combines (replacement, current) into the value to store, e.g. to keep the id
     */
    static <M> RequestedChange<M> replace(String id, String idField, String replacementId, Supplier<M> toModel,
            BinaryOperator<M> keepStored) {
        if (!replacementId.isEmpty() && !replacementId.equals(id)) {
            throw ApiErrors.invalidField("replace." + idField, "must be empty or " + id);
        }
        M value = ApiErrors.mapping("replace.", toModel);
        return new RequestedChange<>("replace.", current -> keepStored.apply(value, current));
    }

    /** A partial update, refused up front when it is malformed. */
    static <M> RequestedChange<M> update(Supplier<? extends ModelUpdate<M>> toUpdate) {
        ModelUpdate<M> update = ApiErrors.mapping("update.", toUpdate);
        List<Violation> problems = update.problems();
        if (!problems.isEmpty()) {
            throw ApiErrors.invalid("update.", problems);
        }
        return new RequestedChange<>("", update::applyTo);
    }

    static RuntimeException missingAction() {
        return ApiErrors.invalidField("action", "one of replace or update is required");
    }

    /**
     * Applies the change through {@code store} (one of the store's {@code update…} methods),
     * turning its refusals into Twirp errors.
     */
    M applyIn(BiFunction<String, UnaryOperator<M>, M> store, String id, Supplier<RuntimeException> notFound) {
        try {
            return store.apply(id, change);
        } catch (ConfigNotFoundException e) {
            throw notFound.get();
        } catch (ConfigRejectedException e) {
            throw ApiErrors.rejected(errorPrefix, e);
        }
    }
}
