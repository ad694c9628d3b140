package io.switchboard.sip.inbound;

import io.switchboard.sip.auth.DigestAuthenticator;
import io.switchboard.sip.concurrent.KeyedSerialExecutor;
import io.switchboard.sip.concurrent.Scheduler;
import io.switchboard.sip.sdp.SdpParser;
import io.switchboard.sip.transport.SipSignalling;
import java.util.function.Consumer;

/** What every inbound call shares: the stack, the routing side, media, auth, timers, settings. */
record CallEnvironment(
    SipSignalling sip,
    InboundCallHandler<Object> handler,
    MediaSessionFactory media,
    DigestAuthenticator authenticator,
    InboundSettings settings,
    Scheduler scheduler,
    KeyedSerialExecutor executor,
    SdpParser sdpParser,
    Consumer<InboundCall> onForgotten) {}
