package io.voicehooks.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.fixtures.Fixtures;
import io.voicehooks.testing.AgniSamples;
import io.voicehooks.testing.DeliveryReport;
import io.voicehooks.testing.Samples;
import io.voicehooks.testing.SvixSigner;
import io.voicehooks.testing.VaaniSamples;
import io.voicehooks.testing.WebhookSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code serve} in this process, on a free loopback port, over real HTTP. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class WebhookServerTest {
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private WebhookServer server;

  @BeforeEach
  void start() throws IOException {
    server =
        start(new ServerConfig(AgniSamples.DEFAULT_ORG_ID, SECRET, List.of(), List.of(), null));
  }

  private WebhookServer start(ServerConfig config) throws IOException {
    return WebhookServer.start(
        config,
        new InetSocketAddress("127.0.0.1", 0),
        EventJson.printingTo(new PrintStream(stdout, true, StandardCharsets.UTF_8)));
  }

  @AfterEach
  void stop() {
    server.stop(Duration.ofSeconds(5));
  }

  static HttpResponse<String> post(URI uri, byte[] body, WebhookHeaders headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.asMap().forEach((name, values) -> values.forEach(v -> request.setHeader(name, v)));
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String provider, byte[] body, WebhookHeaders headers)
      throws IOException, InterruptedException {
    return post(server.uri("/webhooks/" + provider), body, headers);
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return CLIENT.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private List<JsonNode> lines() throws IOException {
    List<String> text = stdout.toString(StandardCharsets.UTF_8).lines().toList();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : text) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  @Test
  void serve_documentedExamples_answer200AndPrintOneJsonLineEach() throws Exception {
    byte[] agntix = Fixtures.bytes("agntix", "session.ended.json");
    List<HttpResponse<String>> answers =
        List.of(
            post("agni", Fixtures.bytes("agni", "call.completed.json"), WebhookHeaders.empty()),
            post("vaani", Fixtures.bytes("vaani", "call_ended.json"), WebhookHeaders.empty()),
            post(
                "vaani",
                Fixtures.bytes("vaani", "call_postprocessing.json"),
                WebhookHeaders.empty()),
            post("agntix", agntix, SvixSigner.withSecret(SECRET).sign(agntix)),
            post("cllr", Fixtures.bytes("cllr", "post_call.json"), WebhookHeaders.empty()));

    assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
    assertThat(answers).extracting(HttpResponse::body).containsOnly("{\"status\":\"ok\"}");
    assertThat(answers.get(0).headers().firstValue("Content-Type")).hasValue("application/json");
    List<JsonNode> lines = lines();
    assertThat(lines)
        .extracting(l -> l.get("provider").asText() + " " + l.get("idempotencyKey").asText())
        .containsExactly(
            "agni agni:call.completed:019d2b3c-8e9f-7a0b-1c2d-4e5f6a7b8c9d",
            "vaani vaani:call_ended:room_123abc",
            "vaani vaani:call_postprocessing:room_123abc",
            "agntix agntix:session.ended:4981804c-2658-4893-84ff-9c2fa90fb3c2",
            "cllr cllr:post_call:693bff62619c51fac21acf50");

    JsonNode agni = lines.get(0);
    assertThat(agni.get("eventType").asText()).isEqualTo("call.completed");
    assertThat(agni.at("/event/event").asText()).isEqualTo("call.completed");
    assertThat(agni.at("/event/data/duration_sec").intValue()).as("as sent").isEqualTo(125);
    assertThat(agni.at("/event/data/started_at").asText()).isEqualTo("2026-03-24T18:30:00Z");
    assertThat(agni.at("/event/data/status").asText()).isEqualTo("completed");
    assertThat(agni.at("/summary/duration").asText()).isEqualTo("PT2M5S");
    assertThat(agni.at("/summary/sentiment").asText()).isEqualTo("POSITIVE");
    assertThat(agni.at("/summary/outcome").asText()).isEqualTo("COMPLETED");
    assertThat(agni.at("/summary/providerStatus").asText()).isEqualTo("completed");
    assertThat(agni.at("/summary/businessOutcome").asText()).isEqualTo("issue_resolved");
    JsonNode ended = lines.get(1);
    assertThat(ended.at("/event/call_duration").decimalValue()).isEqualByComparingTo("42.5");
    assertThat(ended.get("summary").isNull()).isTrue();
    assertThat(lines.get(2).at("/summary/duration").asText()).isEqualTo("PT42.5S");
    assertThat(lines.get(3).at("/summary/provider").asText()).isEqualTo("agntix");
    assertThat(lines.get(4).at("/event/callAnalysis/callOutcome").asText())
        .isEqualTo("Demo Scheduled");
    assertThat(lines.get(4).at("/summary/outcome").asText()).isEqualTo("UNKNOWN");
    assertThat(lines.get(4).at("/summary/businessOutcome").asText()).isEqualTo("Demo Scheduled");
  }

  @Test
  void serve_agntixSignedWithAnotherSecret_answers401AndPrintsNothing() throws Exception {
    byte[] body = Fixtures.bytes("agntix", "session.ended.json");
    WebhookHeaders forged = SvixSigner.withSecret(SvixSigner.generateSecret()).sign(body);

    HttpResponse<String> answer = post("agntix", body, forged);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("signature");
    assertThat(stdout.size()).isZero();
  }

  @Test
  void serve_agntixWithoutSignature_answers401() throws Exception {
    HttpResponse<String> answer =
        post("agntix", Fixtures.bytes("agntix", "session.ended.json"), WebhookHeaders.empty());

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(stdout.size()).isZero();
  }

  @Test
  void serve_duplicate_answers200WithoutASecondLine() throws Exception {
    byte[] body = Fixtures.bytes("cllr", "post_call.json");

    HttpResponse<String> first = post("cllr", body, WebhookHeaders.empty());
    HttpResponse<String> second = post("cllr", body, WebhookHeaders.empty());

    assertThat(first.body()).isEqualTo("{\"status\":\"ok\"}");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo("{\"status\":\"duplicate\"}");
    assertThat(lines()).hasSize(1);
  }

  @Test
  void serve_agniFromAnotherOrganisation_answers401() throws Exception {
    byte[] body = Fixtures.bytes("agni", "call.completed.wrong-org.json");

    HttpResponse<String> answer = post("agni", body, WebhookHeaders.empty());

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("org_id");
    assertThat(stdout.size()).isZero();
  }

  @Test
  void serve_malformedBody_answers400() throws Exception {
    HttpResponse<String> answer =
        post("vaani", "{\"event\": \"call_ended\", ".getBytes(StandardCharsets.UTF_8), none());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(answer.body()).startsWith("{\"error\":");
  }

  @Test
  void health_answers200() throws Exception {
    HttpResponse<String> answer = get(server.uri("/health"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"status\":\"ok\",\"mode\":\"memory\"}");
  }

  @Test
  void serve_otherPathsAndMethods_answer404And405() throws Exception {
    assertThat(get(server.uri("/webhooks/agni")).statusCode()).isEqualTo(405);
    assertThat(get(server.uri("/webhooks/agnix")).statusCode()).isEqualTo(404);
    assertThat(post(server.uri("/webhooks/agni/x"), new byte[0], none()).statusCode())
        .isEqualTo(404);
    assertThat(get(server.uri("/")).statusCode()).isEqualTo(404);
  }

  @Test
  void serve_withoutAgntixSecret_rejectsEveryAgntixDeliveryWith401() throws Exception {
    server.stop(Duration.ZERO);
    server = start(new ServerConfig(null, null, List.of(), List.of(), null));
    byte[] body = Fixtures.bytes("agntix", "session.ended.json");

    HttpResponse<String> answer = post("agntix", body, SvixSigner.withSecret(SECRET).sign(body));

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("No Agntix signing secret is configured");
    assertThat(post("agni", Fixtures.bytes("agni", "call.completed.json"), none()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void serve_withUrlSecrets_requiresTheTokenInTheUrl() throws Exception {
    server.stop(Duration.ZERO);
    String vaaniSecret = "Vq1-_x9ZaB3cD5eF7gH9iJ1kL3mN5oP7qR9sT1uV3wX";
    String cllrSecret = "Cq2-_y8YbA4dC6fE8hG0jI2lK4nM6pO8rQ0tS2vU4xW";
    server =
        start(
            new ServerConfig(
                null,
                SECRET,
                List.of("old-vaani", vaaniSecret, "50%off"),
                List.of(cllrSecret),
                null));
    byte[] vaani = Fixtures.bytes("vaani", "call_ended.json");
    byte[] cllr = Fixtures.bytes("cllr", "post_call.json");
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    List<Integer> refused = new ArrayList<>();
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    try {
      for (String target :
          List.of(
              "/webhooks/vaani",
              "/webhooks/vaani?token=" + cllrSecret,
              "/webhooks/vaani?token=" + vaaniSecret.substring(1),
              "/webhooks/vaani?token=" + vaaniSecret + "&token=" + vaaniSecret,
              "/webhooks/vaani?token=" + vaaniSecret + "%20",
              "/webhooks/cllr?token=" + vaaniSecret,
              "/webhooks/cllr?Token=" + cllrSecret)) {
        refused.add(
            post(server.uri(target), target.contains("vaani") ? vaani : cllr, none()).statusCode());
      }
      // A header secret no longer counts: these senders cannot send one.
      refused.add(post("vaani", vaani, bearer(vaaniSecret)).statusCode());
      assertThat(lines()).isEmpty();

      assertThat(
              post(server.uri("/webhooks/vaani?token=" + vaaniSecret), vaani, none()).statusCode())
          .isEqualTo(200);
      assertThat(
              post(server.uri("/webhooks/cllr?src=cllr&token=" + cllrSecret), cllr, none())
                  .statusCode())
          .isEqualTo(200);
      // Jetty hands over the raw query: "%25" is decoded once, by the check, into "%".
      assertThat(post(server.uri("/webhooks/vaani?token=50%25off"), vaani, none()).body())
          .isEqualTo("{\"status\":\"duplicate\"}");
      // Rotation: the old secret still works while both are configured (a duplicate here).
      assertThat(post(server.uri("/webhooks/vaani?token=old-vaani"), vaani, none()).statusCode())
          .isEqualTo(200);
    } finally {
      System.setErr(stderr);
    }

    assertThat(refused).containsOnly(401).hasSize(8);
    assertThat(lines()).hasSize(2);
    String logged = logs.toString(StandardCharsets.UTF_8);
    assertThat(logged)
        .contains("POST /webhooks/vaani -> 401")
        .contains("POST /webhooks/cllr -> 200")
        .doesNotContain(vaaniSecret)
        .doesNotContain(cllrSecret)
        .doesNotContain("old-vaani")
        .doesNotContain(vaaniSecret.substring(1))
        .doesNotContain("token=");
  }

  @Test
  void serve_readmeSetup_acceptsASenderThatCanOnlyBeGivenAUrl() throws Exception {
    server.stop(Duration.ZERO);
    Map<String, String> env =
        Map.of(
            "VAANI_URL_SECRET",
            "Zx9-_Vaani0Secret1Ab2Cd3Ef4Gh5Ij6Kl7Mn8Op9Qr",
            "CLLR_URL_SECRET",
            " old-cllr , Zx9-_Cllr0Secret1Ab2Cd3Ef4Gh5Ij6Kl7Mn8Op9Qrs ");
    server = start(ServerConfig.fromEnvironment(env));
    WebhookSimulator simulator = WebhookSimulator.create();

    List<DeliveryReport> vaani =
        simulator.deliverAll(
            server.uri("/webhooks/vaani?token=" + env.get("VAANI_URL_SECRET")),
            Samples.vaani().lifecycle("room_url_secret", VaaniSamples.Direction.INBOUND));
    DeliveryReport cllr =
        simulator.deliver(
            server.uri("/webhooks/cllr?token=Zx9-_Cllr0Secret1Ab2Cd3Ef4Gh5Ij6Kl7Mn8Op9Qrs"),
            Samples.cllr().postCall().build());
    DeliveryReport cllrOld =
        simulator.deliver(
            server.uri("/webhooks/cllr?token=old-cllr"),
            Samples.cllr().postCall().callId("c-old-url").build());
    DeliveryReport withoutSecret =
        simulator.deliver(
            server.uri("/webhooks/cllr"), Samples.cllr().postCall().callId("c-no-url").build());

    assertThat(vaani).isNotEmpty().allSatisfy(r -> assertThat(r.delivered()).isTrue());
    assertThat(cllr.delivered()).isTrue();
    assertThat(cllrOld.delivered()).isTrue();
    assertThat(withoutSecret.outcome()).isEqualTo(DeliveryReport.Outcome.NOT_RETRIED);
    assertThat(withoutSecret.lastAttempt().status()).isEqualTo(401);
    assertThat(lines()).hasSize(vaani.size() + 2);
  }

  @Test
  void fromEnvironment_refusesTheFormerHeaderSecrets_withoutEchoingThem() {
    assertThatThrownBy(
            () -> ServerConfig.fromEnvironment(Map.of("VAANI_SHARED_SECRET", "vaani-token-77")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("VAANI_SHARED_SECRET is no longer read")
        .hasMessageContaining("VAANI_URL_SECRET")
        .hasMessageContaining("/webhooks/vaani?token=")
        .message()
        .doesNotContain("vaani-token-77");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("CLLR_SHARED_SECRET", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CLLR_URL_SECRET");
  }

  @Test
  void stop_letsTheDeliveryInProgressFinishAndRefusesNewOnes() throws Exception {
    server.stop(Duration.ZERO);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    server =
        WebhookServer.start(
            new ServerConfig(null, SECRET, List.of(), List.of(), null),
            new InetSocketAddress("127.0.0.1", 0),
            (provider, event) -> {
              entered.countDown();
              try {
                release.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    URI cllr = server.uri("/webhooks/cllr");
    URI health = server.uri("/health");
    CompletableFuture<HttpResponse<String>> inProgress =
        CLIENT.sendAsync(
            HttpRequest.newBuilder(cllr)
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        Fixtures.bytes("cllr", "post_call.json")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    Thread stopper = new Thread(() -> server.stop(Duration.ofSeconds(20)));
    stopper.start();
    while (get(health).statusCode() != 503) {
      Thread.sleep(10);
    }
    HttpResponse<String> late = post(cllr, Fixtures.bytes("vaani", "call_ended.json"), none());
    release.countDown();
    stopper.join(20_000);

    assertThat(late.statusCode()).isEqualTo(503);
    assertThat(inProgress.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(stopper.isAlive()).isFalse();
    assertThatThrownBy(() -> get(health)).isInstanceOf(IOException.class);
  }

  @Test
  void eventJson_writesTheTypedRecordAndItsSummary() throws Exception {
    JsonNode line =
        JSON.readTree(
            EventJson.line(
                "agntix",
                AgntixWebhookParser.withoutVerification()
                    .parse(Samples.agntix().sessionEnded().build().body())));

    assertThat(line.fieldNames())
        .toIterable()
        .containsExactly("provider", "eventType", "idempotencyKey", "event", "summary");
    assertThat(line.at("/event/createdAt").asText()).endsWith("Z");
    assertThat(line.at("/event/analysis").has("empty")).isFalse();
    assertThat(line.at("/summary/duration").asText()).startsWith("PT");
  }

  private static WebhookHeaders none() {
    return WebhookHeaders.empty();
  }

  private static WebhookHeaders bearer(String token) {
    return WebhookHeaders.of("Authorization", "Bearer " + token);
  }
}
