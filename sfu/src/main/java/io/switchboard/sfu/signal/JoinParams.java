package io.switchboard.sfu.signal;

import io.switchboard.protocol.auth.ClaimGrants;

/**
 * A join the token allows.
 *
 * @param roomName from the token's {@code video.room}
 * @param grants the verified claims (identity, name, metadata, attributes, video grant)
 * @param autoSubscribe the {@code auto_subscribe} parameter (default true)
 * @param protocol the client's {@code protocol} parameter
 * @param resume the client asks to resume a lost session ({@code reconnect=1})
 * @param apiKey the API key that signed the token (a moved client's new token is signed with it)
 */
public record JoinParams(
    String roomName, ClaimGrants grants, boolean autoSubscribe, int protocol, boolean resume, String apiKey) {}
