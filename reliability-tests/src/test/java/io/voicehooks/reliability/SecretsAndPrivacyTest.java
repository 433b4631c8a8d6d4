package io.voicehooks.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.voicehooks.agni.AgniEventListener;
import io.voicehooks.agni.AgniWebhookParser;
import io.voicehooks.agni.CallCompletedEvent;
import io.voicehooks.agntix.AgntixApiException;
import io.voicehooks.agntix.AgntixClient;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.cllr.CllrTranscriptFetcher;
import io.voicehooks.cllr.CllrWebhookParser;
import io.voicehooks.cllr.TranscriptFetchException;
import io.voicehooks.core.IdempotencyStore;
import io.voicehooks.core.JsonLimits;
import io.voicehooks.core.SharedSecretVerifier;
import io.voicehooks.core.SvixSignatureVerifier;
import io.voicehooks.core.WebhookException;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.fixtures.Fixtures;
import io.voicehooks.vaani.VaaniWebhookParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.event.Level;

/**
 * Proves that no secret, API key, signature, phone number, email or payload text reaches a log line
 * (any level: the test binding, {@link CapturingSlf4jProvider}, enables debug and trace), an
 * exception message (with its whole cause chain), or a response body, on every failure path:
 * signatures, organisation, parsing, handler rejections, listener failures, the Agntix API client
 * and the cllr transcript fetcher (both against a local server).
 *
 * <p>Each test also checks that the path under test did log or throw, so a silent pass is
 * impossible.
 */
final class SecretsAndPrivacyTest {
  // Payload text: each must stay out of every log line and message.
  private static final String PHONE = "+14155550199";
  private static final String EMAIL = "pii.person@example.org";
  private static final String NAME = "Zelda Quixote";
  private static final String CARD = "4111 1111 1111 1111";
  private static final String SUMMARY = "Wants to cancel before the audit";
  private static final String ADDRESS = "221B Baker Street";

  // Secrets.
  private static final String SECRET_BASE64 = Payloads.AGNTIX_SECRET.substring("whsec_".length());
  private static final String API_KEY = "agx_live_7Hq2ZSECRETapikey9";
  private static final String BEARER = "vaani-bearer-SECRET-41";
  private static final String SHARED = "cllr-shared-SECRET-77";
  private static final String QUERY_TOKEN = "sig=TOKEN-SECRET-987";
  private static final String SESSION_ID = "ses_PRIVATE_4242";
  private static final String MSG_ID = "msg_PRIVATE_2Lb8k";

  private static final List<String> PAYLOAD = List.of(PHONE, EMAIL, NAME, CARD, SUMMARY, ADDRESS);
  private static final List<String> FORBIDDEN =
      Stream.concat(
              PAYLOAD.stream(),
              Stream.of(
                  Payloads.AGNTIX_SECRET,
                  SECRET_BASE64,
                  API_KEY,
                  BEARER,
                  SHARED,
                  QUERY_TOKEN,
                  "TOKEN-SECRET-987",
                  SESSION_ID,
                  MSG_ID))
          .toList();

