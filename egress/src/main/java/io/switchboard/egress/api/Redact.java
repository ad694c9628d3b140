package io.switchboard.egress.api;

import livekit.LivekitEgress.DirectFileOutput;
import livekit.LivekitEgress.EncodedFileOutput;
import livekit.LivekitEgress.ParticipantEgressRequest;
import livekit.LivekitEgress.RoomCompositeEgressRequest;
import livekit.LivekitEgress.S3Upload;
import livekit.LivekitEgress.TrackEgressRequest;

/** Requests as echoed in EgressInfo (and kept in the journal): S3 credentials blanked. */
final class Redact {
  private Redact() {}

  static RoomCompositeEgressRequest request(RoomCompositeEgressRequest r) {
    var b = r.toBuilder();
    for (int i = 0; i < b.getFileOutputsCount(); i++) {
      b.setFileOutputs(i, file(b.getFileOutputs(i)));
    }
    if (b.hasFile()) {
      b.setFile(file(b.getFile()));
    }
    return b.build();
  }

  static ParticipantEgressRequest request(ParticipantEgressRequest r) {
    var b = r.toBuilder();
    for (int i = 0; i < b.getFileOutputsCount(); i++) {
      b.setFileOutputs(i, file(b.getFileOutputs(i)));
    }
    return b.build();
  }

  static TrackEgressRequest request(TrackEgressRequest r) {
    if (!r.hasFile() || !r.getFile().hasS3()) {
      return r;
    }
    DirectFileOutput f = r.getFile();
    return r.toBuilder().setFile(f.toBuilder().setS3(s3(f.getS3()))).build();
  }

  private static EncodedFileOutput file(EncodedFileOutput f) {
    return f.hasS3() ? f.toBuilder().setS3(s3(f.getS3())).build() : f;
  }

  private static S3Upload s3(S3Upload s3) {
    return s3.toBuilder().clearAccessKey().clearSecret().clearSessionToken().build();
  }
}
