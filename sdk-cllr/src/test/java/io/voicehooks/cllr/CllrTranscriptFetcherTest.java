package io.voicehooks.cllr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.voicehooks.cllr.TranscriptFetchException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fetches from a real HTTP server on the loopback interface, on an ephemeral port. */
final class CllrTranscriptFetcherTest {
  private static final String TOKEN = "X-Amz-Signature=f00dfacecafe1234";
  private static final Duration SHORT = Duration.ofMillis(400);

  /** Held by the slow handlers; released after each test, or they give up by themselves. */
  private final CountDownLatch release = new CountDownLatch(1);

  private ExecutorService workers;
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    workers = Executors.newCachedThreadPool();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(workers);
    server.start();
  }

  @AfterEach
  void stopServer() throws InterruptedException {
    release.countDown();
    server.stop(0);
    workers.shutdown();
    assertThat(workers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private URI serve(String path, HttpHandler handler) {
    server.createContext(path, handler);
    int port = server.getAddress().getPort();
    return URI.create("http://127.0.0.1:" + port + path + "?" + TOKEN);
  }

  private static HttpHandler json(int status, String body) {
    return exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    };
  }

  /** Writes {@code total} bytes, chunked or with a Content-Length, until the client goes away. */
  private static HttpHandler endless(
      long total, boolean declareLength, AtomicLong written, CountDownLatch done) {
    return exchange -> {
      try {
        exchange.sendResponseHeaders(200, declareLength ? total : 0);
        byte[] chunk = new byte[8192];
        java.util.Arrays.fill(chunk, (byte) ' ');
        try (OutputStream out = exchange.getResponseBody()) {
          out.write('[');
          written.addAndGet(1);
          while (written.get() + chunk.length < total) {
            out.write(chunk);
            written.addAndGet(chunk.length);
          }
        }
      } catch (IOException expected) {
        // The client hung up: what this test wants.
      } finally {
        exchange.close();
        done.countDown();
      }
    };
  }

  /** A builder allowing what a test server on 127.0.0.1 needs: plain http and loopback. */
  private static CllrTranscriptFetcher.Builder local() {
    return CllrTranscriptFetcher.builder().allowPlainHttp(true).allowLoopback(true);
  }

  private static CllrTranscriptFetcher fetcher() {
    return local().timeout(Duration.ofSeconds(5)).build();
  }

  @Test
  void fetch_objectBody_returnsUnmodifiableMap() {
    AtomicReference<HttpExchange> seen = new AtomicReference<>();
    URI uri =
        serve(
            "/transcripts/transcript_693bff62619c51fac21acf50.json",
            exchange -> {
              seen.set(exchange);
              json(
                      200,
                      "{\"callId\": \"693bff62619c51fac21acf50\", \"durationSeconds\": 184.5,"
                          + " \"turns\": [{\"role\": \"agent\", \"text\": \"Hello, this is Ava.\","
                          + " \"startMs\": 0}, {\"role\": \"user\", \"text\": \"Hi!\","
                          + " \"startMs\": 2150}], \"language\": null}")
                  .handle(exchange);
            });

    Object transcript = fetcher().fetch(uri);

    assertThat(transcript).isInstanceOf(Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) transcript;
    assertThat(map)
        .containsOnlyKeys("callId", "durationSeconds", "turns", "language")
        .containsEntry("callId", "693bff62619c51fac21acf50")
        .containsEntry("durationSeconds", new BigDecimal("184.5"))
        .containsEntry("language", null)
        .containsEntry(
            "turns",
            List.of(
                Map.of("role", "agent", "text", "Hello, this is Ava.", "startMs", 0),
                Map.of("role", "user", "text", "Hi!", "startMs", 2150)));
    assertThatThrownBy(() -> map.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<?>) map.get("turns")).clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(seen.get().getRequestMethod()).isEqualTo("GET");
    assertThat(seen.get().getRequestURI().getRawQuery()).isEqualTo(TOKEN);
    assertThat(seen.get().getRequestHeaders().getFirst("Accept")).isEqualTo("application/json");
  }

  @Test
  void fetch_arrayBody_returnsUnmodifiableList() {
    URI uri =
        serve(
            "/transcripts/array.json",
            json(
                200,
                "[{\"speaker\": \"AI\", \"message\": \"Good morning!\"},"
                    + " {\"speaker\": \"Customer\", \"message\": \"Morning.\"}]"));

    Object transcript = fetcher().fetch(uri.toString());

    assertThat(transcript)
        .isEqualTo(
            List.of(
                Map.of("speaker", "AI", "message", "Good morning!"),
                Map.of("speaker", "Customer", "message", "Morning.")));
    assertThatThrownBy(() -> ((List<?>) transcript).remove(0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void fetch_jsonNull_returnsNull() {
    URI uri = serve("/transcripts/null.json", json(200, "null"));

    assertThat(fetcher().fetch(uri)).isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {404, 403, 500, 503})
  void fetch_non2xx_throwsWithStatusNamingHostAndPathOnly(int status) {
    URI uri = serve("/transcripts/missing.json", json(status, "{\"error\": \"NoSuchKey\"}"));

    assertThatThrownBy(() -> fetcher().fetch(uri))
        .isInstanceOfSatisfying(
            TranscriptFetchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.HTTP_STATUS);
              assertThat(e.statusCode()).isEqualTo(status);
            })
        .hasMessage(
            "Transcript from host 127.0.0.1, path /transcripts/missing.json: HTTP status " + status)
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void fetch_malformedJson_throwsWithoutQuotingTheBody() {
    URI uri = serve("/transcripts/bad.json", json(200, "{\"turns\": [Hello there}"));

    assertThatThrownBy(() -> fetcher().fetch(uri))
        .isInstanceOfSatisfying(
            TranscriptFetchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.INVALID_RESPONSE);
              assertThat(e.statusCode()).isEqualTo(200);
              assertThat(e.getCause()).isNull();
            })
        .hasMessageStartingWith(
            "Transcript from host 127.0.0.1, path /transcripts/bad.json is not well-formed JSON")
        .hasMessageNotContaining("Hello")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void fetch_emptyBody_isMalformed() {
    URI uri = serve("/transcripts/empty.json", json(200, ""));

    assertThatThrownBy(() -> fetcher().fetch(uri))
        .isInstanceOfSatisfying(
            TranscriptFetchException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_RESPONSE));
  }

  @Test
  void fetch_bodyWithinLimit_isRead() {
    String body = "[\"" + "a".repeat(1000) + "\"]";
    URI uri = serve("/transcripts/exact.json", json(200, body));

    Object transcript = local().maxBytes(body.length()).build().fetch(uri);

    assertThat(transcript).isEqualTo(List.of("a".repeat(1000)));
  }

  @Test
  void fetch_streamedBodyOverLimit_stopsReadingAtTheLimit() throws InterruptedException {
    long total = 256L << 20;
    AtomicLong written = new AtomicLong();
    CountDownLatch done = new CountDownLatch(1);
    URI uri = serve("/transcripts/huge.json", endless(total, false, written, done));
    CllrTranscriptFetcher fetcher =
        local().maxBytes(16 * 1024).timeout(Duration.ofSeconds(10)).build();

    assertThatThrownBy(() -> fetcher.fetch(uri))
        .isInstanceOfSatisfying(
            TranscriptFetchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
              assertThat(e.statusCode()).isEqualTo(200);
            })
        .hasMessage(
            "Transcript from host 127.0.0.1, path /transcripts/huge.json is larger than the limit"
                + " of 16384 bytes");
    assertThat(done.await(10, TimeUnit.SECONDS)).as("server saw the client hang up").isTrue();
    assertThat(written.get()).isLessThan(total);
  }

  @Test
  void fetch_declaredLengthOverLimit_throwsBeforeReadingTheBody() throws InterruptedException {
    long total = 256L << 20;
    AtomicLong written = new AtomicLong();
    CountDownLatch done = new CountDownLatch(1);
    URI uri = serve("/transcripts/declared.json", endless(total, true, written, done));
    CllrTranscriptFetcher fetcher = local().maxBytes(1 << 20).build();

    assertThatThrownBy(() -> fetcher.fetch(uri))
        .isInstanceOfSatisfying(
            TranscriptFetchException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    assertThat(done.await(10, TimeUnit.SECONDS)).as("server saw the client hang up").isTrue();
    assertThat(written.get()).isLessThan(total);
  }

  @Test
  void fetch_slowServer_timesOut() {
    URI uri =
        serve(
            "/transcripts/slow.json",
            exchange -> {
              try {
                release.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              json(200, "{}").handle(exchange);
            });
    CllrTranscriptFetcher fetcher = local().timeout(SHORT).build();
    long start = System.nanoTime();

    assertThatThrownBy(() -> fetcher.fetch(uri))
        .isInstanceOfSatisfying(
            TranscriptFetchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
              assertThat(e.statusCode()).isZero();
            })
        .hasMessage(
            "Transcript from host 127.0.0.1, path /transcripts/slow.json did not arrive within 400"
                + " ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void fetch_slowBodyAfterPromptHeaders_timesOut() {
    URI uri =
        serve(
            "/transcripts/trickle.json",
            exchange -> {
              try (OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(200, 0);
                out.write("[\"first turn\"".getBytes(StandardCharsets.UTF_8));
                out.flush();
                release.await(5, TimeUnit.SECONDS);
                out.write("]".getBytes(StandardCharsets.UTF_8));
              } catch (IOException e) {
                // The client gave up.
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    CllrTranscriptFetcher fetcher = local().timeout(SHORT).build();
    long start = System.nanoTime();

    assertThatThrownBy(() -> fetcher.fetch(uri))
        .isInstanceOfSatisfying(
            TranscriptFetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void fetch_connectionRefused_isAnIoError() {
    URI uri = serve("/transcripts/gone.json", json(200, "{}"));
    server.stop(0);

    assertThatThrownBy(() -> fetcher().fetch(uri))
        .isInstanceOfSatisfying(
            TranscriptFetchException.class,
            e -> {
              // A closed loopback port answers the SYN with a reset at once: a refusal, never
              // a timeout.
              assertThat(e.reason()).isEqualTo(Reason.IO_ERROR);
              assertThat(e.getCause()).isInstanceOf(java.net.ConnectException.class);
              assertThat(e.statusCode()).isZero();
            })
        .hasMessageContaining("host 127.0.0.1, path /transcripts/gone.json")
        .hasMessageEndingWith("(ConnectException)")
        .hasMessageNotContaining(TOKEN);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://127.0.0.1/transcripts/t.json?" + TOKEN,
        "file:///etc/passwd?" + TOKEN,
        "jar:file:/tmp/t.jar!/t.json?" + TOKEN,
        "/transcripts/t.json?" + TOKEN,
        "mailto:ops@example.com?" + TOKEN,
        "http:opaque?" + TOKEN,
        "https:///no-host?" + TOKEN
      })
  void fetch_notAnAbsoluteHttpUri_isRejectedWithoutQuotingIt(String uri) {
    assertThatThrownBy(() -> fetcher().fetch(uri))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(TOKEN)
        .hasMessageNotContaining("/t.json");
  }

  @Test
  void fetch_invalidUriSyntax_isRejectedWithoutQuotingIt() {
    assertThatThrownBy(() -> fetcher().fetch("https://storage.example.com/a b.json?" + TOKEN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasNoCause()
        .hasMessageStartingWith("uri is not a valid URI")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void builder_invalidOptions_areRejected() {
    CllrTranscriptFetcher.Builder builder = CllrTranscriptFetcher.builder();

    assertThatThrownBy(() -> builder.timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive");
    assertThatThrownBy(() -> builder.timeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.maxBytes(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maxBytes must be from 1");
    assertThatThrownBy(() -> builder.maxBytes(Integer.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.sslContext(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("sslContext == null");
  }

  @Test
  void create_usesTheDocumentedDefaults() {
    assertThat(CllrTranscriptFetcher.create())
        .hasToString(
            "CllrTranscriptFetcher[timeout=PT10S, maxBytes=8388608, maxRedirects=5,"
                + " plainHttp=false, alsoAllowed=[], allowedHosts=any]");
    assertThat(CllrTranscriptFetcher.DEFAULT_MAX_REDIRECTS).isEqualTo(5);
    assertThat(CllrTranscriptFetcher.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(10));
    assertThat(CllrTranscriptFetcher.DEFAULT_MAX_BYTES).isEqualTo(8L * 1024 * 1024);
  }
}
