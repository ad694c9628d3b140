package io.switchboard.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns an HTTP request on a WebSocket route into a WebSocket connection (RFC 6455 §4.2). */
final class WebSocketUpgrades {
  private static final Logger log = LoggerFactory.getLogger(WebSocketUpgrades.class);
  private static final int MAX_MESSAGE = 1024 * 1024;
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

  private WebSocketUpgrades() {}

  static void handle(
      ChannelHandlerContext ctx,
      FullHttpRequest req,
      HttpExchange exchange,
      WebSocketHandler handler,
      Consumer<HttpReply> reply) {
    boolean upgrade =
        req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    if (!upgrade) {
      reply.accept(HttpReply.text(404, "not found")); // LiveKit: a plain request to /rtc is 404
      return;
    }
    WebSocketHandler.Upgrade decision;
    try {
      decision = handler.upgrade(exchange);
    } catch (RuntimeException e) {
      log.error("WebSocket upgrade handler failed path={}", exchange.path(), e);
      reply.accept(HttpReply.text(500, "internal error"));
      return;
    }
    switch (decision) {
      case WebSocketHandler.Refuse refuse -> reply.accept(refuse.reply());
      case WebSocketHandler.Accept accept -> accept(ctx, req, accept);
    }
  }

  private static void accept(
      ChannelHandlerContext ctx, FullHttpRequest req, WebSocketHandler.Accept accept) {
    String url = "ws://" + req.headers().get(HttpHeaderNames.HOST, "localhost") + req.uri();
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory(url, null, true, MAX_MESSAGE).newHandshaker(req);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
      return;
    }
    var channel = ctx.channel();
    Frames frames = new Frames(handshaker);
    WebSocketPeer peer =
        new WebSocketPeer() {
          @Override
          public void sendBinary(byte[] message) {
            channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(message)));
          }

          /**
           * Starts the closing handshake (RFC 6455 §7.1.2): the client answers with its own Close
           * frame, and the connection is closed then, or after {@link #CLOSE_GRACE} at the
           * latest. Closing the TCP connection at once could lose what was sent just before,
           * e.g. the LeaveRequest that tells a client why (the JDK's client then never even
           * finished opening).
           */
          @Override
          public void close(int status, String reason) {
            frames.closing = true;
            channel.writeAndFlush(new CloseWebSocketFrame(status, reason));
            channel.eventLoop().schedule(() -> channel.close(), CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
          }
        };
    ctx.pipeline().replace(ctx.handler(), "websocket-frames", frames);
    handshaker
        .handshake(channel, req)
        .addListener(
            f -> {
              if (f.isSuccess()) {
                ctx.pipeline().addBefore("websocket-frames", "websocket-aggregator",
                    new WebSocketFrameAggregator(MAX_MESSAGE));
                frames.listener = accept.open().apply(peer);
              } else {
                channel.close();
              }
            });
  }

  /** Delivers messages to the listener; answers pings; closes on a close frame. */
  private static final class Frames extends SimpleChannelInboundHandler<WebSocketFrame> {
    private final WebSocketServerHandshaker handshaker;
    private WebSocketListener listener; // set on the event loop right after the handshake
    private boolean closed;
    volatile boolean closing; // we sent our Close frame; the client's answer ends the connection

    Frames(WebSocketServerHandshaker handshaker) {
      this.handshaker = handshaker;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
      switch (frame) {
        case BinaryWebSocketFrame b -> {
          if (listener != null) {
            listener.onBinary(bytes(b.content()));
          }
        }
        case TextWebSocketFrame t -> {
          if (listener != null) {
            listener.onText(t.text());
          }
        }
        case PingWebSocketFrame p -> ctx.writeAndFlush(new PongWebSocketFrame(p.content().retain()));
        case CloseWebSocketFrame c -> {
          if (closing) {
            ctx.close();
          } else {
            handshaker.close(ctx.channel(), c.retain());
          }
        }
        default -> {}
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      if (listener != null && !closed) {
        closed = true;
        listener.onClosed();
      }
      super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log.debug("WebSocket failed remote={}", ctx.channel().remoteAddress(), cause);
      ctx.close();
    }

    private static byte[] bytes(ByteBuf buf) {
      byte[] out = new byte[buf.readableBytes()];
      buf.getBytes(buf.readerIndex(), out);
      return out;
    }
  }
}
