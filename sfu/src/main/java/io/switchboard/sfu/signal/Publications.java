package io.switchboard.sfu.signal;

import io.switchboard.media.codec.AudioCodec;
import io.switchboard.protocol.auth.VideoGrant;
import io.switchboard.sfu.api.RoomProtos;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.TrackInfo;
import io.switchboard.sfu.transport.ice.IceCandidate;
import io.switchboard.sfu.webrtc.OpusIngress;
import io.switchboard.sfu.webrtc.PublisherAnswer;
import io.switchboard.sfu.webrtc.PublisherConnection;
import io.switchboard.sfu.webrtc.TrackFanout;
import io.switchboard.sfu.webrtc.VideoCodec;
import io.switchboard.sfu.webrtc.VideoIngress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import livekit.LivekitModels;
import livekit.LivekitRtc;
import livekit.LivekitRtc.SignalResponse;

/**
 * The publisher side of a session: AddTrackRequest publishes the track into the room at once (its
 * audio source is the Opus ingress), the client's offer binds each accepted audio section to a
 * published track by the cid LiveKit clients put in {@code a=msid}, else to the oldest unbound
 * one. Session-executor only.
 */
final class Publications implements AutoCloseable {
  private record Pending(String cid, TrackInfo track, OpusIngress ingress) {}

  private record PendingVideo(String cid, TrackInfo track, TrackFanout fanout, java.util.Optional<VideoCodec> codec) {}

  /** Recent packets kept per video track for subscribers' NACKs. */
  private static final int VIDEO_CACHE_PACKETS = 512;

  private final PublisherConnection connection;
  /** What carries a published track's media: a video track has no PCM source ({@code audio} null). */
  private record Published(TrackFanout fanout, OpusIngress audio) {}

  private LocalParticipant participant;
  private final TrackRegistry tracks;
  private final AudioCodec opus;
  private final Clock clock;
  private final VideoGrant grant;
  private final List<Pending> unbound = new ArrayList<>();
  private final List<PendingVideo> unboundVideo = new ArrayList<>();
  private final java.util.Set<String> boundMids = new java.util.HashSet<>();
  /** The mute state the client last asked for or was told, per published track. */
  private final java.util.Map<String, Boolean> clientMuted = new java.util.HashMap<>();
  /** Published tracks someone has subscribed to; LiveKit tells the publisher once per track. */
  private final java.util.Set<String> subscribedOnce = new java.util.HashSet<>();
  /** Every track the client published, by sid, with its media path (kept across moves). */
  private final java.util.Map<String, Published> published = new java.util.LinkedHashMap<>();

  Publications(
      PublisherConnection connection,
      LocalParticipant participant,
      TrackRegistry tracks,
      AudioCodec opus,
      Clock clock,
      VideoGrant grant) {
    this.connection = connection;
    this.participant = participant;
    this.tracks = tracks;
    this.opus = opus;
    this.clock = clock;
    this.grant = grant;
  }

