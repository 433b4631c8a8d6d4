package io.voicehooks.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.voicehooks.cllr.CllrWebhookParser;
import io.voicehooks.core.SharedSecretVerifier;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.core.WebhookVerificationException;
import io.voicehooks.testing.DeliveryReport;
import io.voicehooks.testing.Samples;
import io.voicehooks.testing.WebhookSimulator;
import io.voicehooks.vaani.VaaniWebhookParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Proves that a secret carried in the URL (a query parameter or the last path segment, the only
 * place Vaani and cllr can carry one) reaches no log line at any level, no exception message, no
 * response body and no {@code toString()}, whether the delivery is right, wrong, duplicated,
 * malformed or arrives without a target; in process and over real HTTP from the simulator.
 */
final class UrlSecretPrivacyTest {
  private static final String SECRET = "UrlSECRET-q8V3rT0aZ9xY7wK2mN4pL6jH1gF5dS8c";
  private static final String OLD = "UrlOLDSECRET-77b";
  private static final String GUESS = "UrlGUESS-almost-" + SECRET.substring(10);
  private static final List<String> FORBIDDEN =
      List.of(SECRET, OLD, GUESS, SECRET.substring(0, 20), "UrlSECRET", "UrlOLDSECRET");

  private static final List<String> TARGETS =
      List.of(
          "/hooks/vaani?token=" + GUESS,
          "/hooks/vaani?token=" + SECRET + "&token=" + OLD,
          "/hooks/vaani?token=" + SECRET + "%zz",
          "/hooks/vaani?to%6Ben=" + SECRET + "&token=" + SECRET,
          "/hooks/vaani?token=" + SECRET + "%",
          "/hooks/vaani?token=" + SECRET + " " + GUESS,
          "/hooks/vaani?tok=" + SECRET,
          "https://example.com/hooks/vaani?token=" + GUESS + "#" + SECRET,
          "/hooks/" + SECRET + "/vaani",
          "/hooks/vaani/" + GUESS,
          "/hooks/vaani/" + SECRET + "/",
          "/hooks/vaani/" + SECRET + "%G1",
          SECRET);

  @Test
  void refusedUrlSecrets_leakIntoNoLogMessageResponseOrToString() {
    byte[] body = Payloads.utf8(SecretsAndPrivacyTest.VAANI_PII);
    List<SharedSecretVerifier> verifiers =
        List.of(
            SharedSecretVerifier.queryParameter("token", OLD, SECRET),
            SharedSecretVerifier.lastPathSegment(OLD, SECRET));
    List<String> texts = new ArrayList<>();
    int refusals = 0;

    LogCapture.start();
    for (SharedSecretVerifier verifier : verifiers) {
      texts.add(verifier.toString());
      WebhookHandler handler =
          WebhookHandler.builder(VaaniWebhookParser.create())
              .verifier(verifier)
              .listener(e -> {})
              .build();
      for (String target : TARGETS) {
        WebhookRequest request = WebhookRequest.of(target, WebhookHeaders.empty(), body);
        texts.add(request.toString());
        WebhookResponse answer = handler.handle(request);
        assertThat(answer.status()).as(verifier + " " + answer).isEqualTo(401);
        texts.add(answer.body());
        WebhookResponse streamed =
            handler.handle(target, WebhookHeaders.empty(), new ByteArrayInputStream(body));
        assertThat(streamed.status()).isEqualTo(401);
        texts.add(streamed.body());
        try {
          verifier.verify(request);
          fail("accepted " + request);
        } catch (WebhookVerificationException e) {
          refusals++;
          texts.add(LogCapture.describe(e) + "\n" + e);
        }
      }
      // No target at all (an adapter that passes none): refused, and logged as a warning.
      WebhookRequest unknown = WebhookRequest.of(WebhookHeaders.of("token", SECRET), body);
      texts.add(unknown.toString());
      texts.add(handler.handle(unknown).body());
    }
    List<LogCapture.Entry> logs = LogCapture.stop();
    logs.forEach(entry -> texts.add(entry.text()));

    assertThat(refusals).isEqualTo(verifiers.size() * TARGETS.size());
    assertThat(logs)
        .filteredOn(e -> e.message().startsWith("Rejected delivery: Missing request target"))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.level().toString()).isEqualTo("WARN"));
    assertThat(logs).hasSizeGreaterThanOrEqualTo(verifiers.size() * TARGETS.size() * 2);
    assertNoSecretIn(texts);
  }

  @Test
  void acceptedUrlSecret_overRealHttp_leaksIntoNoLogOrAnswer() throws IOException {
    WebhookHandler vaani =
        WebhookHandler.builder(VaaniWebhookParser.create())
            .verifier(SharedSecretVerifier.queryParameter("token", OLD, SECRET))
            .listener(e -> {})
            .build();
    WebhookHandler cllr =
        WebhookHandler.builder(CllrWebhookParser.create())
            .verifier(SharedSecretVerifier.lastPathSegment(SECRET))
            .listener(
                e -> {
                  throw new IllegalStateException("listener failed");
                })
            .build();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    server.setExecutor(threads);
    server.createContext("/hooks/vaani", exchange -> serve(exchange, vaani));
    server.createContext("/hooks/cllr/", exchange -> serve(exchange, cllr));
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    List<String> texts = new ArrayList<>();
    WebhookSimulator simulator = WebhookSimulator.create();
    List<DeliveryReport> reports = new ArrayList<>();

    LogCapture.start();
    try {
      reports.add(
          simulator.deliver(
              URI.create(base + "/hooks/vaani?token=" + SECRET),
              Samples.vaani().callEnded().build()));
      reports.add(
          simulator.deliver(
              URI.create(base + "/hooks/vaani?token=" + OLD),
              Samples.vaani().callStarted().build()));
      reports.add(
          simulator.deliver(
              URI.create(base + "/hooks/vaani?token=" + GUESS),
              Samples.vaani().callRinging().build()));
      reports.add(
          simulator.deliver(
              URI.create(base + "/hooks/cllr/" + SECRET), Samples.cllr().postCall().build()));
    } finally {
      server.stop(0);
      threads.shutdownNow();
    }
    List<LogCapture.Entry> logs = LogCapture.stop();
    logs.forEach(entry -> texts.add(entry.text()));
    reports.forEach(r -> r.attempts().forEach(a -> texts.add(a.responseBody())));

    assertThat(reports)
        .extracting(r -> r.lastAttempt().status())
        .containsExactly(200, 200, 401, 500);
    assertThat(logs).anySatisfy(e -> assertThat(e.message()).contains("Listener failed"));
    assertNoSecretIn(texts);
  }

  /** A minimal adapter: the raw path and query, as the JDK server received them. */
  private static void serve(HttpExchange exchange, WebhookHandler handler) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      URI uri = exchange.getRequestURI();
      String target =
          uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
      WebhookResponse answer =
          handler.handle(target, WebhookHeaders.of(exchange.getRequestHeaders()), in);
      byte[] bytes = answer.bodyBytes();
      exchange.getResponseHeaders().add("Content-Type", answer.contentType());
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static void assertNoSecretIn(List<String> texts) {
    assertThat(texts).isNotEmpty();
    for (String text : texts) {
      for (String forbidden : FORBIDDEN) {
        if (text.contains(forbidden)) {
          fail("'" + forbidden + "' leaked into:\n" + text);
        }
      }
    }
  }
}
