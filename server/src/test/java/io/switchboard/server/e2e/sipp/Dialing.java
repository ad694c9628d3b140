package io.switchboard.server.e2e.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livekit.server.AccessToken;
import io.livekit.server.SIPAdmin;
import io.livekit.server.SIPCall;
import io.switchboard.server.testing.RunningSwitchboard;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Outbound trunks and CreateSIPParticipant over Twirp JSON, for fields LiveKit's Java SDK does not set. */
final class Dialing {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a Twirp call answered: its HTTP status and JSON body (a result or a Twirp error). */
  record Reply(int status, JsonNode body) {}

  private final String url;

  Dialing(RunningSwitchboard server) {
    this.url = server.url();
  }

  /** An outbound trunk to the carrier on loopback; {@code extra} is more JSON fields of the trunk. */
  String trunk(int carrierPort, String extra) throws Exception {
    Reply reply = post("CreateSIPOutboundTrunk", true, "{\"trunk\":{\"name\":\"carrier\",\"address\":\"127.0.0.1:"
        + carrierPort + "\",\"numbers\":[\"+15105550100\"]" + (extra.isEmpty() ? "" : "," + extra) + "}}");
    assertEquals(200, reply.status(), reply.body().toString());
    return reply.body().get("sip_trunk_id").asText();
  }

  /** CreateSIPParticipant with the sip.call grant; {@code body} is the request's JSON. */
  Reply createParticipant(String body) throws Exception {
    return post("CreateSIPParticipant", false, body);
  }

  Reply post(String method, boolean admin, String body) throws Exception {
    AccessToken token = new AccessToken(RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    if (admin) {
      token.addSIPGrants(new SIPAdmin(true));
    } else {
      token.addSIPGrants(new SIPCall(true));
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/twirp/livekit.SIP/" + method))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token.toJwt())
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }
  }
}
