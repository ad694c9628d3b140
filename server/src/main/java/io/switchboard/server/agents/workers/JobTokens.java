package io.switchboard.server.agents.workers;

import io.switchboard.protocol.auth.ClaimGrants;
import io.switchboard.protocol.auth.TokenIssuer;
import io.switchboard.protocol.auth.VideoGrant;
import java.time.Duration;
import java.util.Map;

/**
 * The access token a worker's agent joins its job's room with (LiveKit's JobAssignment.token):
 * signed with the server's first API key, for exactly that room, kind {@code agent}.
 */
public final class JobTokens {
  /** Long enough for a long call: the token is checked when the agent joins (and rejoins). */
  static final Duration TTL = Duration.ofHours(6);

  private final TokenIssuer issuer;

  public JobTokens(TokenIssuer issuer) {
    this.issuer = issuer;
  }

  public String mint(String roomName, String identity, String name, String metadata, Map<String, String> attributes) {
    VideoGrant video = VideoGrant.builder()
        .roomJoin(true)
        .room(roomName)
        .canPublish(true)
        .canSubscribe(true)
        .canPublishData(true)
        .canUpdateOwnMetadata(true)
        .hidden(false)
        .agent(true)
        .build();
    ClaimGrants grants = ClaimGrants.builder()
        .identity(identity)
        .name(name)
        .kind("agent")
        .metadata(metadata)
        .attributes(attributes)
        .video(video)
        .build();
    return issuer.issue(grants, TTL);
  }
}
