/**
 * LiveKit's Twirp {@code livekit.SIP} trunk and dispatch-rule API over the trunk-config store:
 * {@link io.switchboard.sip.api.SipApiService} registers the methods on a
 * {@link io.switchboard.protocol.twirp.TwirpRouter}; the mappers turn LiveKit's protobuf messages
 * into the {@code io.switchboard.trunk.model} records and back. Generated {@code livekit.*}
 * classes stay inside this package.
 */
package io.switchboard.sip.api;
