package io.switchboard.egress.s3;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for S3 requests ("Authenticating Requests: Using the Authorization
 * Header"). Written here rather than pulling in the AWS SDK (tens of megabytes, its own HTTP stack)
 * for four kinds of request: it is a canonical string and an HMAC chain.
 */
public final class SigV4 {
  public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final String accessKey;
  private final String secret;
  private final String region;

  public SigV4(String accessKey, String secret, String region) {
    this.accessKey = accessKey;
    this.secret = secret;
    this.region = region;
  }

  /** The x-amz-date value for {@code at}. */
  public static String stamp(Instant at) {
    return STAMP.format(at);
  }

  /**
   * The Authorization header for a request.
   *
   * @param path the URI path, already encoded
   * @param query the canonical query string (keys sorted, encoded), or empty
   * @param headers every header to sign, including host, x-amz-date and x-amz-content-sha256
   */
  public String authorization(String method, String path, String query, Map<String, String> headers, String payloadSha256) {
    TreeMap<String, String> sorted = new TreeMap<>();
    headers.forEach((k, v) -> sorted.put(k.toLowerCase(java.util.Locale.ROOT), v.strip()));
    StringBuilder canonicalHeaders = new StringBuilder();
    sorted.forEach((k, v) -> canonicalHeaders.append(k).append(':').append(v).append('\n'));
    String signed = String.join(";", sorted.keySet());
    String canonical = method + "\n" + path + "\n" + query + "\n" + canonicalHeaders + "\n" + signed + "\n" + payloadSha256;
    String amzDate = sorted.get("x-amz-date");
    if (amzDate == null) {
      throw new IllegalArgumentException("the x-amz-date header must be signed");
    }
    String day = amzDate.substring(0, 8);
    String scope = day + "/" + region + "/s3/aws4_request";
    String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
    key = hmac(key, region);
    key = hmac(key, "s3");
    key = hmac(key, "aws4_request");
    String signature = HexFormat.of().formatHex(hmac(key, toSign));
    return "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope + ",SignedHeaders=" + signed + ",Signature=" + signature;
  }

  public static String sha256Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  /** S3's URI encoding of a path: every byte but unreserved characters and '/' as %XX. */
  public static String encodePath(String path) {
    return encode(path, true);
  }

  /** URI encoding of a query key or value ('/' encoded too). */
  public static String encodeQuery(String value) {
    return encode(value, false);
  }

  private static String encode(String s, boolean keepSlash) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/')) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return out.toString();
  }
}
