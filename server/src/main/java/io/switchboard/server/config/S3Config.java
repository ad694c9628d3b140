package io.switchboard.server.config;

/**
 * An S3-compatible bucket for recordings, as LiveKit's egress {@code s3:} section. Unset (empty
 * {@code bucket}) means recordings stay in the local directory. {@code endpoint} empty means AWS;
 * {@code forcePathStyle} puts the bucket in the URL path (MinIO and most self-hosted servers).
 */
public record S3Config(
    String endpoint, String region, String bucket, String accessKey, String secret, Boolean forcePathStyle) {

  public static final S3Config DEFAULTS = new S3Config(null, null, null, null, null, null);

  public S3Config {
    endpoint = endpoint == null ? "" : endpoint;
    region = region == null ? "" : region;
    bucket = bucket == null ? "" : bucket;
    accessKey = accessKey == null ? "" : accessKey;
    secret = secret == null ? "" : secret;
    forcePathStyle = forcePathStyle != null && forcePathStyle;
    if (!bucket.isEmpty() && (accessKey.isEmpty() || secret.isEmpty())) {
      throw new IllegalArgumentException("egress.s3 needs access_key and secret for bucket '" + bucket + "'");
    }
  }

  public boolean configured() {
    return !bucket.isEmpty();
  }

  @Override
  public String toString() {
    return "S3Config[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + "]"; // no secrets in logs
  }
}
