package io.switchboard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.server.config.SipTlsConfig;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/** {@code sip.tls} into a TLS listening point: off, development's self-signed certificate, or a clear refusal. */
class SipTlsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
  private static final SipTlsConfig ENABLED = new SipTlsConfig(true, null, null, null, null, null, null);

  @Test
  void offByDefault() {
    assertTrue(SipTls.listening(SipTlsConfig.DEFAULTS, true, "127.0.0.1", CLOCK).isEmpty());
  }

  @Test
  void developmentWithoutCertificatePresentsASelfSignedOneForTheAdvertisedAddress() throws Exception {
    var listening = SipTls.listening(ENABLED, true, "127.0.0.1", CLOCK).orElseThrow();
    assertEquals(5061, listening.port());

    X509Certificate presented = presentedBy(listening.context());
    assertEquals(List.of(List.of(7, "127.0.0.1")), List.copyOf(presented.getSubjectAlternativeNames()));
    assertEquals(presented.getSubjectX500Principal(), presented.getIssuerX500Principal());
  }

  @Test
  void productionWithoutCertificateOrWithAMissingFileIsRefusedNamingTheSetting() {
    var none = assertThrows(IllegalArgumentException.class,
        () -> SipTls.listening(ENABLED, false, "127.0.0.1", CLOCK));
    assertTrue(none.getMessage().contains("cert_file and key_file"), none.getMessage());
    var missing = assertThrows(IllegalArgumentException.class, () -> SipTls.listening(
        new SipTlsConfig(true, 5061, "/nonexistent/sip.crt", "/nonexistent/sip.key", null, null, null), false,
        "127.0.0.1", CLOCK));
    assertTrue(missing.getMessage().startsWith("sip.tls: ") && missing.getMessage().contains("/nonexistent/sip.crt"),
        missing.getMessage());
    var half = assertThrows(IllegalArgumentException.class,
        () -> new SipTlsConfig(true, 5061, "sip.crt", null, null, null, null));
    assertTrue(half.getMessage().contains("cert_file and key_file go together"), half.getMessage());
  }

  /** The certificate a TLS client sees from a server socket made with {@code server}. */
  private static X509Certificate presentedBy(SSLContext server) throws Exception {
    var captured = new CompletableFuture<X509Certificate>();
    TrustManager capture = new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {
        captured.complete(chain[0]);
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    var client = SSLContext.getInstance("TLS");
    client.init(null, new TrustManager[] {capture}, null);
    try (var listener = server.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      var accepted = CompletableFuture.runAsync(() -> {
        try (var socket = (SSLSocket) listener.accept()) {
          socket.startHandshake();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      try (var socket = (SSLSocket) client.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
          listener.getLocalPort())) {
        socket.startHandshake();
      }
      accepted.get(10, TimeUnit.SECONDS);
    }
    return captured.get(1, TimeUnit.SECONDS);
  }
}
