package io.switchboard.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livekit.server.AccessToken;
import io.livekit.server.AgentDispatchServiceClient;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import io.livekit.server.RoomServiceClient;
import io.switchboard.agent.AgentEvent;
import io.switchboard.server.agents.AgentDispatchEvent;
import io.switchboard.server.testing.RunningSwitchboard;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import livekit.LivekitAgent.JobStatus;
import livekit.LivekitAgentDispatch.AgentDispatch;
import livekit.LivekitModels.ParticipantInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retrofit2.Call;
import retrofit2.Response;

/**
 * The AgentDispatchService of a running Switchboard, driven by LiveKit's Java server SDK
 * ({@code AgentDispatchServiceClient}); the agent's arrival and departure are checked with the
 * SDK's RoomService, as a user's backend would.
 */
class AgentDispatchSdkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;
  RunningSwitchboard server;
  AgentDispatchServiceClient dispatches;
  RoomServiceClient rooms;
  final BlockingQueue<AgentDispatchEvent> events = new LinkedBlockingQueue<>();
  final BlockingQueue<AgentEvent.AgentTranscript> said = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws Exception {
    server = new RunningSwitchboard(data, c -> c.withAgents(Map.of("ticket-desk", "com.example.TicketDesk")));
    server.server().agents().dispatcher().addListener(e -> {
      if (e instanceof AgentDispatchEvent.Starting s) {
        s.session().addListener(a -> {
          if (a instanceof AgentEvent.AgentTranscript t) {
            said.add(t);
          }
        });
      }
      events.add(e);
    });
    dispatches = AgentDispatchServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    rooms = RoomServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aDispatchedAgentJoinsAsAnAgentReadsItsMetadataIsListedAndLeavesWhenDeleted() throws Exception {
    AgentDispatch created = ok(dispatches.createDispatch("support", "ticket-desk", "ticket 42"));
    assertTrue(created.getId().matches("AD_[0-9A-Za-z]{12}"), created.getId());
    assertEquals("ticket-desk", created.getAgentName());
    assertEquals("support", created.getRoom());
    assertEquals("ticket 42", created.getMetadata());
    assertTrue(created.getState().getCreatedAt() > 0);
    assertEquals(List.of("support"), ok(rooms.listRooms()).stream().map(r -> r.getName()).toList(),
        "the room was created for the agent");

    var listening = next(AgentDispatchEvent.Listening.class, 120); // the embedded models may load first
    assertEquals("support", listening.roomName());
    List<ParticipantInfo> inRoom = ok(rooms.listParticipants("support"));
    assertEquals(1, inRoom.size(), inRoom.toString());
    assertEquals(ParticipantInfo.Kind.AGENT, inRoom.getFirst().getKind());
    assertEquals(listening.identity(), inRoom.getFirst().getIdentity());
    assertEquals("Hello, this is about ticket 42.", said.poll(60, TimeUnit.SECONDS).text(),
        "the agent read the dispatch's metadata");

    List<AgentDispatch> listed = ok(dispatches.listDispatch("support"));
    assertEquals(List.of(created.getId()), listed.stream().map(AgentDispatch::getId).toList());
    var job = listed.getFirst().getState().getJobs(0);
    assertEquals(JobStatus.JS_RUNNING, job.getState().getStatus());
    assertEquals(listening.identity(), job.getState().getParticipantIdentity());
    assertEquals(created.getId(), job.getDispatchId());
    assertEquals("ticket 42", job.getMetadata());
    assertEquals("support", job.getRoom().getName());

    AgentDispatch deleted = ok(dispatches.deleteDispatch("support", created.getId()));
    assertEquals(created.getId(), deleted.getId());
    assertTrue(deleted.getState().getDeletedAt() > 0);
    assertEquals(new AgentDispatchEvent.Left("support", "ticket-desk", "its dispatch was deleted"),
        next(AgentDispatchEvent.Left.class, 30));
    assertEquals(List.of(), ok(rooms.listParticipants("support")), "the agent left the room");
    assertEquals(List.of(), ok(dispatches.listDispatch("support")));
  }

  @Test
  void twoDispatchesOfOneAgentAreTwoAgentsAndListDispatchFiltersById() throws Exception {
    AgentDispatch first = ok(dispatches.createDispatch("pair", "ticket-desk", "one"));
    AgentDispatch second = ok(dispatches.createDispatch("pair", "ticket-desk", "two"));
    next(AgentDispatchEvent.Listening.class, 120);
    next(AgentDispatchEvent.Listening.class, 60);
    assertEquals(2, ok(rooms.listParticipants("pair")).stream()
        .filter(p -> p.getKind() == ParticipantInfo.Kind.AGENT).count());
    JsonNode one = postJson("ListDispatch", "{\"room\":\"pair\",\"dispatch_id\":\"" + second.getId() + "\"}", admin("pair"), 200);
    assertEquals(1, one.get("agent_dispatches").size());
    assertEquals("two", one.get("agent_dispatches").get(0).get("metadata").asText());
    assertEquals(2, ok(dispatches.listDispatch("pair")).size());
    ok(dispatches.deleteDispatch("pair", first.getId()));
    next(AgentDispatchEvent.Left.class, 30);
    assertEquals(List.of(second.getId()), ok(dispatches.listDispatch("pair")).stream().map(AgentDispatch::getId).toList());
  }

  @Test
  void badRequestsAreRefusedNamingTheField() throws Exception {
    JsonNode unknown = error(dispatches.createDispatch("support", "sales", ""), 404);
    assertEquals("not_found", unknown.get("code").asText());
    assertEquals("agent_name: no agent named \"sales\" is registered (known: [demo, ticket-desk])",
        unknown.get("msg").asText());
    JsonNode noName = error(dispatches.createDispatch("support", "", ""), 400);
    assertEquals("invalid_argument", noName.get("code").asText());
    assertEquals("agent_name", noName.get("meta").get("argument").asText());
    JsonNode missing = error(dispatches.deleteDispatch("support", "AD_000000000000"), 404);
    assertEquals("not_found", missing.get("code").asText());
    assertTrue(missing.get("msg").asText().startsWith("dispatch_id:"), missing.toString());
    assertTrue(server.server().rooms().room("support").isEmpty(), "a refused dispatch creates no room");
  }

  @Test
  void theRoomAdminGrantForTheRoomIsRequired() throws Exception {
    AccessToken joinOnly = new AccessToken(RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    joinOnly.setIdentity("visitor");
    joinOnly.addGrants(new RoomJoin(true), new RoomName("support"));
    JsonNode noAdmin = postJson("CreateDispatch", "{\"room\":\"support\",\"agent_name\":\"ticket-desk\"}", joinOnly.toJwt(), 401);
    assertEquals("unauthenticated", noAdmin.get("code").asText());
    assertEquals("permissions denied: livekit.AgentDispatchService/CreateDispatch needs the roomAdmin grant",
        noAdmin.get("msg").asText());
    JsonNode otherRoom = postJson("ListDispatch", "{\"room\":\"support\"}", admin("kitchen"), 401);
    assertTrue(otherRoom.get("msg").asText().contains("the token is for room \"kitchen\""), otherRoom.toString());
    assertTrue(server.server().rooms().room("support").isEmpty());
  }

  private <E extends AgentDispatchEvent> E next(Class<E> type, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      AgentDispatchEvent e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError("no " + type.getSimpleName() + " within " + seconds + " s");
      }
      if (e instanceof AgentDispatchEvent.Failed failed) {
        throw new AssertionError("dispatch failed: " + failed);
      }
      if (type.isInstance(e)) {
        return type.cast(e);
      }
    }
  }

  private static String admin(String room) {
    AccessToken token = new AccessToken(RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    token.addGrants(new io.livekit.server.RoomAdmin(true), new RoomName(room));
    return token.toJwt();
  }

  private JsonNode postJson(String method, String body, String jwt, int status) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/twirp/livekit.AgentDispatchService/" + method))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + jwt)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      assertEquals(status, response.statusCode(), response.body());
      return JSON.readTree(response.body());
    }
  }

  private static <T> T ok(Call<T> call) throws IOException {
    Response<T> response = call.execute();
    String error = response.isSuccessful() ? "" : response.errorBody().string();
    assertTrue(response.isSuccessful(), () -> "HTTP " + response.code() + ": " + error);
    return response.body();
  }

  private static JsonNode error(Call<?> call, int status) throws IOException {
    Response<?> response = call.execute();
    String body = response.isSuccessful() ? "" : response.errorBody().string();
    assertEquals(status, response.code(), body);
    return JSON.readTree(body);
  }
}
