package io.voicehooks.cllr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.voicehooks.cllr.TranscriptFetchException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fetcher's policy against a real HTTP server on 127.0.0.1, which records every request it
 * receives. A refused URI must leave that record empty. Every URI here names a loopback or
 * unspecified address (which also stays on this machine) or a name that a fake resolver maps to
 * 127.0.0.1: even a broken policy would not send a packet off this machine. The private, link-local
 * and metadata ranges are covered without any connection by {@link FetchPolicyTest} and {@link
 * AddressKindTest}.
 */
final class CllrTranscriptFetcherSsrfTest {
  private static final String TOKEN = "X-Amz-Signature=f00dfacecafe1234";
  private static final String PATH = "/admin/transcript.json";

  /** The path and query of every request the server received. */
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private ExecutorService workers;
  private HttpServer server;
  private int port;

  @BeforeEach
  void startServer() throws IOException {
    workers = Executors.newCachedThreadPool();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(workers);
    server.createContext("/", this::answer);
    server.start();
    port = server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() throws InterruptedException {
    server.stop(0);
    workers.shutdown();
    assertThat(workers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  /**
   * Records the request, then answers {@code /redirect/<status>?to=<location>} with that redirect
   * and anything else with a small JSON object naming the path.
   */
  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    requests.add(path + (query == null ? "" : "?" + query));
    if (path.startsWith("/redirect/")) {
      String to = exchange.getRequestURI().getQuery();
      String location = to == null ? "" : to.substring(to.indexOf("to=") + 3);
      exchange.getResponseHeaders().add("Location", location);
      exchange.sendResponseHeaders(Integer.parseInt(path.substring(10)), -1);
      exchange.close();
      return;
    }
    byte[] body = ("{\"path\": \"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** {@return a URI that the server answers with a redirect to {@code location}} */
  private String redirect(int status, String location) {
    return "http://127.0.0.1:"
        + port
        + "/redirect/"
        + status
        + "?to="
        + URLEncoder.encode(location, StandardCharsets.UTF_8);
  }

  private static CllrTranscriptFetcher.Builder local() {
    return CllrTranscriptFetcher.builder()
        .allowPlainHttp(true)
        .allowLoopback(true)
        .timeout(Duration.ofSeconds(5));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.0.0.2",
        "127.255.255.254",
        "localhost",
        "LOCALHOST",
        "localhost.",
        "transcripts.localhost",
        "[::1]",
        "[0:0:0:0:0:0:0:1]",
        "[::ffff:127.0.0.1]",
        "[::ffff:7f00:1]",
        "[0:0:0:0:0:ffff:7f00:1]",
        "0.0.0.0",
        "[::]",
        "0",
        "2130706433",
        "017700000001",
        "0x7f000001",
        "127.000.000.001"
      })
  void fetch_loopbackSpelling_isRefusedAndNothingIsSent(String host) {
    // Plain http is allowed, so the refusal can only come from the host or address rules.
    CllrTranscriptFetcher fetcher = CllrTranscriptFetcher.builder().allowPlainHttp(true).build();
    String uri = "http://" + host + ":" + port + PATH + "?" + TOKEN;

    assertThatThrownBy(() -> fetcher.fetch(uri))
        .isInstanceOfSatisfying(
            TranscriptFetchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED);
              assertThat(e.statusCode()).isZero();
            })
        .hasMessageStartingWith("Transcript host " + host + " refused: ")
        .hasMessageNotContaining(PATH)
        .hasMessageNotContaining(TOKEN);
    assertThat(requests).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.1", "0x7f.0.0.1", "127.0.0.1.", "0x7f.1"})
  void fetch_loopbackSpellingWithoutAUriHost_isRejectedAndNothingIsSent(String host) {
    String uri = "http://" + host + ":" + port + PATH + "?" + TOKEN;

    assertThatThrownBy(() -> local().build().fetch(uri))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("uri has no host");
    assertThat(requests).isEmpty();
  }

  @Test
  void fetch_defaults_refuseTheLocalServerOverHttpAndHttps() {
    CllrTranscriptFetcher fetcher = CllrTranscriptFetcher.create();

    assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:" + port + PATH + "?" + TOKEN))
        .isInstanceOf(TranscriptFetchException.class)
        .hasMessage(
            "Transcript host 127.0.0.1 refused: plain http is not allowed (see allowPlainHttp)");
    assertThatThrownBy(() -> fetcher.fetch("https://127.0.0.1:" + port + PATH + "?" + TOKEN))
        .isInstanceOf(TranscriptFetchException.class)
        .hasMessage(
            "Transcript host 127.0.0.1 refused: 127.0.0.1 is a loopback address (see"
                + " allowLoopback)");
    assertThatThrownBy(() -> fetcher.fetch("https://localhost:" + port + PATH))
        .isInstanceOf(TranscriptFetchException.class)
        .hasMessage(
            "Transcript host localhost refused: the name is a loopback name (see allowLoopback)");
    assertThat(requests).isEmpty();
  }

  @Test
  void fetch_loopbackAllowedButNotPlainHttp_sendsNothingOverHttp() {
    CllrTranscriptFetcher fetcher = CllrTranscriptFetcher.builder().allowLoopback(true).build();

    assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:" + port + PATH))
        .isInstanceOfSatisfying(
            TranscriptFetchException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED));
    assertThat(requests).isEmpty();
  }

  @Test
  void fetch_withTheTestAllowances_reachesTheLocalServer() {
    assertThat(local().build().fetch("http://127.0.0.1:" + port + PATH + "?" + TOKEN))
        .isEqualTo(Map.of("path", PATH));
    assertThat(local().build().fetch("http://localhost:" + port + "/by-name.json"))
        .isEqualTo(Map.of("path", "/by-name.json"));
    assertThat(requests).containsExactly(PATH + "?" + TOKEN, "/by-name.json");
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void fetch_redirectToAllowedTarget_isFollowed(int status) {
    Object transcript = local().build().fetch(redirect(status, "/target.json?" + TOKEN));

    assertThat(transcript).isEqualTo(Map.of("path", "/target.json"));
    assertThat(requests).hasSize(2).last().isEqualTo("/target.json?" + TOKEN);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0.0.0.0", "0", "2130706433", "[::]", "0x7f000001", "transcripts.localhost"})
  void fetch_redirectToARefusedSpelling_isRefusedBeforeTheSecondRequest(String host) {
    // Loopback is allowed for the first hop; unspecified and numeric spellings never are, and
    // *.localhost is refused here by the allow-list.
    CllrTranscriptFetcher fetcher =
        local()
            .allowedHosts("127.0.0.1", "0.0.0.0", "[::]", "0", "2130706433", "0x7f000001")
            .build();
    String target = "http://" + host + ":" + port + "/target.json";

    assertThatThrownBy(() -> fetcher.fetch(redirect(302, target)))
        .isInstanceOfSatisfying(
            TranscriptFetchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED);
              assertThat(e.statusCode()).isZero();
            })
        .hasMessageStartingWith(
            "Transcript redirect from host 127.0.0.1 to host " + host + " refused: ")
        .hasMessageNotContaining("target.json")
        .hasMessageNotContaining("redirect/");
    assertThat(requests).hasSize(1).first().asString().startsWith("/redirect/302");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "[::1]", "[::ffff:127.0.0.1]", "127.0.0.2"})
  void fetch_redirectOffTheAllowList_isRefusedBeforeTheSecondRequest(String host) {
    CllrTranscriptFetcher fetcher = local().allowedHosts("127.0.0.1").build();

    assertThatThrownBy(
            () -> fetcher.fetch(redirect(307, "http://" + host + ":" + port + "/target.json")))
        .isInstanceOf(TranscriptFetchException.class)
        .hasMessage(
            "Transcript redirect from host 127.0.0.1 to host "
                + host
                + " refused: the host is not on the allowed host list");
    assertThat(requests).hasSize(1);
  }

