package io.switchboard.server.e2e;

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

/** Twirp SIP calls with JSON bodies, for fields the SDK does not set (a trunk's ringing_timeout, media_encryption). */
final class JsonTwirp {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonTwirp() {}

  static JsonNode post(String url, String method, String body) throws Exception {
    AccessToken token = new AccessToken(RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    token.addSIPGrants(new SIPAdmin(true), new SIPCall(true));
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/twirp/livekit.SIP/" + method))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token.toJwt())
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      return JSON.readTree(response.body());
    }
  }
}
