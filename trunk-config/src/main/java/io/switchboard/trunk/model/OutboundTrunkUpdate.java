package io.switchboard.trunk.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A partial change to an outbound trunk, as LiveKit's {@code SIPOutboundTrunkUpdate}.
 * A null component leaves that field unchanged.
 */
public record OutboundTrunkUpdate(
        String address,
        SipTransport transport,
        String destinationCountry,
        ListUpdate numbers,
        String authUsername,
        String authPassword,
        String name,
        String metadata,
        MediaEncryption mediaEncryption,
        String fromHost) implements ModelUpdate<OutboundTrunk> {

    /** Malformed list updates, each naming its field. */
    @Override
    public List<Violation> problems() {
        List<Violation> out = new ArrayList<>();
        Updates.check(out, "numbers", numbers);
        return out;
    }

    /**
     * The trunk with this update applied. The result still has to pass write-time validation.
     *
     * @throws IllegalArgumentException naming the field if a list update is malformed
     */
    @Override
    public OutboundTrunk applyTo(OutboundTrunk trunk) {
        Updates.requireNoProblems(problems());
        OutboundTrunk.Builder b = trunk.toBuilder();
        if (address != null) b.address(address);
        if (transport != null) b.transport(transport);
        if (destinationCountry != null) b.destinationCountry(destinationCountry);
        if (numbers != null) b.numbers(numbers.apply(trunk.numbers()));
        if (authUsername != null) b.authUsername(authUsername);
        if (authPassword != null) b.authPassword(authPassword);
        if (name != null) b.name(name);
        if (metadata != null) b.metadata(metadata);
        if (mediaEncryption != null) b.mediaEncryption(mediaEncryption);
        if (fromHost != null) b.fromHost(fromHost);
        return b.build();
    }
}
