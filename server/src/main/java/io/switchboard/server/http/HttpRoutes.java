package io.switchboard.server.http;

import java.util.ArrayList;
import java.util.List;

/** Path routing: exact paths first, then the longest matching prefix. */
public final class HttpRoutes {
  private record Route(String path, boolean prefix, HttpHandler handler) {}

  private final List<Route> routes = new ArrayList<>();
  private final java.util.Map<String, WebSocketHandler> webSockets = new java.util.HashMap<>();

  public HttpRoutes exact(String path, HttpHandler handler) {
    routes.add(new Route(path, false, handler));
    return this;
  }

  public HttpRoutes prefix(String prefix, HttpHandler handler) {
    routes.add(new Route(prefix, true, handler));
    return this;
  }

  /** A WebSocket endpoint at exactly {@code path}; plain requests there get 404, as LiveKit's. */
  public HttpRoutes webSocket(String path, WebSocketHandler handler) {
    webSockets.put(path, handler);
    return this;
  }

  WebSocketHandler findWebSocket(String path) {
    return webSockets.get(path);
  }

  HttpHandler find(String path) {
    Route best = null;
    for (Route r : routes) {
      if (!r.prefix && r.path.equals(path)) {
        return r.handler;
      }
      if (r.prefix && path.startsWith(r.path) && (best == null || r.path.length() > best.path.length())) {
        best = r;
      }
    }
    return best == null ? null : best.handler;
  }
}