  /** LiveKit's TrackSubscribed for the publisher, the first time someone receives its track. */
  java.util.Optional<SignalResponse> firstSubscription(String trackSid) {
    if (!subscribedOnce.add(trackSid)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(SignalResponse.newBuilder()
        .setTrackSubscribed(LivekitRtc.TrackSubscribed.newBuilder().setTrackSid(trackSid)).build());
  }

  SignalResponse addTrack(LivekitRtc.AddTrackRequest request) {
    String source = request.getSource().name().toLowerCase(Locale.ROOT);
    if (!grant.canPublishSource(source)) {
      return refused(request, LivekitRtc.RequestResponse.Reason.NOT_ALLOWED,
          "the token does not allow publishing " + source);
    }
    if (request.getType() == LivekitModels.TrackType.VIDEO) {
      return addVideo(request);
    }
    if (request.getType() != LivekitModels.TrackType.AUDIO) {
      return refused(request, LivekitRtc.RequestResponse.Reason.UNSUPPORTED_TYPE,
          "only audio and video tracks are forwarded");
    }
    TrackFanout fanout = new TrackFanout();
    OpusIngress ingress = new OpusIngress(-1, fanout, opus.decoders().get(), clock);
    String name = request.getName().isEmpty() ? "microphone" : request.getName();
    String participantSid = participant.info().sid();
    tracks.expect(participantSid, fanout);
    TrackInfo track;
    try {
      track = participant.publishAudio(name, ingress);
    } catch (RuntimeException e) {
      tracks.unexpect(participantSid, fanout);
      throw e;
    }
    if (request.getMuted()) {
      participant.setMuted(track.sid(), true);
    }
    clientMuted.put(track.sid(), request.getMuted());
    published.put(track.sid(), new Published(fanout, ingress));
    unbound.add(new Pending(request.getCid(), track, ingress));
    return SignalResponse.newBuilder()
        .setTrackPublished(
            LivekitRtc.TrackPublishedResponse.newBuilder()
                .setCid(request.getCid())
                .setTrack(RoomProtos.track(track).toBuilder().setMuted(request.getMuted())))
        .build();
  }

  /**
   * A camera or screen track: listed in the room at once, its packets forwarded once the offer
   * binds a video section to it. Simulcast is not forwarded: the answer takes one encoding.
   */
  private SignalResponse addVideo(LivekitRtc.AddTrackRequest request) {
    TrackFanout fanout = TrackFanout.video(VIDEO_CACHE_PACKETS);
    String name = request.getName().isEmpty() ? "camera" : request.getName();
    TrackInfo.TrackSource source = request.getSource() == LivekitModels.TrackSource.SCREEN_SHARE
        ? TrackInfo.TrackSource.SCREEN_SHARE : TrackInfo.TrackSource.CAMERA;
    String participantSid = participant.info().sid();
    tracks.expect(participantSid, fanout);
    TrackInfo track;
    try {
      track = participant.publishVideo(name, source);
    } catch (RuntimeException e) {
      tracks.unexpect(participantSid, fanout);
      throw e;
    }
    if (request.getMuted()) {
      participant.setMuted(track.sid(), true);
    }
    clientMuted.put(track.sid(), request.getMuted());
    published.put(track.sid(), new Published(fanout, null));
    var codec = request.getSimulcastCodecsList().stream()
        .map(c -> VideoCodec.named(c.getCodec())).flatMap(java.util.Optional::stream).findFirst();
    unboundVideo.add(new PendingVideo(request.getCid(), track, fanout, codec));
    return SignalResponse.newBuilder()
        .setTrackPublished(
            LivekitRtc.TrackPublishedResponse.newBuilder()
                .setCid(request.getCid())
                .setTrack(RoomProtos.track(track).toBuilder().setMuted(request.getMuted())
                    .setWidth(request.getWidth()).setHeight(request.getHeight())))
        .build();
  }

  /** Binds the offer's sending video sections to the video tracks added for them. */
  private void bindVideo(PublisherAnswer answer) {
    for (PublisherAnswer.AcceptedVideo video : answer.video()) {
      if (!video.sending() || boundMids.contains(video.mid())) {
        continue;
      }
      PendingVideo match = unboundVideo.stream().filter(p -> p.cid().equals(video.trackId())).findFirst()
          .orElse(unboundVideo.isEmpty() ? null : unboundVideo.getFirst());
      if (match != null) {
        unboundVideo.remove(match);
        boundMids.add(video.mid());
        var ingress = new VideoIngress(video.codec().codec(), video.codec().payloadType(), match.fanout(),
            connection.rtcpSender(), clock, java.util.concurrent.ThreadLocalRandom.current().nextInt());
        connection.route(video, ingress);
      }
    }
  }

  private static SignalResponse refused(
      LivekitRtc.AddTrackRequest request, LivekitRtc.RequestResponse.Reason reason, String message) {
    return SignalResponse.newBuilder()
        .setRequestResponse(
            LivekitRtc.RequestResponse.newBuilder().setReason(reason).setMessage(message).setAddTrack(request))
        .build();
  }

  /** Answers the client's offer (echoing its id) and binds its audio sections to tracks. */
  SignalResponse answer(LivekitRtc.SessionDescription offer) {
    java.util.Map<String, VideoCodec> videoCodecs = new java.util.HashMap<>();
    unboundVideo.forEach(p -> p.codec().ifPresent(c -> videoCodecs.put(p.cid(), c)));
    PublisherAnswer answer = connection.answer(offer.getSdp(), videoCodecs);
    for (PublisherAnswer.AcceptedAudio audio : answer.audio()) {
      if (!audio.sending() || boundMids.contains(audio.mid())) {
        continue; // a renegotiation: this section already carries its track
      }
      Pending match = unbound.stream().filter(p -> p.cid().equals(audio.trackId())).findFirst()
          .orElse(unbound.isEmpty() ? null : unbound.getFirst());
      if (match != null) {
        unbound.remove(match);
        boundMids.add(audio.mid());
        match.ingress().setPayloadType(audio.payloadType());
        match.ingress().reportTo(connection.rtcpSender(), java.util.concurrent.ThreadLocalRandom.current().nextInt());
        connection.route(audio, match.ingress());
      }
    }
    bindVideo(answer);
    return SignalMessages.answer(answer.sdp(), offer.getId());
  }

  /**
   * The client moved to another room: each track it publishes there keeps its sid, name, mute
   * state and media path (same connection, same fan-out, same Opus ingress), as LiveKit keeps a
   * moved participant's published tracks. {@code tracksBefore} are its tracks as the old room
   * listed them, mute state included.
   */
  void moveTo(LocalParticipant moved, List<TrackInfo> tracksBefore) {
    participant = moved;
    String participantSid = moved.info().sid();
    for (TrackInfo track : tracksBefore) {
      Published media = published.get(track.sid());
      if (media == null) {
        continue; // unpublished meanwhile
      }
      tracks.expect(participantSid, media.fanout());
      try {
        moved.republish(track, media.audio());
      } catch (RuntimeException e) {
        tracks.unexpect(participantSid, media.fanout());
        throw e;
      }
    }
  }

  /** MuteTrackRequest from the client. */
  void mute(LivekitRtc.MuteTrackRequest request) {
    clientMuted.put(request.getSid(), request.getMuted());
    participant.setMuted(request.getSid(), request.getMuted());
  }

  /**
   * Our own participant changed: a track muted or unmuted by someone else (RoomService
   * MutePublishedTrack) is told to the client, which then mutes its track as LiveKit's do.
   */
  List<SignalResponse> remoteMutes(io.switchboard.sfu.room.ParticipantInfo self) {
    List<SignalResponse> out = new ArrayList<>();
    for (TrackInfo t : self.tracks()) {
      Boolean known = clientMuted.get(t.sid());
      if (known != null && known != t.muted()) {
        clientMuted.put(t.sid(), t.muted());
        out.add(SignalResponse.newBuilder()
            .setMute(LivekitRtc.MuteTrackRequest.newBuilder().setSid(t.sid()).setMuted(t.muted()))
            .build());
      }
    }
    return out;
  }

  void addRemoteCandidate(IceCandidate candidate) {
    connection.addRemoteCandidate(candidate);
  }

  String stats() {
    return connection.stats().toString();
  }

  void checkConsent() {
    connection.checkConsent();
  }

  @Override
  public void close() {
    connection.close();
  }
}
