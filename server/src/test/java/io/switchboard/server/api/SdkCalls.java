package io.switchboard.server.api;

import io.switchboard.server.testing.RunningSwitchboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livekit.server.AccessToken;
import io.livekit.server.SIPAdmin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import retrofit2.Call;
import retrofit2.Response;

/** Runs calls of LiveKit's Java SDK and reads Twirp errors as a user of the SDK would. */
final class SdkCalls {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SdkCalls() {}

  /** The reply of a call that must succeed. */
  static <T> T ok(Call<T> call) throws IOException {
    Response<T> response = call.execute();
    String error = response.isSuccessful() ? "" : response.errorBody().string();
    assertTrue(response.isSuccessful(), () -> "HTTP " + response.code() + ": " + error);
    return response.body();
  }

  /** The Twirp error body of a call that must fail with {@code status}. */
  static JsonNode error(Call<?> call, int status) throws IOException {
    Response<?> response = call.execute();
    String body = response.isSuccessful() ? "" : response.errorBody().string();
    assertEquals(status, response.code(), body);
    return JSON.readTree(body);
  }

  /**
   * A method neither SDK wraps (e.g. GetSIPInboundTrunk), called the way the Twirp docs show:
   * JSON body, Bearer token with the sip.admin grant.
   */
  static JsonNode postJson(String url, String method, String body) throws IOException, InterruptedException {
    AccessToken token = new AccessToken(RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    token.addSIPGrants(new SIPAdmin(true));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + "/twirp/livekit.SIP/" + method))
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
