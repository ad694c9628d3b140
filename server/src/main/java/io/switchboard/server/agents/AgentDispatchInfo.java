package io.switchboard.server.agents;

import java.time.Instant;

/**
 * One agent dispatch, as LiveKit's {@code AgentDispatch} reports it: its id ({@code AD_…}), the
 * agent's name and room, the metadata the agent receives, and its one job ({@code AJ_…}, whose
 * agent joins as participant {@code identity}). {@code listening} once the agent is in the room
 * and listening.
 *
 * @param explicit made through the AgentDispatchService (it stays until deleted or the room
 *     closes); otherwise from a room configuration (it leaves with the last non-agent participant)
 */
public record AgentDispatchInfo(
    String dispatchId,
    String roomName,
    String agentName,
    String metadata,
    Instant createdAt,
    String jobId,
    String identity,
    boolean listening,
    boolean explicit) {}
