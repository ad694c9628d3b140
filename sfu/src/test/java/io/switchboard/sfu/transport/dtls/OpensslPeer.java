package io.switchboard.sfu.transport.dtls;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The openssl command line as a DTLS peer: a certificate of its own and its output by line. */
final class OpensslPeer implements AutoCloseable {
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Process process;

  private OpensslPeer(Process process) {
    this.process = process;
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("<output closed: " + e.getMessage() + ">");
              }
            });
  }

  static boolean available() {
    try {
      return new ProcessBuilder("openssl", "version").start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /**
   * Writes a P-256 key and self-signed certificate to {@code dir}; returns the certificate's DER.
   */
  static byte[] makeCertificate(Path dir) throws Exception {
    Process p =
        new ProcessBuilder(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                dir.resolve("key.pem").toString(),
                "-out",
                dir.resolve("cert.pem").toString(),
                "-days",
                "2",
                "-subj",
                "/CN=openssl")
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("openssl req failed");
    }
    X509Certificate cert =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(Files.readAllBytes(dir.resolve("cert.pem"))));
    return cert.getEncoded();
  }

  /**
   * Starts {@code openssl <args>} with the certificate in {@code dir}, exporting {@code
   * exportLength} bytes of DTLS-SRTP keying material; stdin stays open.
   */
  static OpensslPeer start(Path dir, int exportLength, List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(args);
    command.addAll(
        List.of(
            "-cert",
            dir.resolve("cert.pem").toString(),
            "-key",
            dir.resolve("key.pem").toString(),
            "-keymatexport",
            "EXTRACTOR-dtls_srtp",
            "-keymatexportlen",
            Integer.toString(exportLength)));
    return new OpensslPeer(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  /** The first line containing {@code marker}, waiting up to ten seconds for it. */
  String awaitLine(String marker) throws InterruptedException {
    List<String> seen = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null) {
        seen.add(line);
        if (line.contains(marker)) {
          return line;
        }
      }
    }
    throw new AssertionError("openssl never printed '" + marker + "'; it printed " + seen);
  }

  @Override
  public void close() {
    process.destroy();
  }
}
