package io.switchboard.sfu.webhook;

import io.switchboard.sfu.api.RoomProtos;
import io.switchboard.sfu.room.Ids;
import io.switchboard.sfu.room.RoomEvent;
import java.time.Clock;
import java.util.Optional;
import livekit.LivekitWebhook.WebhookEvent;

/**
 * Room events as LiveKit's webhooks ({@code pkg/telemetry/events.go}): {@code room_started},
 * {@code room_finished}, {@code participant_joined}, {@code participant_left} (the participant
 * DISCONNECTED, with its disconnect reason), {@code track_published} and
 * {@code track_unpublished} (room and participant reduced to sid, name and identity, as LiveKit
 * sends them). Each event gets an {@code EV_} id and {@code created_at} in Unix seconds.
 * Participant and room-metadata updates have no webhook in LiveKit and get none here.
 */
public final class RoomWebhookEvents {
  public static final String ROOM_STARTED = "room_started";
  public static final String ROOM_FINISHED = "room_finished";
  public static final String PARTICIPANT_JOINED = "participant_joined";
  public static final String PARTICIPANT_LEFT = "participant_left";
  public static final String TRACK_PUBLISHED = "track_published";
  public static final String TRACK_UNPUBLISHED = "track_unpublished";

  private final Clock clock;
  private final Ids ids;

  public RoomWebhookEvents(Clock clock, Ids ids) {
    this.clock = clock;
    this.ids = ids;
  }

  public Optional<WebhookEvent> of(RoomEvent event) {
    WebhookEvent.Builder b =
        switch (event) {
          case RoomEvent.RoomStarted e -> named(ROOM_STARTED).setRoom(RoomProtos.room(e.room()));
          case RoomEvent.RoomFinished e -> named(ROOM_FINISHED).setRoom(RoomProtos.room(e.room()));
          case RoomEvent.ParticipantJoined e ->
              named(PARTICIPANT_JOINED)
                  .setRoom(RoomProtos.room(e.room()))
                  .setParticipant(RoomProtos.participant(e.participant()));
          case RoomEvent.ParticipantLeft e ->
              named(PARTICIPANT_LEFT)
                  .setRoom(RoomProtos.room(e.room()))
                  .setParticipant(RoomProtos.departed(e.participant(), e.reason()));
          case RoomEvent.TrackPublished e ->
              named(TRACK_PUBLISHED)
                  .setRoom(RoomProtos.roomReference(e.room()))
                  .setParticipant(RoomProtos.participantReference(e.participant()))
                  .setTrack(RoomProtos.track(e.track()));
          case RoomEvent.TrackUnpublished e ->
              named(TRACK_UNPUBLISHED)
                  .setRoom(RoomProtos.roomReference(e.room()))
                  .setParticipant(RoomProtos.participantReference(e.participant()))
                  .setTrack(RoomProtos.track(e.track()));
          case RoomEvent.ParticipantUpdated e -> null;
          case RoomEvent.RoomMetadataChanged e -> null;
          case RoomEvent.SubscriberConnected e -> null; // LiveKit has no webhook for these two
          case RoomEvent.TrackSubscribed e -> null;
        };
    return Optional.ofNullable(b).map(WebhookEvent.Builder::build);
  }

  private WebhookEvent.Builder named(String name) {
    return WebhookEvent.newBuilder()
        .setEvent(name)
        .setId(ids.next("EV_"))
        .setCreatedAt(clock.instant().getEpochSecond());
  }
}