  @Test
  void fetch_redirectToAnotherScheme_isRefusedWithoutQuotingIt() {
    assertThatThrownBy(
            () -> local().build().fetch(redirect(302, "ftp://127.0.0.1/t.json?" + TOKEN)))
        .isInstanceOfSatisfying(
            TranscriptFetchException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED))
        .hasMessage(
            "Transcript redirect from host 127.0.0.1 refused: the target is not an http or https"
                + " URI with a host")
        .hasMessageNotContaining(TOKEN);
    assertThat(requests).hasSize(1);
  }

  @Test
  void fetch_redirectLoop_stopsAtTheLimit() {
    server.createContext(
        "/loop",
        exchange -> {
          requests.add("/loop");
          exchange.getResponseHeaders().add("Location", "/loop");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });

    assertThatThrownBy(
            () -> local().maxRedirects(3).build().fetch("http://127.0.0.1:" + port + "/loop"))
        .isInstanceOfSatisfying(
            TranscriptFetchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.HTTP_STATUS);
              assertThat(e.statusCode()).isEqualTo(302);
            })
        .hasMessage(
            "Transcript from host 127.0.0.1, path /loop: HTTP status 302 after 3 redirects, the"
                + " limit");
    assertThat(requests).hasSize(4);
  }

  @Test
  void fetch_noRedirectsAllowed_answersWithTheRedirectStatus() {
    assertThatThrownBy(() -> local().maxRedirects(0).build().fetch(redirect(302, "/target.json")))
        .isInstanceOfSatisfying(
            TranscriptFetchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.HTTP_STATUS);
              assertThat(e.statusCode()).isEqualTo(302);
            })
        .hasMessage("Transcript from host 127.0.0.1, path /redirect/302: HTTP status 302");
    assertThat(requests).hasSize(1);
  }

  @Test
  void fetch_name_isLookedUpOnceAndTheCheckedAddressIsTheOneConnectedTo() {
    // .test never resolves in public DNS (RFC 6761): reaching the server proves the connection
    // went to the address the policy checked, not to a second lookup's answer.
    AtomicInteger lookups = new AtomicInteger();
    List<String> hosts = new CopyOnWriteArrayList<>();
    server.createContext(
        "/named.json",
        exchange -> {
          hosts.add(exchange.getRequestHeaders().getFirst("Host"));
          answer(exchange);
        });
    CllrTranscriptFetcher fetcher =
        local()
            .resolver(
                host -> {
                  lookups.incrementAndGet();
                  assertThat(host).isEqualTo("transcripts.rebind.test");
                  return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
                })
            .build();

    Object transcript = fetcher.fetch("http://transcripts.rebind.test:" + port + "/named.json");

    assertThat(transcript).isEqualTo(Map.of("path", "/named.json"));
    assertThat(lookups).hasValue(1);
    assertThat(hosts).containsExactly("transcripts.rebind.test:" + port);
  }

  @Test
  void fetch_nameWithOneRefusedAddress_isRefusedBeforeConnecting() {
    CllrTranscriptFetcher fetcher =
        local()
            .resolver(
                host ->
                    new InetAddress[] {
                      InetAddress.getByName("127.0.0.1"), InetAddress.getByName("10.0.0.7")
                    })
            .build();

    assertThatThrownBy(() -> fetcher.fetch("http://transcripts.rebind.test:" + port + PATH))
        .isInstanceOf(TranscriptFetchException.class)
        .hasMessage(
            "Transcript host transcripts.rebind.test refused: 10.0.0.7 is a private-network"
                + " address (see allowPrivateNetworks)");
    assertThat(requests).isEmpty();
  }

  @Test
  void builder_invalidPolicyOptions_areRejected() {
    CllrTranscriptFetcher.Builder builder = CllrTranscriptFetcher.builder();

    assertThatThrownBy(() -> builder.maxRedirects(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxRedirects must be from 0 to 20");
    assertThatThrownBy(() -> builder.maxRedirects(21)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.allowedHosts("*"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("allowed host must be a host name, an IP address or *.domain: *");
    assertThatThrownBy(() -> builder.allowedHosts((String) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.allowedHosts((String[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("patterns == null");
  }

  @Test
  void builder_allowances_showInToStringAndCanBeWithdrawn() {
    CllrTranscriptFetcher.Builder builder =
        CllrTranscriptFetcher.builder()
            .allowPlainHttp(true)
            .allowLoopback(true)
            .allowPrivateNetworks(true)
            .allowLinkLocal(true)
            .allowedHosts("*.Example.com", "transcripts.cllr.ai")
            .maxRedirects(2);

    assertThat(builder.build())
        .hasToString(
            "CllrTranscriptFetcher[timeout=PT10S, maxBytes=8388608, maxRedirects=2,"
                + " plainHttp=true, alsoAllowed=[LOOPBACK, PRIVATE, LINK_LOCAL],"
                + " allowedHosts=[*.example.com, transcripts.cllr.ai]]");

    builder.allowLoopback(false).allowLinkLocal(false).allowPlainHttp(false).allowedHosts();

    assertThat(builder.build())
        .hasToString(
            "CllrTranscriptFetcher[timeout=PT10S, maxBytes=8388608, maxRedirects=2,"
                + " plainHttp=false, alsoAllowed=[PRIVATE], allowedHosts=any]");
  }
}
