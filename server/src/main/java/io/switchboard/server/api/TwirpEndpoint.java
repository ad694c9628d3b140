package io.switchboard.server.api;

import io.switchboard.protocol.twirp.TwirpException;
import io.switchboard.protocol.twirp.TwirpRequest;
import io.switchboard.protocol.twirp.TwirpResponse;
import io.switchboard.protocol.twirp.TwirpRouter;
import io.switchboard.server.http.HttpExchange;
import io.switchboard.server.http.HttpHandler;
import io.switchboard.server.http.HttpReply;

/** Adapts HTTP to the Twirp router: {@code POST /twirp/livekit.<Service>/<Method>}. */
public final class TwirpEndpoint implements HttpHandler {
  private final TwirpRouter router;

  public TwirpEndpoint(TwirpRouter router) {
    this.router = router;
  }

  @Override
  public HttpReply handle(HttpExchange x) {
    TwirpResponse response;
    if (!x.method().equals("POST")) {
      response =
          TwirpResponse.error(
              TwirpException.badRoute(
                  "unsupported method \"" + x.method() + "\" (only POST is allowed)", x.method(), x.path()));
    } else {
      response =
          router.handle(
              new TwirpRequest(x.path(), x.header("content-type"), x.header("authorization"), x.body()));
    }
    return new HttpReply(response.status(), response.contentType(), response.body(), null);
  }
}