  static final String AGNI_PII =
      "{\"event\":\"call.completed\",\"org_id\":\""
          + Fixtures.AGNI_ORG_ID
          + "\",\"data\":{"
          + "\"call_session_id\":\"s-1\",\"phone\":\""
          + PHONE
          + "\",\"caller_email\":\""
          + EMAIL
          + "\",\"caller_name\":\""
          + NAME
          + "\",\"summary\":\""
          + SUMMARY
          + "\","
          + "\"transcripts\":[{\"role\":\"user\",\"message\":{\"content\":\""
          + CARD
          + "\"}}],"
          + "\"note\":\""
          + ADDRESS
          + "\"}}";
  static final String VAANI_PII =
      "{\"event\":\"call_postprocessing\",\"room_name\":\"room-1\",\"transcript\":\"user: "
          + CARD
          + " agent: noted\",\"summary\":\""
          + SUMMARY
          + "\",\"entities\":{\"phone\":\""
          + PHONE
          + "\",\"email\":\""
          + EMAIL
          + "\",\"name\":\""
          + NAME
          + "\",\"address\":\""
          + ADDRESS
          + "\"}}";
  static final String AGNTIX_PII =
      "{\"eventType\":\"session.ended\",\"id\":\"ses-1\",\"metadata\":{\"customerPhoneNumber\":\""
          + PHONE
          + "\",\"sessionVariables\":{\"customerName\":\""
          + NAME
          + "\",\"email\":\""
          + EMAIL
          + "\",\"address\":\""
          + ADDRESS
          + "\"}},\"analysis\":{\"summary\":\""
          + SUMMARY
          + "\",\"extractedData\":{\"card\":\""
          + CARD
          + "\"}}}";
  static final String CLLR_PII =
      "{\"callId\":\"c-1\",\"callerDetails\":{\"name\":\""
          + NAME
          + "\",\"phoneNumber\":\""
          + PHONE
          + "\",\"email\":\""
          + EMAIL
          + "\",\"address\":\""
          + ADDRESS
          + "\"},\"callAnalysis\":{"
          + "\"summary\":\""
          + SUMMARY
          + "\",\"actionItems\":[\""
          + CARD
          + "\"]}}";

  private static HttpServer server;
  private static ExecutorService serverThreads;
  private static String base;

