package io.switchboard.trunk.model;

import java.util.List;

/** A partial change to a stored value: checked first, then applied to the current value. */
public interface ModelUpdate<M> {

    /** Malformed parts of the update, each naming its field; empty when it can be applied. */
    List<Violation> problems();

    /**
     * The value with this update applied. The result still has to pass write-time validation.
     *
     * @throws IllegalArgumentException naming the field if the update is malformed
     */
    M applyTo(M current);
}
