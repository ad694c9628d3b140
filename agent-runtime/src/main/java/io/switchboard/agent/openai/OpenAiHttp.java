package io.switchboard.agent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/** The HTTP side shared by the three providers: requests with the key, statuses to errors. */
final class OpenAiHttp {
  /** How much of an error body goes into a message. */
  private static final int MAX_DETAIL = 300;

  final OpenAiEndpoint endpoint;
  final ObjectMapper json = new ObjectMapper();
  private final HttpClient client;

  OpenAiHttp(OpenAiEndpoint endpoint) {
    this.endpoint = endpoint;
    this.client = HttpClient.newBuilder()
        .connectTimeout(endpoint.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        // Plain-http servers (Ollama, llama.cpp, vLLM on a LAN) get HTTP/1.1 rather than an h2c
        // upgrade attempt on a POST, which some of them mishandle.
        .version("http".equals(endpoint.baseUrl().getScheme()) ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
        .build();
  }

  /** A POST to {@code path} with the key and the given body. */
  HttpRequest.Builder post(String path, String contentType, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.resolve(path))
        .timeout(endpoint.responseTimeout())
        .header("Content-Type", contentType)
        .POST(body);
    if (!endpoint.apiKey().isEmpty()) {
      b.header("Authorization", "Bearer " + endpoint.apiKey());
    }
    return b;
  }

  /**
   * Sends {@code request} and returns its streaming body once the status is 2xx; anything else
   * becomes an {@link OpenAiException} with the server's own explanation. Interruptible. The
   * body fails with an {@link HttpTimeoutException} when the server goes quiet for the
   * endpoint's response timeout.
   */
  InputStream open(HttpRequest request) throws InterruptedException {
    HttpResponse<InputStream> response;
    IdleTimeoutBody body = new IdleTimeoutBody(endpoint.responseTimeout());
    try {
      response = client.send(request, info -> body);
    } catch (HttpTimeoutException e) {
      throw failure(request.uri(), 0, "no response within " + endpoint.responseTimeout().toMillis() + " ms", e);
    } catch (ConnectException e) {
      throw failure(request.uri(), 0, "cannot connect (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("request cancelled");
      }
      throw failure(request.uri(), 0, "request failed: " + e, e);
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return body;
    }
    String detail;
    try (body) {
      detail = explain(body.readNBytes(8 * 1024));
    } catch (IOException e) {
      detail = "(no body: " + e.getMessage() + ")";
    }
    String retryAfter = response.headers().firstValue("retry-after").map(v -> " (retry after " + v + " s)").orElse("");
    throw failure(request.uri(), status, reason(status) + retryAfter + ": " + detail, null);
  }

  OpenAiException failure(URI url, int status, String problem, Throwable cause) {
    return new OpenAiException(endpoint.provider(), url, status, problem, cause);
  }

  /** OpenAI's {@code {"error": {"message": ...}}}, else the start of the body as text. */
  private String explain(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    try {
      JsonNode error = json.readTree(text).path("error");
      if (error.isObject() && error.hasNonNull("message")) {
        return error.get("message").asText();
      }
      if (error.isTextual()) {
        return error.asText();
      }
    } catch (IOException notJson) {
      // fall through to the raw text
    }
    return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "bad request";
      case 401 -> "unauthorized (check the API key)";
      case 403 -> "forbidden";
      case 404 -> "not found (check the base URL and model)";
      case 429 -> "rate limited or out of quota";
      default -> status >= 500 ? "server error" : "unexpected status";
    };
  }
}
