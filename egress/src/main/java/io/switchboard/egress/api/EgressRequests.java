package io.switchboard.egress.api;

import io.switchboard.egress.EgressManager;
import io.switchboard.egress.EgressSource;
import io.switchboard.egress.FileTarget;
import io.switchboard.egress.s3.S3Target;
import io.switchboard.protocol.twirp.TwirpException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import livekit.LivekitEgress.DirectFileOutput;
import livekit.LivekitEgress.EncodedFileOutput;
import livekit.LivekitEgress.ParticipantEgressRequest;
import livekit.LivekitEgress.RoomCompositeEgressRequest;
import livekit.LivekitEgress.S3Upload;
import livekit.LivekitEgress.TrackEgressRequest;

/**
 * Checks LiveKit's egress requests against what this server records (audio to one Ogg Opus or WAV
 * file, optionally uploaded to S3) and turns them into sources and file targets. Anything else is
 * refused with a message saying what to change.
 */
final class EgressRequests {
  private final EgressManager egress;
  private final Clock clock;

  EgressRequests(EgressManager egress, Clock clock) {
    this.egress = egress;
    this.clock = clock;
  }

  EgressSource.RoomComposite source(RoomCompositeEgressRequest r) {
    String room = required(r.getRoomName(), "room_name");
    if (r.getVideoOnly()) {
      throw TwirpException.unimplemented("video_only recording is not supported: this server records audio");
    }
    if (!r.getAudioOnly()) {
      throw TwirpException.unimplemented(
          "only audio_only room composite recording is supported (no video layouts are rendered): set audio_only");
    }
    noStreams(r.getStreamOutputsCount() + (r.hasStream() ? 1 : 0), r.getSegmentOutputsCount() + (r.hasSegments() ? 1 : 0),
        r.getImageOutputsCount());
    EgressSource.Mixing mixing = switch (r.getAudioMixing()) {
      case DEFAULT_MIXING -> EgressSource.Mixing.MONO;
      case DUAL_CHANNEL_AGENT -> EgressSource.Mixing.AGENTS_LEFT;
      case DUAL_CHANNEL_ALTERNATE -> EgressSource.Mixing.CALLER_LEFT;
      case UNRECOGNIZED -> throw TwirpException.invalidArgument("audio_mixing", "is not a known AudioMixing value");
    };
    return new EgressSource.RoomComposite(room, mixing);
  }

  FileTarget target(RoomCompositeEgressRequest r, String roomId) {
    List<EncodedFileOutput> files = new ArrayList<>(r.getFileOutputsList());
    if (r.hasFile() && !files.contains(r.getFile())) {
      files.add(r.getFile()); // the deprecated single output; SDKs may send it beside file_outputs
    }
    return encoded(files, values(r.getRoomName(), roomId));
  }

  EgressSource.Participant source(ParticipantEgressRequest r) {
    String room = required(r.getRoomName(), "room_name");
    String identity = required(r.getIdentity(), "identity");
    noStreams(r.getStreamOutputsCount(), r.getSegmentOutputsCount(), r.getImageOutputsCount());
    return new EgressSource.Participant(room, identity);
  }

  FileTarget target(ParticipantEgressRequest r, String roomId) {
    Map<String, String> values = values(r.getRoomName(), roomId);
    values.put("publisher_identity", r.getIdentity());
    return encoded(r.getFileOutputsList(), values);
  }

  EgressSource.Track source(TrackEgressRequest r) {
    String room = required(r.getRoomName(), "room_name");
    String track = required(r.getTrackId(), "track_id");
    if (r.hasWebsocketUrl() || !r.hasFile()) {
      throw TwirpException.unimplemented("track egress writes a file here: set file (websocket_url is not supported)");
    }
    return new EgressSource.Track(room, track);
  }

  FileTarget target(TrackEgressRequest r, String roomId) {
    return target(r, roomId, "");
  }

  /** @param publisher the track's publisher, for {@code {publisher_identity}} (empty: unknown) */
  FileTarget target(TrackEgressRequest r, String roomId, String publisher) {
    DirectFileOutput file = r.getFile();
    Map<String, String> values = values(r.getRoomName(), roomId);
    values.put("track_id", r.getTrackId());
    if (!publisher.isEmpty()) {
      values.put("publisher_identity", publisher);
    }
    Optional<S3Target> upload = switch (file.getOutputCase()) {
      case S3 -> Optional.of(s3(file.getS3()));
      case OUTPUT_NOT_SET -> egress.defaultUpload();
      default -> throw unsupportedStorage(file.getOutputCase().name());
    };
    return egress.paths().resolve(file.getFilepath(), "DEFAULT_FILETYPE", values, clock.instant(), upload);
  }

  private FileTarget encoded(List<EncodedFileOutput> files, Map<String, String> values) {
    if (files.isEmpty()) {
      throw TwirpException.invalidArgument("file_outputs", "is required: this server records to a file");
    }
    if (files.size() > 1) {
      throw TwirpException.unimplemented("one file output per egress is supported, got " + files.size());
    }
    EncodedFileOutput file = files.getFirst();
    Optional<S3Target> upload = switch (file.getOutputCase()) {
      case S3 -> Optional.of(s3(file.getS3()));
      case OUTPUT_NOT_SET -> egress.defaultUpload();
      default -> throw unsupportedStorage(file.getOutputCase().name());
    };
    return egress.paths().resolve(file.getFilepath(), file.getFileType().name(), values, clock.instant(), upload);
  }

  private static Map<String, String> values(String room, String roomId) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("room_name", room);
    values.put("room_id", roomId);
    return values;
  }

  private static S3Target s3(S3Upload s3) {
    if (!s3.getSessionToken().isEmpty() || !s3.getAssumeRoleArn().isEmpty()) {
      throw TwirpException.unimplemented("S3 session tokens and assumed roles are not supported: use an access key and secret");
    }
    try {
      return new S3Target(s3.getEndpoint(), s3.getRegion(), s3.getBucket(), s3.getAccessKey(), s3.getSecret(),
          s3.getForcePathStyle());
    } catch (IllegalArgumentException e) {
      throw TwirpException.invalidArgument("s3", e.getMessage());
    }
  }

  private static TwirpException unsupportedStorage(String kind) {
    return TwirpException.unimplemented(kind + " upload is not supported: use s3 (any S3-compatible storage) or none");
  }

  private static void noStreams(int streams, int segments, int images) {
    if (streams > 0 || segments > 0 || images > 0) {
      throw TwirpException.unimplemented(
          "only file outputs are supported (no stream, segment or image outputs)");
    }
  }

  private static String required(String value, String field) {
    if (value.isEmpty()) {
      throw TwirpException.requiredArgument(field);
    }
    return value;
  }
}
