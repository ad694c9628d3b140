package io.switchboard.server.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import retrofit2.Response;

/** Unwraps SDK responses, failing with the server's error body. */
final class ApiCalls {
  private ApiCalls() {}

  static <T> T ok(Response<T> response) {
    assertTrue(response.isSuccessful(), () -> "HTTP " + response.code() + ": " + errorBody(response));
    return response.body();
  }

  private static String errorBody(Response<?> response) {
    try {
      return response.errorBody() == null ? "" : response.errorBody().string();
    } catch (IOException e) {
      return e.toString();
    }
  }
}
