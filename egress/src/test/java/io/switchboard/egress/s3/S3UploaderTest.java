package io.switchboard.egress.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.switchboard.egress.S3rver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads to a real S3-compatible server (s3rver) and reads the objects back. */
class S3UploaderTest {
  private static S3rver s3;
  @TempDir static Path storage;
  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final S3Uploader uploader = new S3Uploader(http, Clock.systemUTC(), S3Uploader.MIN_PART_SIZE);

  @BeforeAll
  static void start() throws IOException {
    assumeTrue(S3rver.installed() || System.getenv("CI") != null, "s3rver is not installed (scripts/install-test-tools.sh)");
    s3 = S3rver.start(storage, "recordings");
  }

  @AfterAll
  static void stop() throws IOException {
    if (s3 != null) {
      s3.close();
    }
  }

  private S3Target bucket(String accessKey) {
    return new S3Target(s3.endpoint(), "us-east-1", "recordings", accessKey, S3rver.SECRET, true);
  }

  private byte[] fetch(URI object) throws Exception {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(object).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode(), new String(r.body()));
    return r.body();
  }

  private Path file(String name, int size) throws IOException {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    return Files.write(dir.resolve(name), data);
  }

  @Test
  void smallFilesGoUpInOneSignedPut() throws Exception {
    Path f = file("a.ogg", 100_000);
    URI object = uploader.upload(bucket(S3rver.ACCESS_KEY), f, "calls/room one/a.ogg", "audio/ogg");
    assertEquals(s3.endpoint() + "/recordings/calls/room%20one/a.ogg", object.toString());
    assertArrayEquals(Files.readAllBytes(f), fetch(object));
  }

  @Test
  void bigFilesGoUpInParts() throws Exception {
    Path f = file("big.wav", (int) (2.5 * S3Uploader.MIN_PART_SIZE));
    URI object = uploader.upload(bucket(S3rver.ACCESS_KEY), f, "big.wav", "audio/wav");
    assertArrayEquals(Files.readAllBytes(f), fetch(object), "three parts put back together");
  }

  /** s3rver checks the access key but not SigV4 signatures themselves; SigV4Test checks those against AWS's examples. */
  @Test
  void anUnknownAccessKeyIsRefusedWithTheServersReason() throws Exception {
    Path f = file("b.ogg", 1000);
    IOException e = assertThrows(IOException.class, () -> uploader.upload(bucket("NOBODY"), f, "b.ogg", "audio/ogg"));
    assertTrue(e.getMessage().contains("403") && e.getMessage().contains("InvalidAccessKeyId"), e.getMessage());
  }
}
