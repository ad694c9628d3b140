package io.switchboard.egress;

import io.switchboard.sfu.room.Ids;
import java.time.Clock;
import java.util.function.BiConsumer;
import livekit.LivekitEgress.EgressInfo;
import livekit.LivekitModels.Room;
import livekit.LivekitWebhook.WebhookEvent;

/**
 * Egress state changes as LiveKit's webhooks: {@code egress_started}, {@code egress_updated} and
 * {@code egress_ended}, each carrying the EgressInfo (and the room's sid and name, as LiveKit sends
 * them), an {@code EV_} id and {@code created_at} in Unix seconds.
 */
public final class EgressWebhooks implements EgressListener {
  private final BiConsumer<String, WebhookEvent> send;
  private final Clock clock;
  private final Ids ids;

  /** @param send takes the room name (the queue key) and the event */
  public EgressWebhooks(BiConsumer<String, WebhookEvent> send, Clock clock, Ids ids) {
    this.send = send;
    this.clock = clock;
    this.ids = ids;
  }

  @Override
  public void onEgress(String event, EgressInfo info) {
    send.accept(info.getRoomName(), WebhookEvent.newBuilder()
        .setEvent(event)
        .setId(ids.next("EV_"))
        .setCreatedAt(clock.instant().getEpochSecond())
        .setEgressInfo(info)
        .setRoom(Room.newBuilder().setSid(info.getRoomId()).setName(info.getRoomName()))
        .build());
  }
}
