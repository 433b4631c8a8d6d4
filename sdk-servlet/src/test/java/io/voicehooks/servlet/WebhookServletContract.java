package io.voicehooks.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.agni.AgniWebhookParser;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.cllr.CllrWebhookParser;
import io.voicehooks.core.SharedSecretVerifier;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.servlet.RawHttp.Answer;
import io.voicehooks.servlet.RawHttp.Closing;
import io.voicehooks.testing.AgniSamples;
import io.voicehooks.testing.DeliveryPolicy;
import io.voicehooks.testing.DeliveryReport;
import io.voicehooks.testing.Provider;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import io.voicehooks.testing.SvixSigner;
import io.voicehooks.testing.WebhookSimulator;
import io.voicehooks.vaani.VaaniWebhookParser;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletRegistration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link WebhookServlet} does over real HTTP on 127.0.0.1, written once and run in each
 * container by a subclass. Every provider has its own servlet and handler, built as an application
 * would, with the default 4 MiB body limit; the listeners record what they are given.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class WebhookServletContract {
  static final String AGNTIX_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final String VAANI_SECRET = "Sv1-_aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ";
  static final String OLD_VAANI_SECRET = "So1-_old0vaani0secret0kept0while0rotating00";
  static final String CLLR_SECRET = "Sc1-_zY2xW3vU4tS5rQ6pO7nM8lK9jI0hG1fE2dC3bA";

  static final int MIB = 1 << 20;
  static final String OVERSIZED = "{\"error\":\"Body exceeds the limit of 4194304 bytes\"}";
  static final String USE_POST = "{\"error\":\"Use POST\"}";
  static final String OK = "{\"status\":\"ok\"}";
  static final String DUPLICATE = "{\"status\":\"duplicate\"}";

  /** Short, so that a client that declares a body and sends none is let go within a test. */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(3);

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private static final WebhookSimulator SIMULATOR = WebhookSimulator.create();

  private final Map<Provider, List<WebhookEvent>> received = new EnumMap<>(Provider.class);
  private final Map<String, WebhookServlet> servlets = new LinkedHashMap<>();
  private final List<RawHttp> clients = new ArrayList<>();
  private @Nullable ServletContainer container;
  private int port;

  /** {@return a new, unstarted container of the kind under test} */
  abstract ServletContainer newContainer();

  @BeforeEach
  void start() throws Exception {
    for (Provider provider : Provider.values()) {
      received.put(provider, new CopyOnWriteArrayList<>());
    }
    servlets.put("/webhooks/agni", servlet(agniParser(), Provider.AGNI));
    servlets.put("/webhooks/vaani", servlet(vaaniParser(), Provider.VAANI));
    servlets.put(
        "/webhooks/agntix", servlet(AgntixWebhookParser.create(AGNTIX_SECRET), Provider.AGNTIX));
    servlets.put("/webhooks/cllr", servlet(cllrParser(), Provider.CLLR));
    // cllr again, with the secret as the last path segment: a wildcard mapping, path info in use.
    servlets.put(
        "/hooks/cllr/*",
        servlet(
            CllrWebhookParser.builder()
                .verifier(SharedSecretVerifier.lastPathSegment(CLLR_SECRET))
                .build(),
            Provider.CLLR));
    ServletContainer started = newContainer();
    container = started;
    port = started.start(servlets, IDLE_TIMEOUT);
  }

  @AfterEach
  void stop() throws Exception {
    for (RawHttp client : clients) {
      client.close();
    }
    stopContainer();
  }

  private WebhookServlet servlet(WebhookParser<?> parser, Provider provider) {
    List<WebhookEvent> events = received.get(provider);
    return new WebhookServlet(WebhookHandler.builder(parser).listener(events::add).build());
  }

  private static AgniWebhookParser agniParser() {
    return AgniWebhookParser.builder().expectedOrgId(AgniSamples.DEFAULT_ORG_ID).build();
  }

  private static VaaniWebhookParser vaaniParser() {
    return VaaniWebhookParser.builder()
        .verifier(SharedSecretVerifier.queryParameter("token", VAANI_SECRET, OLD_VAANI_SECRET))
        .build();
  }

  private static CllrWebhookParser cllrParser() {
    return CllrWebhookParser.builder()
        .verifier(SharedSecretVerifier.queryParameter("token", CLLR_SECRET))
        .build();
  }

  /** {@return where each provider's deliveries go, the URL secret included} */
  private static String target(Provider provider) {
    switch (provider) {
      case AGNI:
        return "/webhooks/agni";
      case VAANI:
        return "/webhooks/vaani?token=" + VAANI_SECRET;
      case AGNTIX:
        return "/webhooks/agntix";
      default:
        return "/webhooks/cllr?token=" + CLLR_SECRET;
    }
  }

  /** {@return a delivery the provider's endpoint accepts: signed for Agntix, the org for Agni} */
  private static Sample sample(Provider provider) {
    switch (provider) {
      case AGNI:
        return Samples.agni().callCompleted().build();
      case VAANI:
        return Samples.vaani().callEnded().build();
      case AGNTIX:
        return Samples.agntix()
            .sessionEnded()
            .signedWith(SvixSigner.withSecret(AGNTIX_SECRET))
            .build();
      default:
        return Samples.cllr().postCall().build();
    }
  }

  private URI uri(String target) {
    return URI.create("http://127.0.0.1:" + port + target);
  }

  /** Delivers once, as the provider would but without retrying, so every answer is seen. */
  private DeliveryReport deliver(String target, Sample sample) {
    DeliveryReport report =
        SIMULATOR.deliver(
            uri(target), sample, DeliveryPolicy.forProvider(sample.provider()).withoutRetries());
    assertThat(report.attempts()).hasSize(1);
    assertThat(report.lastAttempt().failure()).isNull();
    return report;
  }

  private HttpResponse<String> send(String method, String target, byte[] body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri(target))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private List<String> keys(Provider provider) {
    return received.get(provider).stream().map(WebhookEvent::idempotencyKey).toList();
  }

  private boolean nothingReceived() {
    return received.values().stream().allMatch(List::isEmpty);
  }

  // Deliveries.

  @ParameterizedTest
  @EnumSource(Provider.class)
  void acceptedDelivery_isAnswered200_andTheListenerSeesItOnce(Provider provider) {
    Sample sample = sample(provider);

    DeliveryReport report = deliver(target(provider), sample);

    assertThat(report.lastAttempt().status()).isEqualTo(200);
    assertThat(report.lastAttempt().responseBody()).isEqualTo(OK);
    assertThat(keys(provider)).containsExactly(sample.idempotencyKey());
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void sameDeliveryTwice_secondIsADuplicate_andTheListenerRanOnce(Provider provider) {
    Sample sample = sample(provider);

    DeliveryReport first = deliver(target(provider), sample);
    DeliveryReport second = deliver(target(provider), sample);

    assertThat(first.lastAttempt().status()).isEqualTo(200);
    assertThat(first.lastAttempt().responseBody()).isEqualTo(OK);
    assertThat(second.lastAttempt().status()).isEqualTo(200);
    assertThat(second.lastAttempt().responseBody()).isEqualTo(DUPLICATE);
    assertThat(keys(provider)).containsExactly(sample.idempotencyKey());
  }

  @Test
  void forgedAgntixSignature_isAnswered401_andDispatchesNothing() {
    Sample forged =
        Samples.agntix()
            .sessionEnded()
            .signedWith(SvixSigner.withSecret(SvixSigner.generateSecret()))
            .build();

    DeliveryReport report = deliver("/webhooks/agntix", forged);

    assertThat(report.lastAttempt().status()).isEqualTo(401);
    assertThat(report.lastAttempt().responseBody()).startsWith("{\"error\":").contains("signature");
    assertThat(nothingReceived()).isTrue();
  }

  @Test
  void agniFromAnotherOrganisation_isAnswered401() {
    Sample other =
        Samples.agni().callCompleted().orgId("00000000-0000-4000-8000-000000000000").build();

    DeliveryReport report = deliver("/webhooks/agni", other);

    assertThat(report.lastAttempt().status()).isEqualTo(401);
    assertThat(nothingReceived()).isTrue();
  }

  @Test
  void urlSecretInTheQuery_rightRotatedAndEncodedPass_wrongMissingRepeatedOrRecasedAre401() {
    Sample right = Samples.vaani().callEnded().roomName("right").build();
    Sample rotated = Samples.vaani().callEnded().roomName("rotated").build();
    Sample encoded = Samples.vaani().callEnded().roomName("encoded").build();
    // The servlet passes the query as received: %53 is decoded by the check, not by the container.
    String percentEncoded = "%53" + VAANI_SECRET.substring(1);

    List<Integer> accepted = new ArrayList<>();
    accepted.add(deliver("/webhooks/vaani?token=" + VAANI_SECRET, right).lastAttempt().status());
    accepted.add(
        deliver("/webhooks/vaani?token=" + OLD_VAANI_SECRET, rotated).lastAttempt().status());
    accepted.add(
        deliver("/webhooks/vaani?a=1&token=" + percentEncoded, encoded).lastAttempt().status());
    List<DeliveryReport> refused = new ArrayList<>();
    for (String query :
        List.of(
            "?token=" + CLLR_SECRET,
            "",
            "?token=",
            "?token=" + VAANI_SECRET + "&token=" + VAANI_SECRET,
            "?token=" + VAANI_SECRET.toLowerCase(Locale.ROOT))) {
      refused.add(
          deliver(
              "/webhooks/vaani" + query, Samples.vaani().callEnded().roomName("refused").build()));
    }

    assertThat(accepted).containsExactly(200, 200, 200);
    assertThat(refused)
        .allSatisfy(r -> assertThat(r.lastAttempt().status()).isEqualTo(401))
        .allSatisfy(r -> assertThat(r.lastAttempt().responseBody()).doesNotContain(VAANI_SECRET));
    assertThat(keys(Provider.VAANI))
        .containsExactly(
            right.idempotencyKey(), rotated.idempotencyKey(), encoded.idempotencyKey());
  }

  @Test
  void urlSecretAsTheLastPathSegment_rightPasses_wrongMissingOrInTheQueryAre401() {
    Sample call = Samples.cllr().postCall().callId("servlet-path").build();

    int right = deliver("/hooks/cllr/" + CLLR_SECRET, call).lastAttempt().status();
    int wrong = deliver("/hooks/cllr/" + VAANI_SECRET, call).lastAttempt().status();
    int missing = deliver("/hooks/cllr/", call).lastAttempt().status();
    int inQuery = deliver("/hooks/cllr?token=" + CLLR_SECRET, call).lastAttempt().status();

    assertThat(right).isEqualTo(200);
    assertThat(List.of(wrong, missing, inQuery)).containsOnly(401);
    assertThat(keys(Provider.CLLR)).containsExactly(call.idempotencyKey());
  }

  // Empty bodies and other methods.

  /** {@return what a handler like the endpoint's answers to an empty body, asked directly} */
  private static WebhookResponse emptyBodyAnswer(WebhookParser<?> parser, String target) {
    try (WebhookHandler handler = WebhookHandler.builder(parser).listener(event -> {}).build()) {
      return handler.handle(
          target,
          WebhookHeaders.of("Content-Type", "application/json"),
          new ByteArrayInputStream(new byte[0]));
    }
  }

  @Test
  void emptyBody_isAnsweredTheHandlersOwn400() throws Exception {
    WebhookResponse agni = emptyBodyAnswer(agniParser(), "/webhooks/agni");
    WebhookResponse vaani = emptyBodyAnswer(vaaniParser(), target(Provider.VAANI));

    HttpResponse<String> toAgni = send("POST", "/webhooks/agni", new byte[0]);
    HttpResponse<String> toVaani = send("POST", target(Provider.VAANI), new byte[0]);

    assertThat(agni.status()).isEqualTo(400);
    assertThat(vaani.status()).isEqualTo(400);
    assertThat(toAgni.statusCode()).isEqualTo(400);
    assertThat(toAgni.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(toAgni.body()).isEqualTo(agni.body());
    assertThat(toVaani.statusCode()).isEqualTo(400);
    assertThat(toVaani.body()).isEqualTo(vaani.body());
    assertThat(nothingReceived()).isTrue();
  }

  @Test
  void postWithNeitherLengthNorChunks_hasAnEmptyBody_andIsAnswered400() throws Exception {
    RawHttp client = connect();

    client.write(RawHttp.head("POST", "/webhooks/agni", -1));
    Answer answer = client.read();

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo(emptyBodyAnswer(agniParser(), "/webhooks/agni").body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH"})
  void otherMethods_areAnswered405_withAllowPost_andJson(String method) throws Exception {
    byte[] body = "GET".equals(method) ? new byte[0] : sample(Provider.AGNI).body();

    HttpResponse<String> answer = send(method, "/webhooks/agni", body);

    assertThat(answer.statusCode()).isEqualTo(405);
    assertThat(answer.headers().allValues("Allow")).containsExactly("POST");
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(answer.body()).isEqualTo(USE_POST);
    assertThat(nothingReceived()).isTrue();
  }

  // Response headers and connections.

  @Test
  void responseHeaders_areExactlyJsonAndTheBodysLength_andTheConnectionIsKeptForTheNext()
      throws Exception {
    RawHttp client = connect();
    Sample agni = sample(Provider.AGNI);
    Sample otherOrg =
        Samples.agni().callCompleted().orgId("00000000-0000-4000-8000-000000000000").build();

    List<Answer> answers = new ArrayList<>();
    client.write(RawHttp.head("POST", "/webhooks/agni", agni.bodyLength()), agni.body());
    answers.add(client.read());
    client.write(RawHttp.head("POST", "/webhooks/agni", agni.bodyLength()), agni.body());
    answers.add(client.read());
    client.write(RawHttp.head("POST", "/webhooks/agni", otherOrg.bodyLength()), otherOrg.body());
    answers.add(client.read());
    client.write(RawHttp.head("GET", "/webhooks/agni", -1));
    answers.add(client.read());

    assertThat(answers).extracting(Answer::status).containsExactly(200, 200, 401, 405);
    assertThat(answers.get(0).body()).isEqualTo(OK);
    assertThat(answers.get(1).body()).isEqualTo(DUPLICATE);
    assertThat(answers)
        .allSatisfy(a -> assertThat(a.header("Content-Type")).isEqualTo("application/json"))
        .allSatisfy(a -> assertThat(a.count("Content-Type")).isEqualTo(1))
        .allSatisfy(
            a ->
                assertThat(a.header("Content-Length"))
                    .isEqualTo(Integer.toString(a.body().getBytes(StandardCharsets.UTF_8).length)))
        .allSatisfy(a -> assertThat(a.header("Transfer-Encoding")).isNull())
        .allSatisfy(a -> assertThat(a.header("Connection")).isNotEqualToIgnoringCase("close"));
    assertThat(keys(Provider.AGNI)).containsExactly(agni.idempotencyKey());
  }

  @Test
  void expect100Continue_withinTheLimit_getsContinue_thenTheBodyIsProcessed() throws Exception {
    RawHttp client = connect();
    Sample agntix = sample(Provider.AGNTIX);
    List<String> fields = new ArrayList<>(List.of("Expect: 100-continue"));
    agntix
        .headers()
        .asMap()
        .forEach((name, values) -> values.forEach(v -> fields.add(name + ": " + v)));

    client.write(
        RawHttp.head(
            "POST", "/webhooks/agntix", agntix.bodyLength(), fields.toArray(String[]::new)));
    Answer interim = client.read();
    client.write(agntix.body());
    Answer answer = client.read();

    assertThat(interim.status()).isEqualTo(100);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo(OK);
    assertThat(keys(Provider.AGNTIX)).containsExactly(agntix.idempotencyKey());
  }

  // Oversized bodies.

  @Test
  void oversizedContentLength_withExpect100Continue_is413_withoutContinue_andTheBodyIsNeverAsked()
      throws Exception {
    RawHttp client = connect();

    // The client waits for 100 Continue before it sends a byte of the body: it never sends one.
    client.write(
        RawHttp.head(
            "POST",
            "/webhooks/agntix",
            6 * MIB,
            "Expect: 100-continue",
            "Content-Type: application/json"));
    Answer answer = client.read();

    assertThat(answer.status()).as("the first response, not 100 Continue").isEqualTo(413);
    assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
    assertThat(answer.header("Content-Type")).isEqualTo("application/json");
    assertThat(answer.body()).isEqualTo(OVERSIZED);
    assertThat(client.awaitClose()).isEqualTo(Closing.END_OF_STREAM);
  }

  @Test
  void oversizedContentLength_wholeBodyWrittenBeforeReading_seesThe413_notAReset()
      throws Exception {
    RawHttp client = connect();

    IOException writeFailure =
        client.writeWholeBeforeReading(
            RawHttp.head("POST", "/webhooks/vaani?token=" + VAANI_SECRET, 6 * MIB),
            new byte[6 * MIB]);
    Answer answer = client.read();

    assertThat(writeFailure).as("failure while writing the body").isNull();
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
    assertThat(answer.body()).isEqualTo(OVERSIZED);
    assertThat(client.awaitClose()).isEqualTo(Closing.END_OF_STREAM);
    assertThat(nothingReceived()).isTrue();
  }

  @Test
  void oversizedChunkedBody_wholeBodyWrittenBeforeReading_seesThe413_notAReset() throws Exception {
    RawHttp client = connect();

    // No length: the handler finds the body too large at byte 4 MiB + 1, the servlet swallows the
    // rest.
    IOException writeFailure =
        client.writeWholeBeforeReading(
            RawHttp.head(
                "POST", "/webhooks/cllr?token=" + CLLR_SECRET, -1, "Transfer-Encoding: chunked"),
            RawHttp.chunked(6, MIB));
    Answer answer = client.read();

    assertThat(writeFailure).as("failure while writing the body").isNull();
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
    assertThat(answer.body()).isEqualTo(OVERSIZED);
    assertThat(client.awaitClose()).isEqualTo(Closing.END_OF_STREAM);
    assertThat(nothingReceived()).isTrue();
  }

  @Test
  void oversizedChunkedBody_beyondTheDiscardCap_isNotReadToTheEnd() throws Exception {
    RawHttp client = connect();

    // 12 MiB: the servlet stops reading at MAX_DISCARDED_BYTES (8 MiB) and answers; the container
    // then closes with the rest unread (Tomcat first swallows up to maxSwallowSize, 2 MiB), so a
    // client that insists on writing all 12 MiB before reading is reset. That is the bound.
    IOException writeFailure =
        client.writeWholeBeforeReading(
            RawHttp.head(
                "POST", "/webhooks/cllr?token=" + CLLR_SECRET, -1, "Transfer-Encoding: chunked"),
            RawHttp.chunked(12, MIB));

    assertThat(writeFailure).as("failure while writing the body").isNotNull();
    assertThat(nothingReceived()).isTrue();
  }

  @Test
  void oversizedContentLength_beyondTheDiscardCap_is413AtOnce_withoutWaitingForTheBody()
      throws Exception {
    RawHttp client = connect();

    // Declared over MAX_DISCARDED_BYTES: not worth reading. Were the servlet to wait for it, this
    // client, which sends none, would see the idle timeout's answer (Tomcat: 408) instead.
    client.write(RawHttp.head("POST", "/webhooks/agni", 12 * MIB));
    Answer answer = client.read();

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
    assertThat(answer.body()).isEqualTo(OVERSIZED);
    assertThat(client.awaitClose()).isNotEqualTo(Closing.STILL_OPEN);
  }

  @Test
  void oversizedContentLength_declaredButNeverSent_gets413_andIsClosedAtTheIdleTimeout()
      throws Exception {
    RawHttp client = connect();

    client.write(RawHttp.head("POST", "/webhooks/agni", 6 * MIB));
    // The status line and headers go out before the servlet waits for the body to discard; the
    // 413's body follows when the idle timeout (3 s) ends that wait.
    Answer answer = client.read();

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
    assertThat(client.awaitClose()).isNotEqualTo(Closing.STILL_OPEN);
    assertThat(nothingReceived()).isTrue();
  }

  // The handler's lifecycle.

  @Test
  void destroy_closesTheHandler_soDeliveriesStillReachingTheServletAre503() throws Exception {
    servlets.get("/webhooks/agni").destroy(); // as a container does when it takes it out of service

    DeliveryReport report = deliver("/webhooks/agni", sample(Provider.AGNI));

    assertThat(report.lastAttempt().status()).isEqualTo(503);
    assertThat(report.lastAttempt().responseBody())
        .isEqualTo("{\"error\":\"Receiver is shutting down; retry later\"}");
    assertThat(nothingReceived()).isTrue();
  }

  @Test
  void stoppingTheContainer_destroysTheServletsItStarted_whichClosesTheirHandlers()
      throws Exception {
    // A servlet is initialised by its first request (Tomcat destroys only those it initialised).
    for (Provider provider : Provider.values()) {
      assertThat(deliver(target(provider), sample(provider)).lastAttempt().status()).isEqualTo(200);
    }
    Sample byPath = Samples.cllr().postCall().callId("by-path").build();
    assertThat(deliver("/hooks/cllr/" + CLLR_SECRET, byPath).lastAttempt().status()).isEqualTo(200);

    stopContainer();

    assertThat(servlets)
        .allSatisfy((path, servlet) -> assertThat(isClosed(servlet)).as(path).isTrue());
  }

  @Test
  void registeredThroughTheServletApi_byAnInitializer_servesAndIsDestroyedOnStop()
      throws Exception {
    List<WebhookEvent> events = new CopyOnWriteArrayList<>();
    WebhookServlet servlet =
        new WebhookServlet(WebhookHandler.builder(agniParser()).listener(events::add).build());
    // What a WAR does in any container (README: "Any container").
    ServletContainerInitializer initializer =
        (classes, context) -> {
          ServletRegistration.Dynamic registration = context.addServlet("agni-webhooks", servlet);
          registration.addMapping("/webhooks/agni");
          registration.setLoadOnStartup(1);
        };
    ServletContainer other = newContainer();
    Sample agni = sample(Provider.AGNI);
    DeliveryReport report;
    try {
      int otherPort = other.start(initializer, IDLE_TIMEOUT);
      report =
          SIMULATOR.deliver(
              URI.create("http://127.0.0.1:" + otherPort + "/webhooks/agni"),
              agni,
              DeliveryPolicy.agni().withoutRetries());
    } finally {
      other.stop();
    }

    assertThat(report.lastAttempt().status()).isEqualTo(200);
    assertThat(events)
        .extracting(WebhookEvent::idempotencyKey)
        .containsExactly(agni.idempotencyKey());
    assertThat(isClosed(servlet)).isTrue();
  }

  /** {@return whether the servlet's handler refuses deliveries as closed (503)} */
  static boolean isClosed(WebhookServlet servlet) {
    // An empty body: an open handler refuses it (400 or 401) and dispatches nothing.
    WebhookResponse answer =
        servlet.handler().handle(WebhookRequest.of("/", WebhookHeaders.of(Map.of()), new byte[0]));
    return answer.outcome() == WebhookResponse.Outcome.UNAVAILABLE;
  }

  // For the container-specific tests of the subclasses.

  /** {@return the servlet mapped at this URL pattern} */
  WebhookServlet servlet(String pattern) {
    return servlets.get(pattern);
  }

  /** Stops the container, which destroys the servlets it started. */
  void stopContainer() throws Exception {
    ServletContainer started = container;
    container = null;
    if (started != null) {
      started.stop();
    }
  }

  /** {@return a raw connection to the container, closed after the test} */
  RawHttp connect() throws IOException {
    return connect(port);
  }

  /** {@return a raw connection to a port, closed after the test} */
  RawHttp connect(int port) throws IOException {
    RawHttp client = RawHttp.connect(port);
    clients.add(client);
    return client;
  }
}
