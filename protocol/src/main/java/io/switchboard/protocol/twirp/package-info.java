/**
 * A Twirp server core with no HTTP dependency: the HTTP layer builds a
 * {@link io.switchboard.protocol.twirp.TwirpRequest} from a {@code POST}, calls
 * {@link io.switchboard.protocol.twirp.TwirpRouter#handle}, and writes the
 * {@link io.switchboard.protocol.twirp.TwirpResponse} status, {@code Content-Type} and body as
 * given. Non-POST requests are the HTTP layer's to refuse, with
 * {@code TwirpResponse.error(TwirpException.badRoute("unsupported method \"GET\" (only POST is allowed)", "GET", path))}.
 */
package io.switchboard.protocol.twirp;
