package io.switchboard.agent.openai;

import io.switchboard.agent.llm.LanguageModel;
import io.switchboard.agent.llm.LlmChunk;
import io.switchboard.agent.llm.LlmRequest;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat model behind {@code POST {base}/chat/completions} with {@code stream: true}: text is
 * handed on token by token as the server sends it (so the session's TTS starts on the first
 * sentence), tool calls once they are complete. Interrupting the calling thread (a barge-in)
 * closes the stream, which closes the connection and stops the server generating.
 *
 * <p>Failures (401, 429, 5xx, a broken or malformed stream) throw {@link OpenAiException}; the
 * session reports it as an error event and the call goes on.
 */
public final class OpenAiLanguageModel implements LanguageModel {
  private static final Logger log = LoggerFactory.getLogger(OpenAiLanguageModel.class);

  private final OpenAiHttp http;
  private final ChatRequestBody bodies;
  private final URI url;

  public OpenAiLanguageModel(OpenAiEndpoint endpoint) {
    this.http = new OpenAiHttp(endpoint);
    this.bodies = new ChatRequestBody(http.json);
    this.url = endpoint.resolve("chat/completions");
  }

  @Override
  public String label() {
    return http.endpoint.provider() + "/" + http.endpoint.model();
  }

  @Override
  public void chat(LlmRequest request, Consumer<LlmChunk> out) throws InterruptedException {
    String body = bodies.build(http.endpoint.model(), request);
    HttpRequest httpRequest = http.post("chat/completions", "application/json",
            HttpRequest.BodyPublishers.ofString(body))
        .header("Accept", "text/event-stream")
        .build();
    ChatStream stream = new ChatStream(http.json, out);
    try (InputStream in = new BufferedInputStream(http.open(httpRequest))) {
      SseReader events = new SseReader(in);
      String data;
      while ((data = events.next()) != null) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("reply cancelled");
        }
        if (!stream.accept(data)) {
          break;
        }
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("reply cancelled");
      }
      stream.finish();
    } catch (ChatStream.Malformed e) {
      throw http.failure(url, 0, "malformed stream: " + e.getMessage(), e);
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new InterruptedException("reply cancelled");
      }
      throw http.failure(url, 0, "the stream broke: " + e, e);
    }
    if (log.isDebugEnabled()) {
      log.debug("{}: finish_reason={} prompt_tokens={} completion_tokens={}",
          label(), stream.finishReason(), stream.promptTokens(), stream.completionTokens());
    }
  }
}
