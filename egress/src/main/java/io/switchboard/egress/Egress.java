package io.switchboard.egress;

import io.switchboard.egress.record.ChannelMap;
import io.switchboard.egress.record.Recorder;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.Room;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import livekit.LivekitEgress.EgressInfo;
import livekit.LivekitEgress.EgressStatus;

/** One egress: what it records, where to, and its EgressInfo as it changes. Guarded by itself. */
final class Egress {
  final String id;
  final EgressSource source;
  final FileTarget target;
  final Room room;
  final ChannelMap map;
  Recorder recorder;
  /** The clock reading when the recorder came off the room: the file lasts until then. */
  volatile long stoppedAt;
  /** Set while a writer thread is writing this recording's audio. */
  final java.util.concurrent.atomic.AtomicBoolean draining = new java.util.concurrent.atomic.AtomicBoolean();
  private final EgressInfo.Builder info;
  private String callerSid;

  Egress(String id, EgressSource source, FileTarget target, Room room, ChannelMap map, EgressInfo.Builder info) {
    this.id = id;
    this.source = source;
    this.target = target;
    this.room = room;
    this.map = map;
    this.info = info;
  }

  static ChannelMap mapFor(EgressSource source) {
    return switch (source) {
      case EgressSource.RoomComposite c -> c.mixing() == EgressSource.Mixing.MONO ? ChannelMap.everyone() : ChannelMap.split();
      case EgressSource.Participant p -> ChannelMap.participant();
      case EgressSource.Track t -> ChannelMap.track(t.trackSid());
    };
  }

  /** Points the channel map at the participants in the room now (joins and leaves change it). */
  synchronized void follow(List<ParticipantInfo> present) {
    switch (source) {
      case EgressSource.RoomComposite c when c.mixing() == EgressSource.Mixing.AGENTS_LEFT ->
          map.setLeft(present.stream().filter(p -> p.kind() == ParticipantKind.AGENT).map(ParticipantInfo::sid)
              .collect(Collectors.toSet()));
      case EgressSource.RoomComposite c when c.mixing() == EgressSource.Mixing.CALLER_LEFT -> {
        if (present.stream().noneMatch(p -> p.sid().equals(callerSid))) {
          callerSid = caller(present).map(ParticipantInfo::sid).orElse(null);
        }
        map.setLeft(callerSid == null ? Set.of() : Set.of(callerSid));
      }
      case EgressSource.RoomComposite c -> {}
      case EgressSource.Participant p ->
          map.setParticipant(present.stream().filter(x -> x.identity().equals(p.identity())).map(ParticipantInfo::sid)
              .findFirst().orElse(null));
      case EgressSource.Track t -> {}
    }
  }

  /** The first SIP participant to join, else the first participant. */
  private static Optional<ParticipantInfo> caller(List<ParticipantInfo> present) {
    Comparator<ParticipantInfo> byJoin = Comparator.comparing(ParticipantInfo::joinedAt);
    return present.stream().filter(p -> p.kind() == ParticipantKind.SIP).min(byJoin)
        .or(() -> present.stream().min(byJoin));
  }

  synchronized EgressInfo info() {
    return info.build();
  }

  synchronized EgressStatus status() {
    return info.getStatus();
  }

  synchronized boolean active() {
    return switch (info.getStatus()) {
      case EGRESS_STARTING, EGRESS_ACTIVE -> true;
      default -> false;
    };
  }

  /** Applies a change and returns the new info. */
  synchronized EgressInfo update(java.util.function.Consumer<EgressInfo.Builder> change) {
    change.accept(info);
    return info.build();
  }

  /** Fails with NOT_FOUND when the participant or track to record is not in the room. */
  static void checkSource(Room room, EgressSource source) {
    switch (source) {
      case EgressSource.RoomComposite c -> {}
      case EgressSource.Participant p -> {
        if (room.participant(p.identity()).isEmpty()) {
          throw EgressException.notFound("participant does not exist: no \"" + p.identity() + "\" in room \"" + room.name() + "\"");
        }
      }
      case EgressSource.Track t -> {
        boolean found = room.participants().stream().flatMap(p -> p.tracks().stream()).anyMatch(x -> x.sid().equals(t.trackSid()));
        if (!found) {
          throw EgressException.notFound("track is not found: no track " + t.trackSid() + " in room \"" + room.name() + "\"");
        }
      }
    }
  }
}
