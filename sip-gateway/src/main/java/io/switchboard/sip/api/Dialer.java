package io.switchboard.sip.api;

import java.security.SecureRandom;
import java.util.Comparator;

import io.switchboard.protocol.twirp.TwirpException;
import io.switchboard.sip.outbound.OutboundCallService;
import io.switchboard.sip.outbound.OutboundSetupException;
import io.switchboard.sip.outbound.PlacedCall;
import io.switchboard.trunk.model.OutboundTrunk;
import io.switchboard.trunk.store.ConfigStore;
import io.switchboard.trunk.store.PageRequest;
import livekit.LivekitSip.CreateSIPParticipantRequest;

/**
 * Places calls for in-process callers (agents' tools) exactly as CreateSIPParticipant reads its
 * request, with one convenience: no trunk named means the outbound trunk created first.
 */
public final class Dialer {

    /** "The first trunk": the one created first (ids are random, so they do not order it). */
    private static final Comparator<OutboundTrunk> FIRST_CREATED = Comparator
            .comparing(OutboundTrunk::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(OutboundTrunk::id);

    private final ConfigStore store;
    private final ParticipantRequestMapper mapper;
    private final OutboundCallService calls;

    public Dialer(ConfigStore store, OutboundCallService calls) {
        this.store = store;
        this.mapper = new ParticipantRequestMapper(store, new SecureRandom());
        this.calls = calls;
    }

    /**
     * Dials; the callee is in the room when this returns and {@link PlacedCall#outcome()} tells the rest.
     *
     * @throws IllegalArgumentException naming what is wrong with the request (the API's invalid_argument,
     *     not_found or unimplemented message), or that no outbound trunk exists
     * @throws OutboundSetupException when no RTP port is free, the room is full or the server drains
     */
    public PlacedCall place(CreateSIPParticipantRequest request) throws OutboundSetupException {
        CreateSIPParticipantRequest withTrunk = request;
        if (request.getSipTrunkId().isEmpty() && !request.hasTrunk()) {
            OutboundTrunk first = store.listOutboundTrunks(PageRequest.all()).stream()
                    .min(FIRST_CREATED)
                    .orElseThrow(() -> new IllegalArgumentException("no outbound trunk is configured to dial "
                            + request.getSipCallTo() + " through (create one with CreateSIPOutboundTrunk)"));
            withTrunk = request.toBuilder().setSipTrunkId(first.id()).build();
        }
        try {
            return calls.place(mapper.toSpec(withTrunk));
        } catch (TwirpException e) {
            throw new IllegalArgumentException(e.msg(), e);
        }
    }
}
