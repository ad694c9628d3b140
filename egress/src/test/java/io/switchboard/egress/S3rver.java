package io.switchboard.egress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real S3-compatible server (s3rver, from egress/src/test/node, installed by
 * scripts/install-test-tools.sh) running as a child process for one test class. It checks SigV4
 * signatures with its fixed credentials {@code S3RVER}/{@code S3RVER}.
 */
public final class S3rver implements AutoCloseable {
  public static final String ACCESS_KEY = "S3RVER";
  public static final String SECRET = "S3RVER";
  private static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();

  private final Process process;
  private final int port;

  private S3rver(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static boolean installed() {
    return Files.isDirectory(NODE_DIR.resolve("node_modules/s3rver"));
  }

  public static S3rver start(Path directory, String... buckets) throws IOException {
    List<String> command = new ArrayList<>(List.of("node", NODE_DIR.resolve("s3-server.mjs").toString(), directory.toString()));
    command.addAll(List.of(buckets));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String line = new BufferedReader(new InputStreamReader(p.getInputStream())).readLine();
    if (line == null || !line.startsWith("listening ")) {
      p.destroyForcibly();
      throw new IOException("s3rver did not start: " + line);
    }
    return new S3rver(p, Integer.parseInt(line.substring("listening ".length()).strip()));
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws IOException {
    process.getOutputStream().close();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
