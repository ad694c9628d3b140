package io.switchboard.egress.api;

import livekit.LivekitEgress.AutoParticipantEgress;
import livekit.LivekitEgress.AutoTrackEgress;
import livekit.LivekitEgress.DirectFileOutput;
import livekit.LivekitEgress.ParticipantEgressRequest;
import livekit.LivekitEgress.RoomCompositeEgressRequest;
import livekit.LivekitEgress.TrackEgressRequest;

/**
 * The egress requests LiveKit derives from a room's {@code RoomEgress} (livekit-server
 * pkg/rtc/egress.go semantics): one ParticipantEgressRequest per participant, one
 * TrackEgressRequest per track, the room composite named after the room.
 */
public final class AutoEgressRequests {
  private AutoEgressRequests() {}

  /**
   * The room's recording: the configured request, named after the room, audio only (this server
   * renders no video; {@code video_only} is still refused when it starts).
   */
  public static RoomCompositeEgressRequest room(RoomCompositeEgressRequest configured, String roomName) {
    return configured.toBuilder().setRoomName(roomName).setAudioOnly(true).build();
  }

  /** A participant's recording: the automatic egress's outputs and options for {@code identity}. */
  public static ParticipantEgressRequest participant(AutoParticipantEgress auto, String roomName, String identity) {
    ParticipantEgressRequest.Builder b = ParticipantEgressRequest.newBuilder()
        .setRoomName(roomName)
        .setIdentity(identity)
        .addAllFileOutputs(auto.getFileOutputsList())
        .addAllSegmentOutputs(auto.getSegmentOutputsList());
    switch (auto.getOptionsCase()) {
      case PRESET -> b.setPreset(auto.getPreset());
      case ADVANCED -> b.setAdvanced(auto.getAdvanced());
      case OPTIONS_NOT_SET -> {}
    }
    return b.build();
  }

  /** A track's recording: one file, its path made unique per track by {@link #trackFilepath}. */
  public static TrackEgressRequest track(AutoTrackEgress auto, String roomName, String trackSid) {
    DirectFileOutput.Builder file = DirectFileOutput.newBuilder()
        .setFilepath(trackFilepath(auto.getFilepath()))
        .setDisableManifest(auto.getDisableManifest());
    switch (auto.getOutputCase()) {
      case S3 -> file.setS3(auto.getS3());
      case GCP -> file.setGcp(auto.getGcp());
      case AZURE -> file.setAzure(auto.getAzure());
      case ALIOSS -> file.setAliOSS(auto.getAliOSS());
      case OUTPUT_NOT_SET -> {}
    }
    return TrackEgressRequest.newBuilder().setRoomName(roomName).setTrackId(trackSid).setFile(file).build();
  }

  /**
   * Every track of a room shares one {@code filepath}, so, as LiveKit does, a path that names no
   * {@code {track_id}} gets {@code -{track_id}} before its first dot (or at its end). An empty path
   * or a directory ("calls/") is left for the default name, {@code {track_id}-{time}}.
   */
  public static String trackFilepath(String filepath) {
    if (filepath.isEmpty() || filepath.endsWith("/") || filepath.contains("{track_id}")) {
      return filepath;
    }
    int dot = filepath.indexOf('.');
    return dot < 0 ? filepath + "-{track_id}" : filepath.substring(0, dot) + "-{track_id}" + filepath.substring(dot);
  }
}
