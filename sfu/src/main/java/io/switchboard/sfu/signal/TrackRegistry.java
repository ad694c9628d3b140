package io.switchboard.sfu.signal;

import io.switchboard.media.codec.AudioCodec;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.webrtc.PcmTrackEncoder;
import io.switchboard.sfu.webrtc.TrackFanout;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Opus source of every track WebRTC subscribers receive. A track a WebRTC client publishes
 * brings its own fan-out (its packets are forwarded as they are); any other track (a phone
 * caller, an agent) gets one {@link PcmTrackEncoder}, created when the first WebRTC subscriber
 * needs it, which encodes the room's PCM of that track once for all of them.
 */
final class TrackRegistry {
  private record Encoded(String roomName, TrackFanout fanout, PcmTrackEncoder encoder) {}

  private final AudioCodec opus;
  private final Map<String, TrackFanout> forwarded = new ConcurrentHashMap<>();
  private final Map<String, Encoded> encoded = new ConcurrentHashMap<>();
  private final Map<String, java.util.Queue<TrackFanout>> expected = new ConcurrentHashMap<>();

  TrackRegistry(AudioCodec opus) {
    this.opus = opus;
  }

  /**
   * Announces, before a WebRTC client's track is published into the room, the fan-out its packets
   * will go to. {@link #onPublished} pairs it with the track's sid on the room's event thread,
   * before any session hears of the track, so no subscriber mistakes it for a PCM track.
   */
  void expect(String participantSid, TrackFanout fanout) {
    expected.computeIfAbsent(participantSid, p -> new java.util.concurrent.ConcurrentLinkedQueue<>()).add(fanout);
  }

  /** Withdraws an announcement whose publish failed. */
  void unexpect(String participantSid, TrackFanout fanout) {
    var queue = expected.get(participantSid);
    if (queue != null) {
      queue.remove(fanout);
    }
  }

  /** A track was published (room event order): if its publisher announced a fan-out, it is that. */
  void onPublished(String participantSid, String trackSid) {
    var queue = expected.get(participantSid);
    TrackFanout fanout = queue == null ? null : queue.poll();
    if (fanout != null) {
      forwarded.put(trackSid, fanout);
    }
  }

  void participantGone(String participantSid) {
    expected.remove(participantSid);
  }

  /** The fan-out of a track a WebRTC client publishes, if it is one. */
  java.util.Optional<TrackFanout> forwarded(String trackSid) {
    return java.util.Optional.ofNullable(forwarded.get(trackSid));
  }

  /** The fan-out for a track, encoding it from the room's PCM if no client publishes it. */
  TrackFanout fanout(RoomManager rooms, String roomName, String trackSid) {
    TrackFanout direct = forwarded.get(trackSid);
    if (direct != null) {
      return direct;
    }
    return encoded
        .computeIfAbsent(
            trackSid,
            sid -> {
              TrackFanout fanout = new TrackFanout();
              var encoder =
                  new PcmTrackEncoder(opus.encoders().get(), fanout, ThreadLocalRandom.current().nextInt());
              rooms.room(roomName).ifPresent(r -> r.subscribeTrack(sid, encoder));
              return new Encoded(roomName, fanout, encoder);
            })
        .fanout();
  }

  void trackGone(String roomName, String trackSid, RoomManager rooms) {
    forwarded.remove(trackSid);
    Encoded e = encoded.remove(trackSid);
    if (e != null) {
      rooms.room(roomName).ifPresent(r -> r.unsubscribeTrack(trackSid, e.encoder()));
    }
  }
}
