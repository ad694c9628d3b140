package io.switchboard.server.dispatch;

import io.switchboard.server.agents.AgentDispatchInfo;
import io.switchboard.sfu.api.RoomProtos;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import livekit.LivekitAgent.Job;
import livekit.LivekitAgent.JobState;
import livekit.LivekitAgent.JobStatus;
import livekit.LivekitAgent.JobType;
import livekit.LivekitAgentDispatch.AgentDispatch;
import livekit.LivekitAgentDispatch.AgentDispatchState;

/**
 * Dispatches as LiveKit's protobuf messages: one room job per dispatch, pending until its agent
 * listens, then running with the agent's participant. Times are Unix nanoseconds, as LiveKit's.
 */
final class DispatchProtos {
  private final RoomManager rooms;
  private final Clock clock;

  DispatchProtos(RoomManager rooms, Clock clock) {
    this.rooms = rooms;
    this.clock = clock;
  }

  /** @param deletedAtNanos 0 unless the dispatch was just deleted */
  AgentDispatch dispatch(AgentDispatchInfo d, long deletedAtNanos) {
    Optional<Room> room = rooms.room(d.roomName());
    JobState.Builder state = JobState.newBuilder()
        .setStatus(d.listening() ? JobStatus.JS_RUNNING : JobStatus.JS_PENDING)
        .setParticipantIdentity(d.listening() ? d.identity() : "")
        .setStartedAt(d.listening() ? nanos(d.createdAt()) : 0);
    Job.Builder job = Job.newBuilder()
        .setId(d.jobId())
        .setDispatchId(d.dispatchId())
        .setType(JobType.JT_ROOM)
        .setAgentName(d.agentName())
        .setMetadata(d.metadata())
        .setState(state);
    room.ifPresent(r -> job.setRoom(RoomProtos.room(r.info())));
    room.flatMap(r -> r.participant(d.identity()))
        .ifPresent(p -> job.setParticipant(RoomProtos.participantReference(p)));
    return AgentDispatch.newBuilder()
        .setId(d.dispatchId())
        .setAgentName(d.agentName())
        .setRoom(d.roomName())
        .setMetadata(d.metadata())
        .setState(AgentDispatchState.newBuilder()
            .addJobs(job)
            .setCreatedAt(nanos(d.createdAt()))
            .setDeletedAt(deletedAtNanos))
        .build();
  }

  long now() {
    return nanos(clock.instant());
  }

  private static long nanos(Instant at) {
    return at.getEpochSecond() * 1_000_000_000L + at.getNano();
  }
}
