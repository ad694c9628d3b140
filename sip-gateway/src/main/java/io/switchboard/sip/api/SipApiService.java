package io.switchboard.sip.api;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Function;

import com.google.protobuf.Message;

import io.switchboard.protocol.twirp.TwirpRouter;
import io.switchboard.sip.outbound.OutboundCallService;
import io.switchboard.trunk.store.ConfigStore;
import livekit.LivekitSip.CreateSIPDispatchRuleRequest;
import livekit.LivekitSip.CreateSIPInboundTrunkRequest;
import livekit.LivekitSip.CreateSIPOutboundTrunkRequest;
import livekit.LivekitSip.CreateSIPParticipantRequest;
import livekit.LivekitSip.DeleteSIPDispatchRuleRequest;
import livekit.LivekitSip.DeleteSIPTrunkRequest;
import livekit.LivekitSip.GetSIPInboundTrunkRequest;
import livekit.LivekitSip.GetSIPOutboundTrunkRequest;
import livekit.LivekitSip.ListSIPDispatchRuleRequest;
import livekit.LivekitSip.ListSIPInboundTrunkRequest;
import livekit.LivekitSip.ListSIPOutboundTrunkRequest;
import livekit.LivekitSip.ListSIPTrunkRequest;
import livekit.LivekitSip.UpdateSIPDispatchRuleRequest;
import livekit.LivekitSip.UpdateSIPInboundTrunkRequest;
import livekit.LivekitSip.UpdateSIPOutboundTrunkRequest;

/**
 * The trunk and dispatch-rule methods of LiveKit's Twirp {@code livekit.SIP} service, backed by a
 * {@link ConfigStore}. Every method needs a token with the {@code sip.admin} grant and answers
 * {@code permission_denied} without it. CreateSIPParticipant and TransferSIPParticipant belong to
 * the call side and are registered elsewhere.
 */
public final class SipApiService {

    /** The Twirp service name, as in {@code /twirp/livekit.SIP/<Method>}. */
    public static final String SERVICE = "livekit.SIP";

    private final InboundTrunkMethods inbound;
    private final OutboundTrunkMethods outbound;
    private final LegacyTrunkMethods trunks;
    private final DispatchRuleMethods rules;
    private final ConfigStore store;

    public SipApiService(ConfigStore store) {
        Objects.requireNonNull(store, "store");
        this.inbound = new InboundTrunkMethods(store);
        this.outbound = new OutboundTrunkMethods(store);
        this.trunks = new LegacyTrunkMethods(store);
        this.rules = new DispatchRuleMethods(store);
        this.store = store;
    }

    /** Registers every trunk and dispatch-rule method on {@code router}. */
    @SuppressWarnings("deprecation") // ListSIPTrunk is deprecated in the proto and still served
    public void register(TwirpRouter router) {
        admin(router, "CreateSIPInboundTrunk", CreateSIPInboundTrunkRequest.getDefaultInstance(), inbound::create);
        admin(router, "UpdateSIPInboundTrunk", UpdateSIPInboundTrunkRequest.getDefaultInstance(), inbound::update);
        admin(router, "GetSIPInboundTrunk", GetSIPInboundTrunkRequest.getDefaultInstance(), inbound::get);
        admin(router, "ListSIPInboundTrunk", ListSIPInboundTrunkRequest.getDefaultInstance(), inbound::list);

        admin(router, "CreateSIPOutboundTrunk", CreateSIPOutboundTrunkRequest.getDefaultInstance(), outbound::create);
        admin(router, "UpdateSIPOutboundTrunk", UpdateSIPOutboundTrunkRequest.getDefaultInstance(), outbound::update);
        admin(router, "GetSIPOutboundTrunk", GetSIPOutboundTrunkRequest.getDefaultInstance(), outbound::get);
        admin(router, "ListSIPOutboundTrunk", ListSIPOutboundTrunkRequest.getDefaultInstance(), outbound::list);

        admin(router, "ListSIPTrunk", ListSIPTrunkRequest.getDefaultInstance(), trunks::list);
        admin(router, "DeleteSIPTrunk", DeleteSIPTrunkRequest.getDefaultInstance(), trunks::delete);

        admin(router, "CreateSIPDispatchRule", CreateSIPDispatchRuleRequest.getDefaultInstance(), rules::create);
        admin(router, "UpdateSIPDispatchRule", UpdateSIPDispatchRuleRequest.getDefaultInstance(), rules::update);
        admin(router, "ListSIPDispatchRule", ListSIPDispatchRuleRequest.getDefaultInstance(), rules::list);
        admin(router, "DeleteSIPDispatchRule", DeleteSIPDispatchRuleRequest.getDefaultInstance(), rules::delete);
    }

    /**
     * Registers {@code CreateSIPParticipant} (the {@code sip.call} grant), placing calls through
     * {@code calls} with trunks from this service's store.
     */
    public void registerCalls(TwirpRouter router, OutboundCallService calls) {
        var create = new CreateParticipantMethod(new ParticipantRequestMapper(store, new SecureRandom()), calls);
        router.register(SERVICE, "CreateSIPParticipant", CreateSIPParticipantRequest.getDefaultInstance(),
                (context, request) -> {
                    CreateParticipantMethod.requireCall(context);
                    return create.create(request);
                });
    }

    private static <Req extends Message> void admin(TwirpRouter router, String method, Req prototype,
                                                    Function<Req, ? extends Message> handler) {
        router.register(SERVICE, method, prototype, (context, request) -> {
            ApiErrors.requireAdmin(context);
            return handler.apply(request);
        });
    }
}
