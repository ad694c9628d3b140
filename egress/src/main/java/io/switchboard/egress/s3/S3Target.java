package io.switchboard.egress.s3;

import java.net.URI;

/**
 * An S3-compatible bucket to upload finished recordings to, as LiveKit's {@code S3Upload} names it.
 * An empty endpoint means AWS ({@code https://s3.<region>.amazonaws.com}); {@code forcePathStyle}
 * puts the bucket in the path ({@code /bucket/key}) instead of the host name, as MinIO and most
 * self-hosted servers need.
 */
public record S3Target(
    String endpoint, String region, String bucket, String accessKey, String secret, boolean forcePathStyle) {

  public S3Target {
    endpoint = endpoint == null ? "" : endpoint.strip();
    region = region == null || region.isBlank() ? "us-east-1" : region;
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("S3 upload needs a bucket");
    }
    if (accessKey == null || accessKey.isBlank() || secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("S3 upload needs an access key and a secret");
    }
  }

  /** The URL of {@code key} (already a relative path such as {@code calls/a.ogg}). */
  public URI objectUri(String key) {
    String base = endpoint.isEmpty() ? "https://s3." + region + ".amazonaws.com" : endpoint;
    URI root = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    String path = SigV4.encodePath("/" + key);
    if (forcePathStyle) {
      return URI.create(root + "/" + SigV4.encodePath(bucket) + path);
    }
    String port = root.getPort() < 0 ? "" : ":" + root.getPort();
    return URI.create(root.getScheme() + "://" + bucket + "." + root.getHost() + port + path);
  }

  @Override
  public String toString() {
    return "S3Target[" + (endpoint.isEmpty() ? "aws " + region : endpoint) + " bucket=" + bucket + "]"; // no secrets in logs
  }
}
