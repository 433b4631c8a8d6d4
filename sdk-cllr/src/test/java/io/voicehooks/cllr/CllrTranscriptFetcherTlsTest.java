package io.voicehooks.cllr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import io.voicehooks.cllr.TranscriptFetchException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https to a checked address: an HttpsServer on 127.0.0.1 with a certificate for {@code
 * transcripts.test} only (made with the JDK's keytool), and a fake resolver mapping that name to
 * 127.0.0.1. The fetcher must connect to the resolved address yet send SNI for, and verify the
 * certificate against, the name in the URI.
 */
final class CllrTranscriptFetcherTlsTest {
  private static final String HOST = "transcripts.test";
  private static final char[] PASSWORD = "changeit".toCharArray();

  private static SSLContext serverTls;
  private static SSLContext clientTls;

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> serverNames = new CopyOnWriteArrayList<>();
  private ExecutorService workers;
  private HttpsServer https;
  private HttpServer plain;

  @BeforeAll
  static void makeCertificate(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("server.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + HOST,
                "-ext",
                "SAN=dns:" + HOST,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(output).isZero();

    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, PASSWORD);
    serverTls = SSLContext.getInstance("TLS");
    serverTls.init(kmf.getKeyManagers(), null, null);

    Certificate certificate = keys.getCertificate("server");
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("server", certificate);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trusted);
    clientTls = SSLContext.getInstance("TLS");
    clientTls.init(null, tmf.getTrustManagers(), null);
  }

  @BeforeEach
  void startServers() throws IOException {
    workers = Executors.newCachedThreadPool();
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    https = HttpsServer.create(loopback, 0);
    https.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    https.setExecutor(workers);
    https.createContext("/", this::answer);
    https.start();
    plain = HttpServer.create(loopback, 0);
    plain.setExecutor(workers);
    plain.createContext("/", this::answer);
    plain.start();
  }

  @AfterEach
  void stopServers() throws InterruptedException {
    https.stop(0);
    plain.stop(0);
    workers.shutdown();
    assertThat(workers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  /** Records the request and its SNI; {@code /down} redirects to the plain server. */
  private void answer(HttpExchange exchange) throws IOException {
    requests.add(exchange.getRequestURI().getRawPath());
    if (exchange instanceof HttpsExchange) {
      ExtendedSSLSession session = (ExtendedSSLSession) ((HttpsExchange) exchange).getSSLSession();
      session.getRequestedServerNames().stream()
          .filter(SNIHostName.class::isInstance)
          .forEach(name -> serverNames.add(((SNIHostName) name).getAsciiName()));
    }
    if (exchange.getRequestURI().getPath().equals("/down")) {
      exchange
          .getResponseHeaders()
          .add("Location", "http://127.0.0.1:" + plain.getAddress().getPort() + "/plain.json");
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
      return;
    }
    byte[] body = "{\"secure\": true}".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private CllrTranscriptFetcher.Builder fetcher() {
    return CllrTranscriptFetcher.builder()
        .allowLoopback(true)
        .sslContext(clientTls)
        .timeout(Duration.ofSeconds(5))
        .resolver(
            host -> {
              assertThat(host).isEqualTo(HOST);
              return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
            });
  }

  private String httpsUri(String host, String path) {
    return "https://" + host + ":" + https.getAddress().getPort() + path;
  }

  @Test
  void fetch_https_connectsToTheCheckedAddressWithSniAndVerificationForTheUriHost() {
    Object transcript = fetcher().build().fetch(httpsUri(HOST, "/t.json"));

    assertThat(transcript).isEqualTo(Map.of("secure", true));
    assertThat(requests).containsExactly("/t.json");
    assertThat(serverNames).containsExactly(HOST);
  }

  @Test
  void fetch_certificateForAnotherHost_failsTheHandshakeBeforeTheRequest() {
    // The certificate names transcripts.test, not 127.0.0.1: verification must stay on.
    assertThatThrownBy(() -> fetcher().build().fetch(httpsUri("127.0.0.1", "/t.json")))
        .isInstanceOfSatisfying(
            TranscriptFetchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.IO_ERROR);
              assertThat(e.getCause()).isInstanceOf(SSLHandshakeException.class);
            })
        .hasMessage(
            "Cannot fetch the transcript from host 127.0.0.1, path /t.json"
                + " (SSLHandshakeException)");
    assertThat(requests).isEmpty();
  }

  @Test
  void fetch_untrustedCertificate_failsTheHandshake() {
    assertThatThrownBy(
            () ->
                CllrTranscriptFetcher.builder()
                    .allowLoopback(true)
                    .resolver(host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")})
                    .build()
                    .fetch(httpsUri(HOST, "/t.json")))
        .isInstanceOfSatisfying(
            TranscriptFetchException.class,
            e -> assertThat(e.getCause()).isInstanceOf(SSLHandshakeException.class));
    assertThat(requests).isEmpty();
  }

  @Test
  void fetch_redirectFromHttpsToHttp_isRefusedEvenWithPlainHttpAllowed() {
    assertThatThrownBy(() -> fetcher().allowPlainHttp(true).build().fetch(httpsUri(HOST, "/down")))
        .isInstanceOfSatisfying(
            TranscriptFetchException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED))
        .hasMessage(
            "Transcript redirect from host "
                + HOST
                + " to host 127.0.0.1 refused: a redirect from https to http");
    assertThat(requests).containsExactly("/down");
  }
}
