package io.switchboard.egress.s3;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uploads a finished recording to S3-compatible storage: one signed PUT, or a multipart upload
 * (CreateMultipartUpload, UploadPart…, CompleteMultipartUpload) when the file is larger than
 * {@code partSize}. Blocking: run it off the media and event threads.
 */
public final class S3Uploader {
  /** S3's smallest part size (except the last part). */
  public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

  private static final Pattern UPLOAD_ID = Pattern.compile("<UploadId>([^<]+)</UploadId>");
  private final HttpClient http;
  private final Clock clock;
  private final long partSize;

  public S3Uploader(HttpClient http, Clock clock, long partSize) {
    if (partSize < MIN_PART_SIZE) {
      throw new IllegalArgumentException("S3 parts are at least " + MIN_PART_SIZE + " bytes: " + partSize);
    }
    this.http = http;
    this.clock = clock;
    this.partSize = partSize;
  }

  public static S3Uploader standard(Clock clock) {
    return new S3Uploader(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), clock, 64L * 1024 * 1024);
  }

  /** Uploads {@code file} as {@code key}; returns the object's URL. */
  public URI upload(S3Target target, Path file, String key, String contentType) throws IOException, InterruptedException {
    URI object = target.objectUri(key);
    long size = Files.size(file);
    if (size <= partSize) {
      send(target, "PUT", object, "", contentType, Files.readAllBytes(file), 200);
      return object;
    }
    String created = send(target, "POST", object, "uploads=", contentType, new byte[0], 200);
    Matcher m = UPLOAD_ID.matcher(created);
    if (!m.find()) {
      throw new IOException("S3 answered CreateMultipartUpload without an UploadId: " + created);
    }
    String uploadId = m.group(1);
    List<String> etags = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      for (int part = 1; ; part++) {
        byte[] chunk = in.readNBytes((int) partSize);
        if (chunk.length == 0) {
          break;
        }
        String query = "partNumber=" + part + "&uploadId=" + SigV4.encodeQuery(uploadId);
        etags.add(sendForEtag(target, object, query, chunk));
      }
    }
    StringBuilder xml = new StringBuilder("<CompleteMultipartUpload>");
    for (int i = 0; i < etags.size(); i++) {
      xml.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>").append(etags.get(i)).append("</ETag></Part>");
    }
    xml.append("</CompleteMultipartUpload>");
    send(target, "POST", object, "uploadId=" + SigV4.encodeQuery(uploadId), "application/xml",
        xml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), 200);
    return object;
  }

  private String sendForEtag(S3Target target, URI object, String query, byte[] body) throws IOException, InterruptedException {
    HttpResponse<String> response = exchange(target, "PUT", object, query, null, body);
    check(response, 200, "PUT", object);
    return response.headers().firstValue("ETag").orElseThrow(() -> new IOException("S3 answered UploadPart without an ETag"));
  }

  private String send(S3Target target, String method, URI object, String query, String contentType, byte[] body, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> response = exchange(target, method, object, query, contentType, body);
    check(response, expected, method, object);
    return response.body();
  }

  private HttpResponse<String> exchange(S3Target target, String method, URI object, String query, String contentType, byte[] body)
      throws IOException, InterruptedException {
    String payloadHash = sha256(body);
    String amzDate = SigV4.stamp(clock.instant());
    Map<String, String> signed = new LinkedHashMap<>();
    signed.put("host", object.getPort() < 0 ? object.getHost() : object.getHost() + ":" + object.getPort());
    signed.put("x-amz-content-sha256", payloadHash);
    signed.put("x-amz-date", amzDate);
    if (contentType != null) {
      signed.put("content-type", contentType);
    }
    String authorization =
        new SigV4(target.accessKey(), target.secret(), target.region())
            .authorization(method, object.getRawPath(), query, signed, payloadHash);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(object + (query.isEmpty() ? "" : "?" + query)))
            .timeout(Duration.ofMinutes(5))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .header("x-amz-content-sha256", payloadHash)
            .header("x-amz-date", amzDate)
            .header("Authorization", authorization);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void check(HttpResponse<String> response, int expected, String method, URI object) throws IOException {
    if (response.statusCode() != expected) {
      throw new IOException("S3 " + method + " " + object + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  private static String sha256(byte[] body) {
    return SigV4.sha256Hex(body);
  }
}
