package io.voicehooks.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.SharedSecretVerifier;
import io.voicehooks.core.SvixSignatureVerifier;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.testing.Attempt.FailureKind;
import io.voicehooks.testing.DeliveryReport.Outcome;
import io.voicehooks.testing.Receiver.Reply;
import io.voicehooks.testing.Receiver.Route;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
final class WebhookSimulatorTest {
  private static final Instant VIRTUAL_START = Instant.parse("2026-03-24T18:32:05Z");

  private static Receiver receiver;

  @BeforeAll
  static void startReceiver() throws IOException {
    receiver = Receiver.start();
    // Warm the JDK HTTP client up once, so that timing assertions measure deliveries only.
    WebhookSimulator.create()
        .deliver(receiver.route((r, i) -> Reply.of(200)).uri, Samples.cllr().postCall().build());
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  private static WebhookSimulator simulator() {
    return WebhookSimulator.builder().virtualClock(VirtualClock.startingAt(VIRTUAL_START)).build();
  }

  @Test
  void urlWithQuery_isDeliveredWithItsRawQueryKept_andPassesAUrlSecretCheck() {
    String secret = "a+b/c_d-e";
    Route route =
        receiver.route(
            (request, i) -> {
              SharedSecretVerifier.queryParameter("token", secret)
                  .verify(WebhookRequest.of(request.target(), request.headers(), request.body()));
              return Reply.of(200);
            });
    URI withSecret = URI.create(route.uri + "/vaani?x=1&token=a%2Bb%2Fc_d-e");

    List<DeliveryReport> reports =
        List.of(
            WebhookSimulator.create().deliver(withSecret, Samples.vaani().callEnded().build()),
            WebhookSimulator.create().deliver(withSecret, Samples.cllr().postCall().build()));

    assertThat(reports).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.DELIVERED));
    assertThat(route.received())
        .extracting(Receiver.Received::target)
        .containsOnly(route.uri.getPath() + "/vaani?x=1&token=a%2Bb%2Fc_d-e");
    assertThat(Samples.cllr().postCall().build().toRequest("/h?token=s").target())
        .isEqualTo("/h?token=s");
    assertThat(reports)
        .allSatisfy(
            r ->
                assertThat(r.toString())
                    .contains("DELIVERED")
                    .doesNotContain("a%2Bb")
                    .doesNotContain("/vaani"));
  }

  @Test
  void agni_failsFourTimes_retriesOnTheVirtualClockAndDelivers() {
    Route route = receiver.route((request, i) -> Reply.of(i < 4 ? 500 : 200));
    WebhookSimulator simulator = simulator();
    long startNanos = System.nanoTime();

    DeliveryReport report = simulator.deliver(route.uri, Samples.agni().callCompleted().build());

    Duration realTime = Duration.ofNanos(System.nanoTime() - startNanos);
    assertThat(report.outcome()).isEqualTo(Outcome.DELIVERED);
    assertThat(report.attempts()).extracting(Attempt::number).containsExactly(1, 2, 3, 4, 5);
    assertThat(report.attempts())
        .extracting(Attempt::virtualOffset)
        .containsExactly(
            Duration.ZERO,
            Duration.ofSeconds(30),
            Duration.parse("PT2M30S"),
            Duration.parse("PT12M30S"),
            Duration.parse("PT1H12M30S"));
    assertThat(report.attempts())
        .extracting(Attempt::status)
        .containsExactly(500, 500, 500, 500, 200);
    assertThat(report.attempts().get(0).responseBody()).isEqualTo("{\"status\":500}");
    assertThat(report.attempts()).allSatisfy(a -> assertThat(a.failure()).isNull());
    assertThat(simulator.virtualClock().instant())
        .isEqualTo(VIRTUAL_START.plus(Duration.parse("PT1H12M30S")));
    assertThat(route.received()).hasSize(5);
    assertThat(realTime).isLessThan(Duration.ofSeconds(1));
    assertThat(simulator.consecutiveFailures(route.uri)).isZero();
  }

  @Test
  void agni_sendsItsHeadersAndTheExactBody() {
    Route route = receiver.route((request, i) -> Reply.of(200));
    Sample sample = Samples.agni().callCompleted().transcriptTurns(200).build();

    DeliveryReport report = simulator().deliver(route.uri, sample);

    Receiver.Received received = route.received().get(0);
    assertThat(received.body()).isEqualTo(sample.body());
    assertThat(received.headers().first("content-type")).isEqualTo("application/json");
    assertThat(received.headers().first("user-agent")).contains("Agni");
    assertThat(received.headers().first("svix-id")).isNull();
    assertThat(report.messageId()).isNull();
    assertThat(report.attempts().get(0).headers().first("user-agent"))
        .isEqualTo(DeliveryPolicy.agni().userAgent());
    assertThat(report.attempts().get(0).latency()).isPositive();
  }

  @Test
  void policyWithHeader_addsItToEveryAttempt_replacingTheSamples() {
    Route route = receiver.route((request, i) -> Reply.of(i == 0 ? 503 : 200));
    DeliveryPolicy proxied =
        DeliveryPolicy.agni()
            .withRetries(List.of(Duration.ofSeconds(1)))
            .withHeader("Authorization", "Bearer proxy-token")
            .withHeader("X-Forwarded-For", "203.0.113.7");
    Sample sample = Samples.agni().callCompleted().build().withHeader("authorization", "Bearer x");

    DeliveryReport report = simulator().deliver(route.uri, sample, proxied);

    assertThat(report.attempts()).hasSize(2);
    assertThat(route.received())
        .allSatisfy(
            r -> {
              assertThat(r.headers().all("authorization")).containsExactly("Bearer proxy-token");
              assertThat(r.headers().first("x-forwarded-for")).isEqualTo("203.0.113.7");
              assertThat(r.headers().first("user-agent")).contains("Agni");
            });
    assertThat(proxied.headers().names()).containsExactly("authorization", "x-forwarded-for");
    assertThat(proxied.toString()).contains("authorization").doesNotContain("proxy-token");
    assertThat(DeliveryPolicy.agni().headers().names()).isEmpty();
    assertThatThrownBy(() -> DeliveryPolicy.agni().withHeader("User-Agent", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("User-Agent is set by the HTTP client or withUserAgent, not by withHeader");
    assertThatThrownBy(() -> DeliveryPolicy.agni().withHeader("Host", "evil"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void agni_pausesTheEndpointAfterFiveConsecutiveFailedDeliveries() {
    AtomicInteger status = new AtomicInteger(500);
    Route route = receiver.route((request, i) -> Reply.of(status.get()));
    WebhookSimulator simulator = simulator();
    Sample sample = Samples.agni().callCompleted().build();

    List<DeliveryReport> failed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      assertThat(simulator.isPaused(route.uri)).isFalse();
      failed.add(simulator.deliver(route.uri, sample));
    }

    assertThat(failed).extracting(DeliveryReport::outcome).containsOnly(Outcome.GAVE_UP);
    assertThat(failed.get(0).attempts())
        .extracting(Attempt::virtualOffset)
        .containsExactly(
            Duration.ZERO,
            Duration.ofSeconds(30),
            Duration.parse("PT2M30S"),
            Duration.parse("PT12M30S"),
            Duration.parse("PT1H12M30S"),
            Duration.parse("PT7H12M30S"));
    assertThat(simulator.isPaused(route.uri)).isTrue();
    assertThat(simulator.consecutiveFailures(route.uri)).isEqualTo(5);
    assertThat(route.received()).hasSize(30);

    status.set(200);
    DeliveryReport paused = simulator.deliver(route.uri, sample);
    assertThat(paused.outcome()).isEqualTo(Outcome.PAUSED);
    assertThat(paused.attempts()).isEmpty();
    assertThat(paused.lastAttempt()).isNull();
    assertThat(route.received()).hasSize(30);

    DeliveryReport cllr = simulator.deliver(route.uri, Samples.cllr().postCall().build());
    assertThat(cllr.outcome()).as("cllr does not pause").isEqualTo(Outcome.DELIVERED);

    simulator.resume(route.uri);
    DeliveryReport resumed = simulator.deliver(route.uri, sample);
    assertThat(resumed.outcome()).isEqualTo(Outcome.DELIVERED);
    assertThat(simulator.isPaused(route.uri)).isFalse();
    assertThat(simulator.consecutiveFailures(route.uri)).isZero();
  }

  @Test
  void agni_successfulDeliveryResetsTheFailureCount() {
    AtomicInteger status = new AtomicInteger(503);
    Route route = receiver.route((request, i) -> Reply.of(status.get()));
    WebhookSimulator simulator = simulator();
    Sample sample = Samples.agni().callCompleted().build();
    DeliveryPolicy policy = DeliveryPolicy.agni().withRetries(List.of());

    for (int i = 0; i < 4; i++) {
      simulator.deliver(route.uri, sample, policy);
    }
    status.set(204);
    simulator.deliver(route.uri, sample, policy);
    status.set(503);
    for (int i = 0; i < 4; i++) {
      simulator.deliver(route.uri, sample, policy);
    }

    assertThat(simulator.consecutiveFailures(route.uri)).isEqualTo(4);
    assertThat(simulator.isPaused(route.uri)).isFalse();
  }

  @Test
  void agni_timeoutIsRetried() {
    CountDownLatch release = new CountDownLatch(1);
    Route route =
        receiver.route(
            (request, i) -> {
              if (i == 0) {
                release.await(5, TimeUnit.SECONDS);
              }
              return Reply.of(200);
            });
    DeliveryPolicy policy = DeliveryPolicy.agni().withTimeout(Duration.ofMillis(200));
    try {
      DeliveryReport report =
          simulator().deliver(route.uri, Samples.agni().callCompleted().build(), policy);

      assertThat(report.outcome()).isEqualTo(Outcome.DELIVERED);
      assertThat(report.attempts())
          .extracting(Attempt::failure)
          .containsExactly(FailureKind.TIMEOUT, null);
      assertThat(report.attempts())
          .extracting(Attempt::virtualOffset)
          .containsExactly(Duration.ZERO, Duration.ofSeconds(30));
    } finally {
      release.countDown();
    }
  }

  @Test
  void agntix_retriesOnSvixScheduleWithin24Hours_reSigningEveryAttemptUnderOneId() {
    SvixSigner signer = SvixSigner.withSecret(SvixSigner.generateSecret());
    SvixSignatureVerifier verifier = signer.verifier();
    List<String> verified = new CopyOnWriteArrayList<>();
    Route route =
        receiver.route(
            (request, i) -> {
              verifier.verify(WebhookRequest.of(request.headers(), request.body()));
              verified.add(request.headers().first("svix-id"));
              return Reply.of(500);
            });
    WebhookSimulator simulator =
        WebhookSimulator.builder()
            .virtualClock(VirtualClock.startingAt(VIRTUAL_START))
            .clock(new TickingClock())
            .policy(DeliveryPolicy.agntix().signedWith(signer))
            .build();

    DeliveryReport report = simulator.deliver(route.uri, Samples.agntix().sessionEnded().build());

    assertThat(report.outcome()).isEqualTo(Outcome.GAVE_UP);
    assertThat(report.attempts())
        .extracting(Attempt::virtualOffset)
        .containsExactly(
            Duration.ZERO,
            Duration.ofSeconds(5),
            Duration.parse("PT5M5S"),
            Duration.parse("PT35M5S"),
            Duration.parse("PT2H35M5S"),
            Duration.parse("PT7H35M5S"),
            Duration.parse("PT17H35M5S"));
    assertThat(report.attempts())
        .allSatisfy(a -> assertThat(a.virtualOffset()).isLessThanOrEqualTo(Duration.ofHours(24)));
    assertThat(verified).hasSize(7).containsOnly(report.messageId());
    assertThat(report.messageId()).matches("msg_[0-9A-Za-z]{27}");
    List<Receiver.Received> received = route.received();
    assertThat(received)
        .extracting(r -> r.headers().first("svix-signature"))
        .doesNotHaveDuplicates();
    List<Long> timestamps = new ArrayList<>();
    for (Receiver.Received r : received) {
      timestamps.add(Long.parseLong(r.headers().first("svix-timestamp")));
    }
    assertThat(timestamps).isSorted().doesNotHaveDuplicates();
    long now = Instant.now().getEpochSecond();
    assertThat(timestamps)
        .as("real wall-clock time, not virtual time")
        .allSatisfy(t -> assertThat(t).isBetween(now - 60, now + 60));
    assertThat(received)
        .allSatisfy(r -> assertThat(r.headers().first("user-agent")).contains("Agntix"));
  }

  @Test
  void agntix_signedSample_isReSignedWithItsOwnIdUntilDelivered() {
    SvixSigner signer = SvixSigner.generateEd25519();
    SvixSignatureVerifier verifier =
        SvixSignatureVerifier.builder().publicKey(signer.publicKey()).build();
    Route route =
        receiver.route(
            (request, i) -> {
              verifier.verify(WebhookRequest.of(request.headers(), request.body()));
              return Reply.of(i < 2 ? 502 : 200);
            });
    Sample sample = Samples.agntix().sessionCreated().signedWith(signer).build();

    DeliveryReport report = simulator().deliver(route.uri, sample);

    assertThat(report.outcome()).isEqualTo(Outcome.DELIVERED);
    assertThat(report.attempts()).extracting(Attempt::status).containsExactly(502, 502, 200);
    assertThat(report.messageId()).isEqualTo(sample.messageId());
    assertThat(route.received())
        .extracting(r -> r.headers().first("svix-id"))
        .containsOnly(sample.messageId());
  }

  @Test
  void cllr_a500IsNotRetried() {
    Route route = receiver.route((request, i) -> new Reply(500, "boom"));

    DeliveryReport report = simulator().deliver(route.uri, Samples.cllr().postCall().build());

    assertThat(report.outcome()).isEqualTo(Outcome.NOT_RETRIED);
    assertThat(report.attempts()).hasSize(1);
    Attempt attempt = report.attempts().get(0);
    assertThat(attempt.status()).isEqualTo(500);
    assertThat(attempt.responseBody()).isEqualTo("boom");
    assertThat(attempt.succeeded()).isFalse();
    assertThat(route.received()).hasSize(1);
    assertThat(route.received().get(0).headers().first("user-agent")).contains("cllr");
  }

  @Test
  void cllr_slowEndpoint_isReportedAsTimeoutAfterTheOverriddenTimeout() {
    CountDownLatch release = new CountDownLatch(1);
    Route route =
        receiver.route(
            (request, i) -> {
              release.await(5, TimeUnit.SECONDS);
              return Reply.of(200);
            });
    DeliveryPolicy policy = DeliveryPolicy.cllr().withTimeout(Duration.ofMillis(250));
    try {
      DeliveryReport report =
          simulator().deliver(route.uri, Samples.cllr().postCall().build(), policy);

      assertThat(report.outcome()).isEqualTo(Outcome.NOT_RETRIED);
      Attempt attempt = report.attempts().get(0);
      assertThat(attempt.failure()).isEqualTo(FailureKind.TIMEOUT);
      assertThat(attempt.status()).isZero();
      assertThat(attempt.responseBody()).isEmpty();
      assertThat(attempt.latency()).isBetween(Duration.ofMillis(240), Duration.ofSeconds(3));
    } finally {
      release.countDown();
    }
  }

  @Test
  void vaani_isNotRetried() {
    Route route = receiver.route((request, i) -> Reply.of(503));

    DeliveryReport report = simulator().deliver(route.uri, Samples.vaani().callEnded().build());

    assertThat(report.outcome()).isEqualTo(Outcome.NOT_RETRIED);
    assertThat(report.attempts()).hasSize(1);
    assertThat(route.received().get(0).headers().first("user-agent")).contains("Vaani");
  }

  @Test
  void refusedConnection_isReportedAsConnectionError() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + port + "/hooks");

    DeliveryReport report = simulator().deliver(closed, Samples.cllr().postCall().build());

    assertThat(report.outcome()).isEqualTo(Outcome.NOT_RETRIED);
    assertThat(report.attempts())
        .extracting(Attempt::failure)
        .containsExactly(FailureKind.CONNECTION_ERROR);
    assertThat(report.attempts().get(0).status()).isZero();
  }

  @Test
  void longResponseBody_isTruncatedTo200Characters() {
    Route route = receiver.route((request, i) -> new Reply(400, "x".repeat(5_000)));

    DeliveryReport report = simulator().deliver(route.uri, Samples.vaani().callStarted().build());

    assertThat(report.attempts().get(0).responseBody()).hasSize(Attempt.MAX_RESPONSE_BODY);
  }

  @Test
  void duplicates_sendTheSameMessageConcurrently() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    Route route =
        receiver.route(
            (request, i) -> {
              maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
              Thread.sleep(150);
              inFlight.decrementAndGet();
              return Reply.of(200);
            });
    SvixSigner signer = SvixSigner.withSecret(SvixSigner.generateSecret());
    Sample sample = Samples.agntix().sessionEnded().signedWith(signer).build();

    List<DeliveryReport> reports =
        simulator()
            .deliverAll(
                route.uri,
                List.of(sample),
                DeliveryOptions.defaults().withCopies(5).withConcurrency(5));

    assertThat(reports).hasSize(5).allSatisfy(r -> assertThat(r.delivered()).isTrue());
    assertThat(route.received()).hasSize(5);
    assertThat(route.received()).allSatisfy(r -> assertThat(r.body()).isEqualTo(sample.body()));
    assertThat(route.received())
        .extracting(r -> r.headers().first("svix-id"))
        .containsOnly(sample.messageId());
    assertThat(maxInFlight.get()).isGreaterThan(1);
  }

  @Test
  void duplicates_sequentialCopiesFollowTheirOriginal() {
    Route route = receiver.route((request, i) -> Reply.of(200));
    List<Sample> call = Samples.vaani().lifecycle("room_7", VaaniSamples.Direction.INBOUND);

    List<DeliveryReport> reports =
        simulator().deliverAll(route.uri, call, DeliveryOptions.defaults().withCopies(2));

    assertThat(route.received())
        .extracting(r -> TestJson.parse(r.body()).get("event").asText())
        .containsExactly(
            "call_started",
            "call_started",
            "user_picked_up_at",
            "user_picked_up_at",
            "call_ended",
            "call_ended",
            "call_postprocessing",
            "call_postprocessing");
    assertThat(reports).hasSize(8);
  }

  @Test
  void outOfOrder_seededShuffleIsDeterministic() {
    List<Sample> call = Samples.vaani().lifecycle("room_1", VaaniSamples.Direction.OUTBOUND);
    List<Sample> expected = new ArrayList<>(call);
    Collections.shuffle(expected, new Random(42));
    Route first = receiver.route((request, i) -> Reply.of(200));
    Route second = receiver.route((request, i) -> Reply.of(200));
    DeliveryOptions shuffled = DeliveryOptions.defaults().withShuffle(42);

    List<DeliveryReport> reports = simulator().deliverAll(first.uri, call, shuffled);
    simulator().deliverAll(second.uri, call, shuffled);

    List<String> order = eventOrder(first);
    assertThat(order).isEqualTo(eventOrder(second));
    assertThat(order).isNotEqualTo(call.stream().map(Sample::eventType).toList());
    assertThat(order).isEqualTo(expected.stream().map(Sample::eventType).toList());
    assertThat(reports).extracting(r -> r.sample().eventType()).isEqualTo(order);
  }

  @Test
  void deliverAll_withPolicyOverride_appliesItToEverySample() {
    Route route = receiver.route((request, i) -> Reply.of(500));

    List<DeliveryReport> reports =
        simulator()
            .deliverAll(
                route.uri,
                List.of(
                    Samples.agni().callCompleted().build(),
                    Samples.agntix().sessionCreated().build()),
                DeliveryOptions.defaults().withPolicy(DeliveryPolicy.cllr()));

    assertThat(reports).extracting(DeliveryReport::outcome).containsOnly(Outcome.NOT_RETRIED);
    assertThat(route.received()).hasSize(2);
  }

  @Test
  void policies_matchTheProviderDocumentation() {
    assertThat(DeliveryPolicy.agni().timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(DeliveryPolicy.agni().retries())
        .containsExactly(
            Duration.ofSeconds(30),
            Duration.ofMinutes(2),
            Duration.ofMinutes(10),
            Duration.ofHours(1),
            Duration.ofHours(6));
    assertThat(DeliveryPolicy.agni().pauseAfter()).isEqualTo(5);
    assertThat(DeliveryPolicy.agntix().timeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(DeliveryPolicy.agntix().retryWindow()).isEqualTo(Duration.ofHours(24));
    assertThat(DeliveryPolicy.agntix().retries()).hasSize(7);
    assertThat(DeliveryPolicy.cllr().timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(DeliveryPolicy.cllr().retries()).isEmpty();
    assertThat(DeliveryPolicy.vaani().retries()).isEmpty();
    for (Provider provider : Provider.values()) {
      assertThat(DeliveryPolicy.forProvider(provider).provider()).isEqualTo(provider);
      assertThat(DeliveryPolicy.forProvider(provider).userAgent()).contains(provider.displayName());
    }
    assertThatThrownBy(() -> DeliveryPolicy.cllr().withTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout");
  }

  private static List<String> eventOrder(Route route) {
    return route.received().stream()
        .map(r -> TestJson.parse(r.body()).get("event").asText())
        .toList();
  }

  /** Real time plus one second per reading, so that consecutive attempts carry new timestamps. */
  private static final class TickingClock extends Clock {
    private final Instant base = Instant.now();
    private final AtomicInteger readings = new AtomicInteger();

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return base.plusSeconds(readings.getAndIncrement());
    }
  }
}
