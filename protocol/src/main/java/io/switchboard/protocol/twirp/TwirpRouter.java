package io.switchboard.protocol.twirp;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.protobuf.Message;

import io.switchboard.protocol.auth.TokenException;
import io.switchboard.protocol.auth.TokenVerifier;
import io.switchboard.protocol.auth.VerifiedToken;

/**
 * Transport-agnostic Twirp server core: routes {@code POST /twirp/<service>/<method>}, checks the
 * Content-Type, authenticates the Bearer token, decodes the request, calls the method and encodes
 * its reply in the request's format. Every failure becomes a Twirp error response; {@link #handle}
 * never throws. Register methods at startup; {@code handle} is safe to call concurrently.
 */
public final class TwirpRouter {

    /** LiveKit serves Twirp under the default prefix. */
    public static final String PREFIX = "/twirp/";

    private static final Logger log = LoggerFactory.getLogger(TwirpRouter.class);

    private final TokenVerifier verifier;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();

    private record Route(String service, String method, Message prototype, TwirpMethod<Message, ?> handler) {
    }

    public TwirpRouter(TokenVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /**
     * Registers a method.
     *
     * @param service           fully qualified service name, e.g. {@code livekit.SIP}
     * @param method            method name, e.g. {@code CreateSIPInboundTrunk}
     * @param requestPrototype  the request type's default instance, e.g. {@code CreateSIPInboundTrunkRequest.getDefaultInstance()}
     * @throws IllegalArgumentException if the method is already registered
     */
    public <Req extends Message> void register(String service, String method, Req requestPrototype,
                                               TwirpMethod<Req, ? extends Message> handler) {
        Objects.requireNonNull(requestPrototype, "requestPrototype");
        Objects.requireNonNull(handler, "handler");
        @SuppressWarnings("unchecked") // the router only passes messages parsed from requestPrototype's own type
        TwirpMethod<Message, ?> untyped = (context, request) -> handler.call(context, (Req) request);
        Route previous = routes.putIfAbsent(service + "/" + method,
                new Route(service, method, requestPrototype.getDefaultInstanceForType(), untyped));
        if (previous != null) {
            throw new IllegalArgumentException("Twirp method " + service + "/" + method + " is already registered");
        }
    }

    /** Answers one Twirp request. */
    public TwirpResponse handle(TwirpRequest request) {
        try {
            return dispatch(request);
        } catch (TwirpException e) {
            return TwirpResponse.error(e);
        }
    }

    private TwirpResponse dispatch(TwirpRequest request) {
        String path = pathWithoutQuery(request.path());
        Route route = route(path);
        TwirpCodec.Format format = TwirpCodec.format(request.contentType()).orElseThrow(() -> TwirpException.badRoute(
                "unexpected Content-Type: \"" + Objects.requireNonNullElse(request.contentType(), "") + "\"", "POST", path));
        VerifiedToken caller = authenticate(request.authorization());
        Message decoded = TwirpCodec.decode(format, request.body(), route.prototype());
        TwirpContext context = new TwirpContext(route.service(), route.method(), caller.apiKey(), caller.grants());
        Message reply = call(route, context, decoded);
        return TwirpCodec.encode(format, reply);
    }

    private Route route(String path) {
        if (path.startsWith(PREFIX)) {
            Route route = routes.get(path.substring(PREFIX.length()));
            if (route != null) {
                return route;
            }
        }
        throw TwirpException.badRoute("no handler for path \"" + path + "\"", "POST", path);
    }

    private VerifiedToken authenticate(String authorization) {
        try {
            return verifier.verifyAuthorization(authorization);
        } catch (TokenException e) {
            throw TwirpException.unauthenticated(e.getMessage());
        }
    }

    private static Message call(Route route, TwirpContext context, Message request) {
        Message reply;
        try {
            reply = route.handler().call(context, request);
        } catch (TwirpException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Twirp {}/{} failed", route.service(), route.method(), e);
            throw TwirpException.internal(Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()), e);
        }
        if (reply == null) {
            throw TwirpException.internal(route.service() + "/" + route.method() + " returned no reply", null);
        }
        return reply;
    }

    private static String pathWithoutQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
