package io.switchboard.server.dispatch;

import io.switchboard.protocol.auth.VideoGrant;
import io.switchboard.protocol.twirp.TwirpContext;
import io.switchboard.protocol.twirp.TwirpException;
import io.switchboard.protocol.twirp.TwirpRouter;
import io.switchboard.server.agents.AgentDispatchInfo;
import io.switchboard.server.agents.AgentDispatcher;
import io.switchboard.sfu.room.RoomManager;
import java.time.Clock;
import java.util.List;
import livekit.LivekitAgentDispatch.AgentDispatch;
import livekit.LivekitAgentDispatch.CreateAgentDispatchRequest;
import livekit.LivekitAgentDispatch.DeleteAgentDispatchRequest;
import livekit.LivekitAgentDispatch.ListAgentDispatchRequest;
import livekit.LivekitAgentDispatch.ListAgentDispatchResponse;

/**
 * LiveKit's Twirp {@code livekit.AgentDispatchService} over the in-process {@link AgentDispatcher}.
 * As LiveKit's {@code agent_dispatch_service.go}: every method needs the {@code roomAdmin} grant
 * for the request's room, and a missing grant is Twirp {@code unauthenticated} (HTTP 401, its
 * {@code twirpAuthError}). Unlike LiveKit, whose workers register at run time, the agent must be
 * registered here already (in process, or a worker connected to {@code /agent} under that name):
 * an unknown {@code agent_name} is {@code not_found} at once rather than
 * a dispatch that never finds a worker.
 */
public final class AgentDispatchService {
  /** The Twirp service name, as in {@code /twirp/livekit.AgentDispatchService/<Method>}. */
  public static final String SERVICE = "livekit.AgentDispatchService";

  private final AgentDispatcher dispatcher;
  private final DispatchProtos protos;

  public AgentDispatchService(AgentDispatcher dispatcher, RoomManager rooms, Clock clock) {
    this.dispatcher = dispatcher;
    this.protos = new DispatchProtos(rooms, clock);
  }

  public void register(TwirpRouter router) {
    router.register(SERVICE, "CreateDispatch", CreateAgentDispatchRequest.getDefaultInstance(), this::create);
    router.register(SERVICE, "DeleteDispatch", DeleteAgentDispatchRequest.getDefaultInstance(), this::delete);
    router.register(SERVICE, "ListDispatch", ListAgentDispatchRequest.getDefaultInstance(), this::list);
  }

  private AgentDispatch create(TwirpContext context, CreateAgentDispatchRequest request) {
    requireAdmin(context, request.getRoom());
    String room = required(request.getRoom(), "room");
    String agent = required(request.getAgentName(), "agent_name");
    if (!dispatcher.agentNames().contains(agent)) {
      throw TwirpException.notFound(
          "agent_name: no agent named \"" + agent + "\" is registered (known: " + dispatcher.agentNames() + ")");
    }
    return protos.dispatch(dispatcher.create(room, agent, request.getMetadata()), 0);
  }

  private AgentDispatch delete(TwirpContext context, DeleteAgentDispatchRequest request) {
    requireAdmin(context, request.getRoom());
    String room = required(request.getRoom(), "room");
    String id = required(request.getDispatchId(), "dispatch_id");
    AgentDispatchInfo deleted = dispatcher.delete(room, id).orElseThrow(() -> TwirpException.notFound(
        "dispatch_id: no agent dispatch " + id + " in room \"" + room + "\""));
    return protos.dispatch(deleted, protos.now());
  }

  private ListAgentDispatchResponse list(TwirpContext context, ListAgentDispatchRequest request) {
    requireAdmin(context, request.getRoom());
    String room = required(request.getRoom(), "room");
    List<AgentDispatchInfo> dispatches = dispatcher.list(room);
    ListAgentDispatchResponse.Builder reply = ListAgentDispatchResponse.newBuilder();
    for (AgentDispatchInfo d : dispatches) {
      if (request.getDispatchId().isEmpty() || request.getDispatchId().equals(d.dispatchId())) {
        reply.addAgentDispatches(protos.dispatch(d, 0));
      }
    }
    return reply.build();
  }

  private static String required(String value, String field) {
    if (value.isEmpty()) {
      throw TwirpException.requiredArgument(field);
    }
    return value;
  }

  /** LiveKit's {@code EnsureAdminPermission}: roomAdmin, for exactly the room the request names. */
  private static void requireAdmin(TwirpContext context, String room) {
    VideoGrant video = context.grants().video();
    if (!video.roomAdmin()) {
      throw denied(context, "the roomAdmin grant");
    }
    if (!video.room().equals(room)) {
      throw denied(context, "roomAdmin for room \"" + room + "\" (the token is for room \"" + video.room() + "\")");
    }
  }

  private static TwirpException denied(TwirpContext context, String needed) {
    return TwirpException.unauthenticated(
        "permissions denied: " + context.service() + "/" + context.method() + " needs " + needed);
  }
}
