package io.switchboard.server.config;

/**
 * Recordings (LiveKit's Egress API, audio only). {@code directory}: where files are written
 * (empty: {@code <data_dir>/recordings}); a request's {@code filepath} is relative to it.
 * {@code s3}: a bucket every finished recording is uploaded to, unless the request names its own.
 */
public record EgressConfig(String directory, S3Config s3) {

  public static final EgressConfig DEFAULTS = new EgressConfig(null, null);

  public EgressConfig {
    directory = directory == null ? "" : directory;
    s3 = s3 == null ? S3Config.DEFAULTS : s3;
  }
}