  @BeforeAll
  static void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    serverThreads = Executors.newFixedThreadPool(4);
    server.setExecutor(serverThreads);
    byte[] pii = Payloads.utf8("{\"echo\":\"" + NAME + " " + PHONE + " " + API_KEY + "\"");
    for (int status : new int[] {302, 401, 403, 404, 418, 429, 500, 503}) {
      server.createContext(
          "/status" + status,
          exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "7");
            exchange.getResponseHeaders().add("Location", "ftp://127.0.0.1/x?" + QUERY_TOKEN);
            respond(exchange, status, pii);
          });
    }
    server.createContext("/garbage", exchange -> respond(exchange, 200, pii));
    server.createContext("/null", exchange -> respond(exchange, 200, Payloads.utf8("null")));
    server.createContext(
        "/large",
        exchange -> respond(exchange, 200, Payloads.utf8("[\"" + NAME.repeat(400) + "\"]")));
    server.createContext(
        "/chunked",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 100; i++) {
              out.write(Payloads.utf8(NAME + " " + PHONE + " "));
            }
          }
        });
    server.createContext(
        "/slow",
        exchange -> {
          try {
            Thread.sleep(1_500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          respond(exchange, 200, Payloads.utf8("{}"));
        });
    server.createContext(
        "/cut",
        exchange -> {
          exchange.sendResponseHeaders(200, 1_000);
          OutputStream out = exchange.getResponseBody();
          out.write(Payloads.utf8("{\"text\":\"" + NAME));
          out.flush();
          exchange.close(); // 1,000 bytes promised, fewer sent: the client sees the cut
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stopServer() {
    server.stop(0);
    serverThreads.shutdownNow();
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  // --- verification ---------------------------------------------------------------------------

  @Test
  void badSignatures_leakNeitherSecretNorSignatureNorPayload() throws GeneralSecurityException {
    byte[] body = Payloads.utf8(AGNTIX_PII);
    long now = Instant.now().getEpochSecond();
    String valid = SvixSignatureVerifier.sign(Payloads.AGNTIX_SECRET, MSG_ID, now, body);
    String other =
        SvixSignatureVerifier.sign(SvixSignatureVerifierFuzzTest.ROTATED_SECRET, MSG_ID, now, body);
    KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String v1a = v1a(keys, MSG_ID, now, body);
    String v1aOtherBody = v1a(keys, MSG_ID, now, Payloads.utf8(AGNI_PII));
    String v1aFlipped = flipLastByte(v1a);
    List<WebhookHeaders> deliveries =
        List.of(
            WebhookHeaders.empty(),
            WebhookHeaders.of("svix-id", MSG_ID, "svix-timestamp", Long.toString(now)),
            headers(MSG_ID, Long.toString(now), other),
            headers(MSG_ID, Long.toString(now), "v1," + SECRET_BASE64 + " v1a," + EMAIL),
            headers(MSG_ID, Long.toString(now - 3_600), valid),
            headers(MSG_ID, PHONE, valid),
            headers(MSG_ID + NAME.repeat(30), Long.toString(now), valid),
            headers(MSG_ID, Long.toString(now), valid + " " + NAME.repeat(700)),
            headers(MSG_ID, Long.toString(now), (valid + " ").repeat(40)),
            headers(MSG_ID, Long.toString(now), EMAIL),
            headers(MSG_ID, Long.toString(now), v1aOtherBody),
            headers(MSG_ID, Long.toString(now), v1aFlipped + " " + other),
            headers(MSG_ID, Long.toString(now - 3_600), v1a + " " + valid),
            headers(MSG_ID, Long.toString(now + 3_600), v1a + " " + valid));
    // v1 and v1a checked together: every no-match path computes the true HMAC and checks ed25519.
    SvixSignatureVerifier verifier =
        SvixSignatureVerifier.builder()
            .secret(Payloads.AGNTIX_SECRET)
            .publicKey("whpk_" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()))
            .build();
    List<WebhookHandler> handlers =
        List.of(
            WebhookHandler.builder(AgntixWebhookParser.create(Payloads.AGNTIX_SECRET))
                .listener(e -> {})
                .build(),
            WebhookHandler.builder(AgntixWebhookParser.withoutVerification())
                .verifier(verifier)
                .listener(e -> {})
                .build());

    Leaks leaks = new Leaks();
    // Every signature a verifier computes or could be shown, in every form a log line might take
    // it: a debug line handing out the expected HMAC would give an attacker a valid signature.
    for (String signature : List.of(valid, other, v1a, v1aOtherBody, v1aFlipped)) {
      leaks.forbidSignature(signature.substring(signature.indexOf(',') + 1));
    }
    for (String secret :
        List.of(Payloads.AGNTIX_SECRET, SvixSignatureVerifierFuzzTest.ROTATED_SECRET)) {
      for (long ts : new long[] {now, now - 3_600, now + 3_600}) {
        String expected = SvixSignatureVerifier.sign(secret, MSG_ID, ts, body);
        leaks.forbidSignature(expected.substring("v1,".length()));
      }
    }
    LogCapture.start();
    for (WebhookHeaders headers : deliveries) {
      WebhookRequest request = WebhookRequest.of(headers, body);
      for (WebhookHandler handler : handlers) {
        leaks.response(handler.handle(request), 401);
      }
      leaks.thrown(() -> AgntixWebhookParser.create(Payloads.AGNTIX_SECRET).parse(request));
      leaks.thrown(() -> verifier.verify(request));
    }
    List<LogCapture.Entry> logs = LogCapture.stop();
    leaks.logs(logs);

    leaks.assertNone(deliveries.size(), deliveries.size() * 2);
    // The capture sees debug (where the rejections are logged), so a debug-level leak is caught.
    assertThat(logs).anySatisfy(e -> assertThat(e.level()).isEqualTo(Level.DEBUG));
  }

  private static String v1a(KeyPair keys, String id, long ts, byte[] body)
      throws GeneralSecurityException {
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(keys.getPrivate());
    signer.update(Payloads.utf8(id + "." + ts + "."));
    signer.update(body);
    return "v1a," + Base64.getEncoder().encodeToString(signer.sign());
  }

  private static String flipLastByte(String v1a) {
    byte[] bytes = Base64.getDecoder().decode(v1a.substring("v1a,".length()));
    bytes[bytes.length - 1] ^= 0x01;
    return "v1a," + Base64.getEncoder().encodeToString(bytes);
  }

  @Test
  void wrongOrganisation_leaksNoPayload() {
    WebhookParser<?> parser =
        AgniWebhookParser.builder().expectedOrgId(Fixtures.AGNI_ORG_ID).build();
    WebhookHandler handler = WebhookHandler.builder(parser).listener(e -> {}).build();
    List<String> bodies =
        List.of(
            AGNI_PII.replace(Fixtures.AGNI_ORG_ID, "9f2c7e5a-0b1d-4c3e-8f6a-2b4d6e8f0a1c"),
            AGNI_PII.replace("\"org_id\":\"" + Fixtures.AGNI_ORG_ID + "\",", ""),
            AGNI_PII.replace("\"" + Fixtures.AGNI_ORG_ID + "\"", "\"" + EMAIL + "\""),
            AGNI_PII.replace("\"" + Fixtures.AGNI_ORG_ID + "\"", "{\"owner\":\"" + NAME + "\"}"));

    Leaks leaks = new Leaks();
    LogCapture.start();
    for (String body : bodies) {
      leaks.response(handler.handle(WebhookRequest.of(Payloads.utf8(body))), 401);
      leaks.thrown(() -> parser.parse(body));
    }
    leaks.logs(LogCapture.stop());

    leaks.assertNone(bodies.size(), bodies.size());
  }

  @Test
  void wrongSharedSecret_leaksNeitherTheSecretPresentedNorTheExpectedOne() {
    WebhookHandler vaani =
        WebhookHandler.builder(VaaniWebhookParser.create())
            .listener(e -> {})
            .verifier(SharedSecretVerifier.bearer(BEARER))
            .build();
    WebhookHandler cllr =
        WebhookHandler.builder(CllrWebhookParser.create())
            .listener(e -> {})
            .verifier(SharedSecretVerifier.header("X-Webhook-Secret", SHARED))
            .build();
    byte[] vaaniBody = Payloads.utf8(VAANI_PII);
    byte[] cllrBody = Payloads.utf8(CLLR_PII);

    Leaks leaks = new Leaks();
    LogCapture.start();
    leaks.response(vaani.handle(WebhookRequest.of(vaaniBody)), 401);
    leaks.response(
        vaani.handle(
            WebhookRequest.of(
                WebhookHeaders.of("Authorization", "Bearer " + BEARER + "x"), vaaniBody)),
        401);
    leaks.response(
        vaani.handle(WebhookRequest.of(WebhookHeaders.of("Authorization", EMAIL), vaaniBody)), 401);
    leaks.response(
        cllr.handle(
            WebhookRequest.of(WebhookHeaders.of("X-Webhook-Secret", SHARED + " "), cllrBody)),
        401);
    leaks.response(
        cllr.handle(WebhookRequest.of(WebhookHeaders.of("X-Webhook-Secret", PHONE), cllrBody)),
        401);
    leaks.logs(LogCapture.stop());

    leaks.assertNone(5, 0);
    assertThat(SharedSecretVerifier.bearer(BEARER).toString()).doesNotContain(BEARER);
  }

  // --- parsing --------------------------------------------------------------------------------

  static Stream<Object[]> parseFailures() {
    List<Object[]> cases = new ArrayList<>();
    Map<String, String> bodies =
        Map.of("agni", AGNI_PII, "vaani", VAANI_PII, "agntix", AGNTIX_PII, "cllr", CLLR_PII);
    Map<String, Function<String, String>> mutations =
        Map.ofEntries(
            Map.entry("truncated after the payload", b -> b.substring(0, b.length() - 2)),
            Map.entry("payload text as trailing garbage", b -> b + " " + NAME),
            Map.entry("payload text as a bare token", b -> b.replace("\"" + PHONE + "\"", PHONE)),
            Map.entry(
                "duplicate key",
                b -> b.replaceFirst("\\{", "{\"" + NAME + "\":1,\"" + NAME + "\":2,")),
            Map.entry(
                "too deep",
                b -> b.replaceFirst("\\{", "{\"x\":" + Payloads.nestedArrays(100) + ",")),
            Map.entry("string over the limit", b -> b.replace(NAME, NAME.repeat(100))),
            Map.entry(
                "number over the limit",
                b -> b.replaceFirst("\\{", "{\"n\":" + "9".repeat(80) + ",")),
            Map.entry("raw control character in payload text", b -> b.replace(NAME, NAME + "\t")),
            Map.entry(
                "payload text in a field name",
                b -> b.replaceFirst("\\{", "{\"" + EMAIL + "\":[1,")),
            Map.entry(
                "identity as an object of payload",
                b ->
                    b.replace("\"s-1\"", "{\"who\":\"" + NAME + "\"}")
                        .replace("\"room-1\"", "{\"who\":\"" + NAME + "\"}")
                        .replace("\"ses-1\"", "{\"who\":\"" + NAME + "\"}")
                        .replace("\"c-1\"", "{\"who\":\"" + NAME + "\"}")),
            Map.entry("not an object", b -> "[" + b + "]"));
    bodies.forEach(
        (provider, body) ->
            mutations.forEach(
                (what, mutation) ->
                    cases.add(
                        new Object[] {provider + ": " + what, provider, mutation.apply(body)})));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parseFailures")
  void parseFailure_leaksNoPayload(String name, String provider, String body) {
    JsonLimits tight = JsonLimits.defaults().withMaxStringLength(1_000);
    WebhookParser<?> parser =
        switch (provider) {
          case "agni" ->
              AgniWebhookParser.builder().expectedOrgId(Fixtures.AGNI_ORG_ID).limits(tight).build();
          case "vaani" -> VaaniWebhookParser.builder().limits(tight).build();
          case "agntix" -> AgntixWebhookParser.withoutVerification(tight);
          default -> CllrWebhookParser.builder().limits(tight).build();
        };
    WebhookHandler handler = WebhookHandler.builder(parser).listener(e -> {}).build();

    Leaks leaks = new Leaks();
    LogCapture.start();
    leaks.response(handler.handle(WebhookRequest.of(Payloads.utf8(body))), 400);
    leaks.thrown(() -> parser.parse(body));
    leaks.logs(LogCapture.stop());

    leaks.assertNone(1, 1);
  }

  @Test
  void lenientFields_logNamesButNeverValues() {
    String body =
        AGNI_PII
            .replace("\"" + PHONE + "\"", "{\"number\":\"" + PHONE + "\"}")
            .replace("\"" + NAME + "\"", "[\"" + NAME + "\"]")
            .replace("\"note\"", "\"undeclared\"");
    Leaks leaks = new Leaks();
    LogCapture.start();
    leaks.response(
        AgniWebhookParser.builder()
            .expectedOrgId(Fixtures.AGNI_ORG_ID)
            .build()
            .handler(new AgniEventListener() {})
            .handle(WebhookRequest.of(Payloads.utf8(body))),
        200);
    List<LogCapture.Entry> logs = LogCapture.stop();
    leaks.logs(logs);

    leaks.assertNone(0, 0);
    assertThat(logs)
        .extracting(LogCapture.Entry::message)
        .anySatisfy(m -> assertThat(m).contains("/data/phone"))
        .anySatisfy(m -> assertThat(m).contains("undeclared"));
  }

  // --- handler rejections and listener failures -----------------------------------------------

  @Test
  void handlerRejections_leakNoPayload() {
    WebhookParser<?> parser =
        AgniWebhookParser.builder().expectedOrgId(Fixtures.AGNI_ORG_ID).build();
    byte[] body = Payloads.utf8(AGNI_PII);
    Leaks leaks = new Leaks();
    LogCapture.start();
    leaks.response(
        WebhookHandler.builder(
                AgniWebhookParser.builder()
                    .expectedOrgId(Fixtures.AGNI_ORG_ID)
                    .limits(JsonLimits.defaults().withMaxBodyBytes(64))
                    .build())
            .listener(e -> {})
            .build()
            .handle(WebhookHeaders.empty(), new ByteArrayInputStream(body)),
        413);
    leaks.response(
        WebhookHandler.builder(parser)
            .listener(e -> {})
            .build()
            .handle(
                WebhookHeaders.empty(),
                new InputStream() {
                  @Override
                  public int read() throws IOException {
                    throw new IOException("peer sent " + NAME + " " + PHONE);
                  }
                }),
        400);
    WebhookHandler closed = WebhookHandler.builder(parser).listener(e -> {}).build();
    closed.close();
    leaks.response(closed.handle(WebhookRequest.of(body)), 503);
    leaks.response(
        WebhookHandler.builder(parser)
            .listener(e -> {})
            .idempotencyStore(new DownStore())
            .build()
            .handle(WebhookRequest.of(body)),
        503);
    leaks.response(
        WebhookHandler.builder(parser)
            .listener(e -> {})
            .executor(task -> {})
            .maxPending(1)
            .build()
            .handle(WebhookRequest.of(body)),
        200);
    // Queue full: the one pending slot is held by a listener waiting on a latch, so the next
    // delivery (another call) must get 503.
    CountDownLatch inListener = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService worker = Executors.newSingleThreadExecutor();
    WebhookResponse queueFull;
    try {
      WebhookHandler bounded =
          WebhookHandler.builder(parser)
              .listener(
                  e -> {
                    inListener.countDown();
                    awaitQuietly(release);
                  })
              .executor(worker)
              .maxPending(1)
              .build();
      leaks.response(bounded.handle(WebhookRequest.of(body)), 200);
      assertThat(awaitQuietly(inListener)).as("the first event reached the listener").isTrue();
      queueFull =
          bounded.handle(WebhookRequest.of(Payloads.utf8(AGNI_PII.replace("\"s-1\"", "\"s-2\""))));
      leaks.response(queueFull, 503);
    } finally {
      release.countDown();
      worker.shutdown();
    }
    leaks.logs(LogCapture.stop());

    leaks.assertNone(0, 0);
    assertThat(leaks.logs).anySatisfy(l -> assertThat(l).contains("Idempotency store failed"));
    assertThat(queueFull.outcome()).isEqualTo(WebhookResponse.Outcome.UNAVAILABLE);
    assertThat(queueFull.body()).contains("Too many deliveries pending");
  }

  private static boolean awaitQuietly(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void listenerFailures_libraryAddsNoPayload() {
    List<WebhookHandler> handlers =
        List.of(
            AgniWebhookParser.builder()
                .expectedOrgId(Fixtures.AGNI_ORG_ID)
                .build()
                .handler(
                    new AgniEventListener() {
                      @Override
                      public void onCallCompleted(CallCompletedEvent event) {
                        throw failure();
                      }
                    }),
            WebhookHandler.builder(VaaniWebhookParser.create())
                .listener(
                    e -> {
                      throw failure();
                    })
                .executor(Runnable::run)
                .onError(
                    (e, t) -> {
                      throw new IllegalStateException("error callback failed too");
                    })
                .build(),
            WebhookHandler.builder(AgntixWebhookParser.withoutVerification())
                .listener(
                    e -> {
                      throw new AssertionError("listener bug");
                    })
                .build(),
            WebhookHandler.builder(CllrWebhookParser.create())
                .listener(
                    e -> {
                      throw failure();
                    })
                .build());
    List<String> bodies = List.of(AGNI_PII, VAANI_PII, AGNTIX_PII, CLLR_PII);

    Leaks leaks = new Leaks();
    LogCapture.start();
    for (int i = 0; i < handlers.size(); i++) {
      WebhookResponse answer =
          handlers.get(i).handle(WebhookRequest.of(Payloads.utf8(bodies.get(i))));
      leaks.response(answer, i == 1 ? 200 : 500);
    }
    leaks.logs(LogCapture.stop());

    leaks.assertNone(0, 0);
    assertThat(leaks.logs).filteredOn(l -> l.contains("Listener failed")).hasSize(4);
  }

  private static RuntimeException failure() {
    return new IllegalStateException(
        "listener failed", new IOException("downstream refused the write"));
  }

  // --- outbound clients -----------------------------------------------------------------------

  @Test
  void agntixClientErrors_leakNeitherApiKeyNorSessionNorResponse() throws IOException {
    List<String> paths =
        List.of(
            "/status401",
            "/status403",
            "/status404",
            "/status418",
            "/status429",
            "/status500",
            "/status503",
            "/garbage",
            "/null",
            "/large",
            "/chunked",
            "/slow",
            "/cut");
    Leaks leaks = new Leaks();
    LogCapture.start();
    for (String path : paths) {
      for (boolean bearer : new boolean[] {false, true}) {
        AgntixClient.Builder client =
            AgntixClient.builder()
                .baseUri(URI.create(base + path))
                .requestTimeout(Duration.ofMillis(500))
                .maxResponseBytes(256);
        AgntixClient built =
            bearer ? client.bearerToken(API_KEY).build() : client.apiKey(API_KEY).build();
        assertThat(built.toString()).doesNotContain(API_KEY);
        leaks.thrown(() -> built.sessionMessages(SESSION_ID));
        leaks.thrown(() -> built.sessionMessages(SESSION_ID, 2, 50));
      }
    }
    AgntixClient refused =
        AgntixClient.builder().baseUri(URI.create(closedPortBase())).apiKey(API_KEY).build();
    leaks.thrown(() -> refused.sessionMessages(SESSION_ID));
    leaks.logs(LogCapture.stop());

    leaks.assertNone(0, paths.size() * 4 + 1);
    assertThat(leaks.failures).allSatisfy(f -> assertThat(f).contains("AgntixApiException"));
  }

  @Test
  void cllrTranscriptFetchErrors_leakNeitherTokenNorTranscript() throws IOException {
    // The hostile server is on 127.0.0.1 over http: allow both, or the policy would refuse every
    // URI before the error paths under test are reached. The refusals are checked below.
    CllrTranscriptFetcher fetcher =
        CllrTranscriptFetcher.builder()
            .allowPlainHttp(true)
            .allowLoopback(true)
            .timeout(Duration.ofMillis(500))
            .maxBytes(256)
            .build();
    List<String> uris = new ArrayList<>();
    for (String path :
        List.of(
            "/status302",
            "/status403",
            "/status404",
            "/status500",
            "/garbage",
            "/large",
            "/chunked",
            "/slow",
            "/cut")) {
      uris.add(base + path + "/transcript_693bff.json?" + QUERY_TOKEN);
    }
    uris.add(closedPortBase() + "/t.json?" + QUERY_TOKEN);
    List<String> invalid =
        List.of(
            base + "/t.json?" + QUERY_TOKEN + " " + NAME,
            "ftp://127.0.0.1/t.json?" + QUERY_TOKEN,
            "http:///t.json?" + QUERY_TOKEN,
            "//127.0.0.1/t.json?" + QUERY_TOKEN);

    Leaks leaks = new Leaks();
    LogCapture.start();
    for (String uri : uris) {
      leaks.thrown(() -> fetcher.fetch(uri));
    }
    for (String uri : invalid) {
      leaks.thrown(() -> fetcher.fetch(uri));
    }
    CllrTranscriptFetcher strict = CllrTranscriptFetcher.create();
    for (String uri : uris) {
      leaks.thrown(() -> strict.fetch(uri.replace("http://", "https://")));
    }
    leaks.logs(LogCapture.stop());

    leaks.assertNone(0, uris.size() * 2 + invalid.size());
    assertThat(leaks.failures.subList(0, uris.size()))
        .allSatisfy(f -> assertThat(f).contains("TranscriptFetchException"));
    assertThat(leaks.failures.subList(uris.size() + invalid.size(), leaks.failures.size()))
        .allSatisfy(f -> assertThat(f).contains("refused: 127.0.0.1 is a loopback address"));
  }

  // --- known issue ----------------------------------------------------------------------------

  @Test
  void unknownEventTypeText_neverReachesMessagesBodiesOrLogs() {
    String type = NAME + " " + EMAIL;
    WebhookParser<?> agni = AgniWebhookParser.builder().expectedOrgId(Fixtures.AGNI_ORG_ID).build();
    WebhookHandler failing =
        WebhookHandler.builder(VaaniWebhookParser.create())
            .listener(
                e -> {
                  throw failure();
                })
            .build();
    Leaks leaks = new Leaks();
    LogCapture.start();
    String wrongOrg = "{\"event\":\"" + type + "\",\"org_id\":\"other\"}";
    leaks.thrown(() -> agni.parse(wrongOrg));
    leaks.response(
        WebhookHandler.builder(agni)
            .listener(e -> {})
            .build()
            .handle(WebhookRequest.of(Payloads.utf8(wrongOrg))),
        401);
    String malformed = "{\"event\":\"" + type + "\",\"x\":1,\"x\":2}";
    leaks.thrown(() -> VaaniWebhookParser.create().parse(malformed));
    leaks.response(
        failing.handle(WebhookRequest.of(Payloads.utf8("{\"event\":\"" + type + "\"}"))), 500);
    leaks.logs(LogCapture.stop());

    leaks.assertNone(2, 2);
  }

  // --- helpers --------------------------------------------------------------------------------

  private static WebhookHeaders headers(String id, String timestamp, String signature) {
    return WebhookHeaders.of(
        "svix-id", id, "svix-timestamp", timestamp, "svix-signature", signature);
  }

  private static String closedPortBase() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return "http://127.0.0.1:" + port;
  }

  /** Collects every text a failure produced, then looks for forbidden strings in all of it. */
  private static final class Leaks {
    final List<String> responses = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final List<String> logs = new ArrayList<>();
    final List<String> forbidden = new ArrayList<>(FORBIDDEN);

    /**
     * Forbids a signature given in base64 as a log or message could carry it: as is, without its
     * padding, as URL-safe base64, and in hex.
     */
    void forbidSignature(String base64) {
      String unpadded = base64.replace("=", "");
      forbidden.add(unpadded);
      forbidden.add(unpadded.replace('+', '-').replace('/', '_'));
      forbidden.add(HexFormat.of().formatHex(Base64.getDecoder().decode(base64)));
    }

    void response(WebhookResponse response, int expectedStatus) {
      assertThat(response.status()).as(response.toString()).isEqualTo(expectedStatus);
      responses.add(response.body());
    }

    void thrown(ThrowingRunnable action) {
      try {
        action.run();
      } catch (WebhookException
          | AgntixApiException
          | TranscriptFetchException
          | IllegalArgumentException e) {
        failures.add(LogCapture.describe(e) + "\n" + e);
        return;
      } catch (Exception e) {
        fail("unexpected exception type", e);
      }
      fail("expected a failure");
    }

    void logs(List<LogCapture.Entry> entries) {
      for (LogCapture.Entry entry : entries) {
        logs.add(entry.text());
      }
    }

    /** Asserts no leak, and that at least the given numbers of rejections were seen. */
    void assertNone(int minLogs, int minFailures) {
      assertThat(logs).hasSizeGreaterThanOrEqualTo(minLogs);
      assertThat(failures).hasSizeGreaterThanOrEqualTo(minFailures);
      List<String> all = new ArrayList<>(responses);
      all.addAll(failures);
      all.addAll(logs);
      for (String text : all) {
        for (String secret : forbidden) {
          if (text.contains(secret)) {
            fail("'" + secret + "' leaked into:\n" + text);
          }
        }
      }
    }
  }

  /** A runnable that may throw anything. */
  interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** A store whose backend is down, with an exception message free of payload. */
  private static final class DownStore implements IdempotencyStore {
    @Override
    public Claim claim(String key, Duration lease) {
      throw new IllegalStateException("store unreachable");
    }

    @Override
    public void complete(Claim claim) {}

    @Override
    public void release(Claim claim) {}
  }

  @Test
  void captureBinding_isActiveAndReportsEveryLevel() {
    org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger("io.voicehooks.any");
    LogCapture.start();
    logger.trace("t {}", 1, new IllegalStateException("outer", new IOException("inner cause")));
    List<LogCapture.Entry> entries = LogCapture.stop();

    assertThat(logger.isTraceEnabled()).isTrue();
    assertThat(entries)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.message()).isEqualTo("t 1");
              assertThat(e.throwable()).contains("outer").contains("inner cause");
            });
  }
}
