package io.switchboard.sfu.webhook;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.switchboard.protocol.webhook.SignedWebhook;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import livekit.LivekitWebhook.WebhookEvent;

/** Answers POSTs from a script (a status, or -1 for "connection refused"); 200 when it runs out. */
final class ScriptedTransport implements WebhookTransport {
  record Post(URI url, SignedWebhook webhook, WebhookEvent event) {}

  private final ArrayDeque<Integer> script = new ArrayDeque<>();
  final List<Post> posts = new ArrayList<>();

  ScriptedTransport answer(int... statuses) {
    for (int s : statuses) {
      script.add(s);
    }
    return this;
  }

  @Override
  public int post(URI url, SignedWebhook webhook) throws IOException {
    WebhookEvent.Builder event = WebhookEvent.newBuilder();
    try {
      JsonFormat.parser().merge(new String(webhook.body(), StandardCharsets.UTF_8), event);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("webhook body is not a WebhookEvent", e);
    }
    posts.add(new Post(url, webhook, event.build()));
    Integer status = script.poll();
    if (status == null) {
      return 200;
    }
    if (status < 0) {
      throw new java.net.ConnectException("Connection refused");
    }
    return status;
  }

  /** The ids of the events posted, in order, one per attempt. */
  List<String> ids() {
    return posts.stream().map(p -> p.event().getId()).toList();
  }
}
