package io.switchboard.egress.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** AWS's published examples ("Signature Calculations for the Authorization Header", S3 API reference). */
class SigV4Test {
  private final SigV4 signer =
      new SigV4("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "us-east-1");

  @Test
  void getObjectExample() {
    String auth = signer.authorization("GET", "/test.txt", "",
        Map.of("Host", "examplebucket.s3.amazonaws.com", "Range", "bytes=0-9",
            "x-amz-content-sha256", SigV4.EMPTY_SHA256, "x-amz-date", "20130524T000000Z"),
        SigV4.EMPTY_SHA256);
    assertEquals("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41", auth);
  }

  @Test
  void putObjectExample() {
    String payload = SigV4.sha256Hex("Welcome to Amazon S3.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072", payload);
    String auth = signer.authorization("PUT", "/test%24file.text", "",
        Map.of("Host", "examplebucket.s3.amazonaws.com", "Date", "Fri, 24 May 2013 00:00:00 GMT",
            "x-amz-date", "20130524T000000Z", "x-amz-storage-class", "REDUCED_REDUNDANCY",
            "x-amz-content-sha256", payload),
        payload);
    assertEquals("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
        + "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,"
        + "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd", auth);
  }

  @Test
  void encodesPathsTheWayS3Does() {
    assertEquals("/calls/room%20one/%24a~b.ogg", SigV4.encodePath("/calls/room one/$a~b.ogg"));
    assertEquals("a%2Fb%3D", SigV4.encodeQuery("a/b="));
  }
}
