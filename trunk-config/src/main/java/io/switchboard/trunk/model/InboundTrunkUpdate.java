package io.switchboard.trunk.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A partial change to an inbound trunk, as LiveKit's {@code SIPInboundTrunkUpdate}.
 * A null component leaves that field unchanged.
 */
public record InboundTrunkUpdate(
        ListUpdate numbers,
        ListUpdate allowedAddresses,
        ListUpdate allowedNumbers,
        String authUsername,
        String authPassword,
        String authRealm,
        String name,
        String metadata,
        MediaEncryption mediaEncryption) implements ModelUpdate<InboundTrunk> {

    /** Malformed list updates, each naming its field. */
    @Override
    public List<Violation> problems() {
        List<Violation> out = new ArrayList<>();
        Updates.check(out, "numbers", numbers);
        Updates.check(out, "allowed_addresses", allowedAddresses);
        Updates.check(out, "allowed_numbers", allowedNumbers);
        return out;
    }

    /**
     * The trunk with this update applied. The result still has to pass write-time validation.
     *
     * @throws IllegalArgumentException naming the field if a list update is malformed
     */
    @Override
    public InboundTrunk applyTo(InboundTrunk trunk) {
        Updates.requireNoProblems(problems());
        InboundTrunk.Builder b = trunk.toBuilder();
        if (numbers != null) b.numbers(numbers.apply(trunk.numbers()));
        if (allowedAddresses != null) b.allowedAddresses(allowedAddresses.apply(trunk.allowedAddresses()));
        if (allowedNumbers != null) b.allowedNumbers(allowedNumbers.apply(trunk.allowedNumbers()));
        if (authUsername != null) b.authUsername(authUsername);
        if (authPassword != null) b.authPassword(authPassword);
        if (authRealm != null) b.authRealm(authRealm);
        if (name != null) b.name(name);
        if (metadata != null) b.metadata(metadata);
        if (mediaEncryption != null) b.mediaEncryption(mediaEncryption);
        return b.build();
    }
}
