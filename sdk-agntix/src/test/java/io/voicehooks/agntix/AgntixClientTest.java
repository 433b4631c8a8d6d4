package io.voicehooks.agntix;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.voicehooks.agntix.AgntixApiException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class AgntixClientTest {
  private static final String API_KEY = "pk_live_7f3c9a1e5b2d4c6e8a0b";
  private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEifQ.c2lnbmF0dXJl";
  private static final String SESSION = "4981804c-2658-4893-84ff-9c2fa90fb3c2";

  /** One request as the server saw it. */
  private record Seen(String rawPath, String rawQuery, Map<String, List<String>> headers) {
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : values.get(0);
    }
  }

  /** Answers one request; may throw to simulate a broken server. */
  @FunctionalInterface
  private interface Answer {
    void answer(HttpExchange exchange, Seen seen) throws IOException;
  }

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private ExecutorService executor;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void serve(Answer answer) {
    server.createContext(
        "/",
        exchange -> {
          Seen request =
              new Seen(
                  exchange.getRequestURI().getRawPath(),
                  exchange.getRequestURI().getRawQuery(),
                  exchange.getRequestHeaders().entrySet().stream()
                      .collect(
                          Collectors.toMap(e -> e.getKey().toLowerCase(), Map.Entry::getValue)));
          seen.add(request);
          try {
            answer.answer(exchange, request);
          } finally {
            exchange.close();
          }
        });
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private AgntixClient.Builder client() {
    return AgntixClient.builder()
        .apiKey(API_KEY)
        .baseUri(base())
        .requestTimeout(Duration.ofSeconds(5));
  }

  private static void respond(HttpExchange exchange, int status, String body, String... headers)
      throws IOException {
    for (int i = 0; i < headers.length; i += 2) {
      exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
    }
    byte[] bytes = body.getBytes(UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static int page(Seen request) {
    for (String pair : request.rawQuery().split("&")) {
      if (pair.startsWith("page=")) {
        return Integer.parseInt(pair.substring(5));
      }
    }
    throw new AssertionError("no page parameter");
  }

  private static String message(String id, String role, String content) {
    return "{\"id\":\""
        + id
        + "\",\"content\":\""
        + content
        + "\",\"role\":\""
        + role
        + "\",\"createdAt\":\"2026-04-08T05:00:03.120Z\"}";
  }

  private static String body(String pagination, String... messages) {
    return "{\"data\":[" + String.join(",", messages) + "]" + pagination + "}";
  }

  private static String pagination(int page, int limit, int total, int totalPages) {
    return ",\"pagination\":{\"page\":"
        + page
        + ",\"limit\":"
        + limit
        + ",\"total\":"
        + total
        + ",\"totalPages\":"
        + totalPages
        + "}";
  }

  private static void assertNoCredentials(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(API_KEY).doesNotContain(TOKEN);
      assertThat(t.toString()).doesNotContain(API_KEY).doesNotContain(TOKEN);
    }
  }

  @Test
  void sessionMessages_acrossThreePages_returnsEveryMessageInOrder() {
    serve(
        (exchange, request) -> {
          int page = page(request);
          respond(
              exchange,
              200,
              body(
                  pagination(page, 100, 6, 3),
                  message("m" + (2 * page - 1), "USER", "question " + page),
                  message("m" + (2 * page), "ASSISTANT", "answer " + page)),
              "Content-Type",
              "application/json");
        });

    List<SessionMessage> messages = client().build().sessionMessages(SESSION);

    assertThat(messages)
        .extracting(SessionMessage::id)
        .containsExactly("m1", "m2", "m3", "m4", "m5", "m6");
    assertThat(messages.get(0))
        .isEqualTo(
            new SessionMessage(
                "m1",
                "question 1",
                io.voicehooks.core.OpenEnum.of(MessageRole.class, "USER"),
                Instant.parse("2026-04-08T05:00:03.120Z"),
                Map.of()));
    assertThat(messages.get(1).role().value()).isEqualTo(MessageRole.ASSISTANT);
    assertThat(seen).hasSize(3);
    assertThat(seen)
        .extracting(Seen::rawPath)
        .containsOnly("/api/v1/chat/sessions/" + SESSION + "/messages");
    assertThat(seen)
        .extracting(Seen::rawQuery)
        .containsExactly("page=1&limit=100", "page=2&limit=100", "page=3&limit=100");
    for (Seen request : seen) {
      assertThat(request.header("x-api-key")).isEqualTo(API_KEY);
      assertThat(request.header("accept")).isEqualTo("application/json");
      assertThat(request.header("authorization")).isNull();
    }
  }

  @Test
  void sessionMessages_withoutTotalPages_stopsAtTheFirstShortPage() {
    serve(
        (exchange, request) -> {
          int count = page(request) == 1 ? 100 : 3;
          String[] messages =
              IntStream.range(0, count)
                  .mapToObj(i -> message("p" + page(request) + "-" + i, "USER", "hi"))
                  .toArray(String[]::new);
          respond(exchange, 200, body("", messages));
        });

    List<SessionMessage> messages = client().build().sessionMessages(SESSION);

    assertThat(messages).hasSize(103);
    assertThat(seen).hasSize(2);
  }

  @Test
  void sessionMessages_messageRepeatedOnTheNextPage_isKeptOnce() {
    serve(
        (exchange, request) ->
            respond(
                exchange,
                200,
                (page(request) == 1
                    ? body(
                        pagination(1, 100, 3, 2),
                        message("a", "USER", "1"),
                        message("b", "ASSISTANT", "2"))
                    : body(
                        pagination(2, 100, 3, 2),
                        message("b", "ASSISTANT", "2"),
                        message("c", "USER", "3")))));

    assertThat(client().build().sessionMessages(SESSION))
        .extracting(SessionMessage::id)
        .containsExactly("a", "b", "c");
  }

  @Test
  void sessionMessages_serverThatNeverEnds_stopsAtMaxPages() {
    serve(
        (exchange, request) ->
            respond(
                exchange,
                200,
                body(
                    pagination(page(request), 100, 100_000_000, 1_000_000),
                    message("m" + page(request), "USER", "again"))));

    AgntixClient client = client().maxPages(5).build();

    assertThatThrownBy(() -> client.sessionMessages(SESSION))
        .isInstanceOf(AgntixApiException.class)
        .hasMessageContaining("more than 5 pages")
        .satisfies(
            e -> assertThat(((AgntixApiException) e).reason()).isEqualTo(Reason.INVALID_RESPONSE));
    assertThat(seen).hasSize(5);
  }

  @Test
  void sessionMessages_emptySession_returnsEmptyList() {
    serve((exchange, request) -> respond(exchange, 200, body(pagination(1, 100, 0, 0))));

    assertThat(client().build().sessionMessages(SESSION)).isEmpty();
    assertThat(seen).hasSize(1);
  }

  @Test
  void sessionMessagesPage_returnsMessagesAndPagination() {
    serve(
        (exchange, request) ->
            respond(
                exchange,
                200,
                body(
                    pagination(2, 50, 120, 3),
                    message("m51", "USER", "hello"),
                    message("m52", "TOOL", "lookup_order"),
                    "\"not a message\"")));

    MessagePage page = client().build().sessionMessages(SESSION, 2, 50);

    assertThat(seen.get(0).rawQuery()).isEqualTo("page=2&limit=50");
    assertThat(page.pagination()).isEqualTo(new Pagination(2, 50, 120L, 3, Map.of()));
    assertThat(page.hasNextPage()).isTrue();
    assertThat(page.data()).extracting(SessionMessage::id).containsExactly("m51", "m52");
    assertThat(page.data().get(1).role().isUnknown()).isTrue();
    assertThat(page.data().get(1).role().raw()).isEqualTo("TOOL");
  }

  @Test
  void sessionMessages_bearerToken_sendsAuthorizationHeaderOnly() {
    serve((exchange, request) -> respond(exchange, 200, body(pagination(1, 100, 0, 0))));
    AgntixClient client = AgntixClient.builder().bearerToken(TOKEN).baseUri(base()).build();

    client.sessionMessages(SESSION, 1, 10);

    assertThat(seen.get(0).header("authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(seen.get(0).header("x-api-key")).isNull();
    assertThat(seen.get(0).header("accept")).isEqualTo("application/json");
    assertThat(client.toString()).doesNotContain(TOKEN).contains("bearer token");
  }

  @Test
  void sessionMessages_sessionIdWithReservedCharacters_isPercentEncoded() {
    serve((exchange, request) -> respond(exchange, 200, body(pagination(1, 100, 0, 0))));

    client().build().sessionMessages("ses 01/../x?y#zé", 1, 10);

    assertThat(seen.get(0).rawPath())
        .isEqualTo("/api/v1/chat/sessions/ses%2001%2F..%2Fx%3Fy%23z%C3%A9/messages");
  }

  @Test
  void baseUri_withPathPrefixAndTrailingSlash_isJoinedOnce() {
    serve((exchange, request) -> respond(exchange, 200, body(pagination(1, 100, 0, 0))));

    client().baseUri(URI.create(base() + "/agntix/")).build().sessionMessages(SESSION, 1, 1);

    assertThat(seen.get(0).rawPath())
        .isEqualTo("/agntix/api/v1/chat/sessions/" + SESSION + "/messages");
  }

  @ParameterizedTest
  @CsvSource({
    "401, UNAUTHORIZED, false",
    "403, FORBIDDEN, false",
    "404, NOT_FOUND, false",
    "500, SERVER_ERROR, true",
    "503, SERVER_ERROR, true",
    "400, HTTP_STATUS, false",
    "302, HTTP_STATUS, false"
  })
  void sessionMessages_errorStatus_throwsTypedException(
      int status, Reason reason, boolean retryable) {
    serve(
        (exchange, request) ->
            respond(
                exchange,
                status,
                "{\"error\":\"nope\",\"echo\":\"" + request.header("x-api-key") + "\"}",
                "Location",
                "https://elsewhere.invalid/"));

    AgntixClient client = client().build();

    assertThatThrownBy(() -> client.sessionMessages(SESSION))
        .isInstanceOf(AgntixApiException.class)
        .hasMessageContaining("HTTP " + status)
        .hasMessageContaining(AgntixClient.MESSAGES_PATH)
        .satisfies(
            e -> {
              AgntixApiException api = (AgntixApiException) e;
              assertThat(api.statusCode()).isEqualTo(status);
              assertThat(api.reason()).isEqualTo(reason);
              assertThat(api.isRetryable()).isEqualTo(retryable);
              assertThat(api.retryAfter()).isNull();
              assertThat(api.getMessage()).doesNotContain(SESSION).doesNotContain("nope");
              assertNoCredentials(api);
            });
    assertThat(seen).hasSize(1);
  }

  @Test
  void sessionMessages_429WithRetryAfter_carriesTheWait() {
    serve((exchange, request) -> respond(exchange, 429, "slow down", "Retry-After", "7"));
    AgntixClient client = client().build();

    assertThatThrownBy(() -> client.sessionMessages(SESSION))
        .isInstanceOf(AgntixApiException.class)
        .hasMessageContaining("HTTP 429")
        .satisfies(
            e -> {
              AgntixApiException api = (AgntixApiException) e;
              assertThat(api.reason()).isEqualTo(Reason.RATE_LIMITED);
              assertThat(api.statusCode()).isEqualTo(429);
              assertThat(api.retryAfter()).isEqualTo(Duration.ofSeconds(7));
              assertThat(api.isRetryable()).isTrue();
              assertNoCredentials(api);
            });
  }

  @Test
  void sessionMessages_429WithoutRetryAfter_hasNoWait() {
    serve((exchange, request) -> respond(exchange, 429, ""));
    AgntixClient client = client().build();

    assertThatThrownBy(() -> client.sessionMessages(SESSION))
        .isInstanceOf(AgntixApiException.class)
        .satisfies(e -> assertThat(((AgntixApiException) e).retryAfter()).isNull());
  }

  @Test
  void parseRetryAfter_readsSecondsAndHttpDates() {
    Clock clock = Clock.fixed(Instant.parse("2026-04-08T05:00:00Z"), ZoneOffset.UTC);

    assertThat(AgntixClient.parseRetryAfter("120", clock)).isEqualTo(Duration.ofMinutes(2));
    assertThat(AgntixClient.parseRetryAfter("Wed, 08 Apr 2026 05:00:30 GMT", clock))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(AgntixClient.parseRetryAfter("Wed, 08 Apr 2026 04:59:00 GMT", clock))
        .isEqualTo(Duration.ZERO);
    assertThat(AgntixClient.parseRetryAfter("soon", clock)).isNull();
    assertThat(AgntixClient.parseRetryAfter("-5", clock)).isNull();
    assertThat(AgntixClient.parseRetryAfter("99999999999", clock)).isNull();
    assertThat(AgntixClient.parseRetryAfter(null, clock)).isNull();
  }

  @Test
  void sessionMessages_slowServer_hitsTheRequestTimeout() {
    serve(
        (exchange, request) -> {
          try {
            Thread.sleep(2_500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          try {
            respond(exchange, 200, body(pagination(1, 100, 0, 0)));
          } catch (IOException clientGone) {
            // The client gave up long ago.
          }
        });
    AgntixClient client = client().requestTimeout(Duration.ofMillis(200)).build();
    long start = System.nanoTime();

    assertThatThrownBy(() -> client.sessionMessages(SESSION))
        .isInstanceOf(AgntixApiException.class)
        .hasMessageContaining("timeout of 200 ms")
        .satisfies(
            e -> {
              AgntixApiException api = (AgntixApiException) e;
              assertThat(api.reason()).isEqualTo(Reason.TIMEOUT);
              assertThat(api.statusCode()).isZero();
              assertThat(api.isRetryable()).isTrue();
              assertNoCredentials(api);
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_000));
  }

  @Test
  void sessionMessages_bodyStalledAfterHeaders_hitsTheRequestTimeout() {
    serve(
        (exchange, request) -> {
          exchange.sendResponseHeaders(200, 1_000);
          OutputStream out = exchange.getResponseBody();
          out.write("{\"data\":[".getBytes(UTF_8));
          out.flush();
          try {
            Thread.sleep(2_500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    AgntixClient client = client().requestTimeout(Duration.ofMillis(300)).build();
    long start = System.nanoTime();

    assertThatThrownBy(() -> client.sessionMessages(SESSION))
        .isInstanceOf(AgntixApiException.class)
        .satisfies(e -> assertThat(((AgntixApiException) e).reason()).isEqualTo(Reason.TIMEOUT));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_000));
  }

  @Test
  void sessionMessages_declaredBodyOverTheLimit_isRejected() {
    String big = body(pagination(1, 100, 1, 1), message("m1", "USER", "x".repeat(4_000)));
    serve((exchange, request) -> respond(exchange, 200, big));
    AgntixClient client = client().maxResponseBytes(1_024).build();

    assertThatThrownBy(() -> client.sessionMessages(SESSION))
        .isInstanceOf(AgntixApiException.class)
        .hasMessageContaining("exceeds the limit of 1024 bytes")
        .satisfies(
            e -> {
              assertThat(((AgntixApiException) e).reason()).isEqualTo(Reason.TOO_LARGE);
              assertThat(((AgntixApiException) e).statusCode()).isEqualTo(200);
            });
  }

  @Test
  void sessionMessages_chunkedBodyOverTheLimit_isRejected() {
    serve(
        (exchange, request) -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 64; i++) {
              out.write("x".repeat(1_024).getBytes(UTF_8));
              out.flush();
            }
          } catch (IOException clientGone) {
            // The client stops reading at the limit.
          }
        });
    AgntixClient client = client().maxResponseBytes(4_096).build();

    assertThatThrownBy(() -> client.sessionMessages(SESSION))
        .isInstanceOf(AgntixApiException.class)
        .hasMessageContaining("exceeds the limit of 4096 bytes");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"{\"data\":[", "[1,2,3]", "null", "<html>oops</html>"})
  void sessionMessages_bodyNotTheExpectedJson_isInvalidResponse(String body) {
    serve((exchange, request) -> respond(exchange, 200, body));
    AgntixClient client = client().build();

    assertThatThrownBy(() -> client.sessionMessages(SESSION, 1, 10))
        .isInstanceOf(AgntixApiException.class)
        .satisfies(
            e -> {
              assertThat(((AgntixApiException) e).reason()).isEqualTo(Reason.INVALID_RESPONSE);
              assertThat(e.getMessage()).doesNotContain("oops");
            });
  }

  @Test
  void sessionMessages_connectionRefused_isIoFailure() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    AgntixClient client =
        client()
            .baseUri(URI.create("http://127.0.0.1:" + port))
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    assertThatThrownBy(() -> client.sessionMessages(SESSION))
        .isInstanceOf(AgntixApiException.class)
        .hasMessageContaining("failed (")
        .satisfies(
            e -> {
              AgntixApiException api = (AgntixApiException) e;
              assertThat(api.reason()).isEqualTo(Reason.IO_ERROR);
              assertThat(api.statusCode()).isZero();
              assertThat(api.isRetryable()).isTrue();
              assertNoCredentials(api);
            });
  }

  @Test
  void build_requiresExactlyOneCredential() {
    assertThatThrownBy(() -> AgntixClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("apiKey")
        .hasMessageContaining("bearerToken");
    assertThatThrownBy(() -> AgntixClient.builder().apiKey(API_KEY).bearerToken(TOKEN).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exactly one credential")
        .hasMessageContaining("Agntix dashboard");
  }

  @Test
  void credentials_blankOrWithControlCharacters_areRejectedWithoutEcho() {
    assertThatThrownBy(() -> AgntixClient.builder().apiKey("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiKey");
    assertThatThrownBy(() -> AgntixClient.builder().bearerToken(TOKEN + "\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bearerToken")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void builder_rejectsBadOptions() {
    AgntixClient.Builder builder = AgntixClient.builder();

    assertThatThrownBy(() -> builder.baseUri(URI.create("ftp://api.agntix.ai")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUri");
    assertThatThrownBy(() -> builder.baseUri(URI.create("https://api.agntix.ai/?x=1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.requestTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("requestTimeout");
    assertThatThrownBy(() -> builder.maxPages(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.maxResponseBytes(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sessionMessages_badArguments_failBeforeAnyRequest() {
    serve((exchange, request) -> respond(exchange, 200, body(pagination(1, 100, 0, 0))));
    AgntixClient client = client().build();

    assertThatThrownBy(() -> client.sessionMessages(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sessionId");
    assertThatThrownBy(() -> client.sessionMessages(".."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dot segment");
    assertThatThrownBy(() -> client.sessionMessages(SESSION, 0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("page");
    assertThatThrownBy(() -> client.sessionMessages(SESSION, 1, 101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
    assertThat(seen).isEmpty();
  }

  @Test
  void toString_namesTheAuthKindNeverTheKey() {
    AgntixClient client = client().build();

    assertThat(client.toString())
        .doesNotContain(API_KEY)
        .contains("api key")
        .contains(base().toString());
  }
}
