package io.switchboard.server.agents.workers;

import com.google.protobuf.InvalidProtocolBufferException;
import io.switchboard.protocol.auth.TokenException;
import io.switchboard.protocol.auth.TokenVerifier;
import io.switchboard.protocol.auth.VerifiedToken;
import io.switchboard.server.http.HttpExchange;
import io.switchboard.server.http.HttpReply;
import io.switchboard.server.http.HttpRoutes;
import io.switchboard.server.http.WebSocketHandler;
import io.switchboard.server.http.WebSocketListener;
import io.switchboard.server.http.WebSocketPeer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import livekit.LivekitAgent.ServerMessage;
import livekit.LivekitAgent.WorkerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LiveKit's agent worker endpoint: the {@code /agent} WebSocket, binary protobuf
 * {@code WorkerMessage} in and {@code ServerMessage} out. The worker authenticates as LiveKit's
 * do ({@code Authorization: Bearer}, or the {@code access_token} query parameter) with a token
 * granting {@code video.agent}; anything else is refused with 401.
 */
public final class AgentWorkerEndpoint {
  private static final Logger log = LoggerFactory.getLogger(AgentWorkerEndpoint.class);
  public static final String PATH = "/agent";

  private final TokenVerifier verifier;
  private final WorkerPool pool;

  public AgentWorkerEndpoint(TokenVerifier verifier, WorkerPool pool) {
    this.verifier = verifier;
    this.pool = pool;
  }

  public HttpRoutes register(HttpRoutes routes) {
    return routes.webSocket(PATH, this::upgrade);
  }

  WebSocketHandler.Upgrade upgrade(HttpExchange x) {
    String header = x.header("authorization");
    String queryToken = accessToken(x.query());
    VerifiedToken token;
    try {
      token = header != null && !header.isBlank() ? verifier.verifyAuthorization(header)
          : verifier.verify(queryToken == null ? "" : queryToken);
    } catch (TokenException e) {
      return refuse("invalid token: " + e.getMessage());
    }
    if (!token.grants().video().agent()) {
      return refuse("permissions denied: an agent worker's token needs the video.agent grant");
    }
    return new WebSocketHandler.Accept(this::open);
  }

  private static WebSocketHandler.Refuse refuse(String message) {
    return new WebSocketHandler.Refuse(HttpReply.text(401, message));
  }

  private WebSocketListener open(WebSocketPeer peer) {
    WorkerConnection worker = pool.connect(new WorkerConnection.Link() {
      @Override
      public void send(ServerMessage message) {
        peer.sendBinary(message.toByteArray());
      }

      @Override
      public void close(int status, String reason) {
        log.warn("closing agent worker connection: {}", reason);
        peer.close(status, reason);
      }
    });
    return new WebSocketListener() {
      @Override
      public void onBinary(byte[] message) {
        WorkerMessage parsed;
        try {
          parsed = WorkerMessage.parseFrom(message);
        } catch (InvalidProtocolBufferException e) {
          log.warn("agent worker {} sent a message that is not a livekit.WorkerMessage: {}", worker.id(), e.getMessage());
          peer.close(1007, "not a livekit.WorkerMessage");
          return;
        }
        worker.onMessage(parsed);
      }

      @Override
      public void onClosed() {
        worker.onClosed();
      }
    };
  }

  private static String accessToken(String query) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("access_token=")) {
        return URLDecoder.decode(pair.substring("access_token=".length()), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
