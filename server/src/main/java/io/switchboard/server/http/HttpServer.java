package io.switchboard.server.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP listener. Netty event loops only parse and write; handlers run on the given executor
 * (virtual threads) so a slow store write never stalls other connections.
 */
public final class HttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
  private static final int MAX_BODY = 4 * 1024 * 1024;

  private final HttpRoutes routes;
  private final Executor handlerExecutor;
  private EventLoopGroup group;
  private Channel channel;

  public HttpServer(HttpRoutes routes, Executor handlerExecutor) {
    this.routes = routes;
    this.handlerExecutor = handlerExecutor;
  }

  /** Binds and returns the actual address (port 0 picks a free port). */
  public InetSocketAddress start(String bindAddress, int port) throws InterruptedException {
    group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    channel =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(MAX_BODY))
                        .addLast(new Dispatch());
                  }
                })
            .bind(bindAddress, port)
            .sync()
            .channel();
    return (InetSocketAddress) channel.localAddress();
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
    if (group != null) {
      group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  private final class Dispatch extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      QueryStringDecoder uri = new QueryStringDecoder(req.uri());
      Map<String, String> headers = new LinkedHashMap<>();
      req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
      byte[] body = new byte[req.content().readableBytes()];
      req.content().readBytes(body);
      String rawQuery = uri.rawQuery();
      HttpExchange exchange =
          new HttpExchange(req.method().name(), uri.path(), rawQuery, headers, body);
      boolean keepAlive = HttpUtil.isKeepAlive(req);
      if (Cors.isPreflight(exchange)) {
        write(ctx, Cors.preflight(exchange), keepAlive);
        return;
      }
      WebSocketHandler webSocket = routes.findWebSocket(uri.path());
      if (webSocket != null) {
        WebSocketUpgrades.handle(ctx, req, exchange, webSocket, reply -> write(ctx, reply, keepAlive));
        return;
      }
      HttpHandler handler = routes.find(uri.path());
      if (handler == null) {
        write(ctx, HttpReply.text(404, "not found"), keepAlive);
        return;
      }
      handlerExecutor.execute(
          () -> {
            HttpReply reply;
            try {
              reply = handler.handle(exchange);
            } catch (Exception e) {
              log.error("handler failed path={}", exchange.path(), e);
              reply = HttpReply.text(500, "internal error");
            }
            write(ctx, reply, keepAlive);
          });
    }

    private void write(ChannelHandlerContext ctx, HttpReply reply, boolean keepAlive) {
      FullHttpResponse res =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1,
              HttpResponseStatus.valueOf(reply.status()),
              Unpooled.wrappedBuffer(reply.body()));
      res.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
      res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
      res.headers().set(Cors.ALLOW_ORIGIN, "*");
      reply.headers().forEach((k, v) -> res.headers().set(k, v));
      if (keepAlive) {
        HttpUtil.setKeepAlive(res, true);
        ctx.writeAndFlush(res);
      } else {
        ctx.writeAndFlush(res).addListener(io.netty.channel.ChannelFutureListener.CLOSE);
      }
    }
  }
}
