package io.voicehooks.examples.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.agntix.AgntixEvent;
import io.voicehooks.agntix.AgntixEventListener;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.cllr.CllrWebhookParser;
import io.voicehooks.core.SharedSecretVerifier;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.testing.DeliveryReport;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import io.voicehooks.testing.SvixSigner;
import io.voicehooks.testing.WebhookSimulator;
import io.voicehooks.vaani.VaaniWebhookParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link WebhookServlet} on embedded Jetty 12, over real HTTP on the loopback interface. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class WebhookServletTest {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static final String VAANI_SECRET = "Sv1-_aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ";
  private static final String CLLR_SECRET = "Sc1-_zY2xW3vU4tS5rQ6pO7nM8lK9jI0hG1fE2dC3bA";

  private final List<AgntixEvent> received = new CopyOnWriteArrayList<>();
  private final List<WebhookEvent> urlAuthenticated = new CopyOnWriteArrayList<>();
  private Server jetty;
  private URI endpoint;
  private String base;

  @BeforeEach
  void start() throws Exception {
    AgntixEventListener listener =
        new AgntixEventListener() {
          @Override
          public void accept(AgntixEvent event) {
            received.add(event);
          }
        };
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    WebhookServlet servlet =
        new WebhookServlet(AgntixWebhookParser.create(SECRET).handler(listener));
    context.addServlet(new ServletHolder(servlet), "/webhooks/agntix");
    // Vaani and cllr take only a URL: the secret rides in its query, or in its last segment.
    WebhookHandler vaani =
        WebhookHandler.builder(VaaniWebhookParser.create())
            .verifier(SharedSecretVerifier.queryParameter("token", "old-vaani", VAANI_SECRET))
            .listener(urlAuthenticated::add)
            .build();
    WebhookHandler cllr =
        WebhookHandler.builder(CllrWebhookParser.create())
            .verifier(SharedSecretVerifier.lastPathSegment(CLLR_SECRET))
            .listener(urlAuthenticated::add)
            .build();
    context.addServlet(new ServletHolder(new WebhookServlet(vaani)), "/webhooks/vaani");
    context.addServlet(new ServletHolder(new WebhookServlet(cllr)), "/webhooks/cllr/*");
    jetty.setHandler(context);
    jetty.start();
    base = "http://127.0.0.1:" + connector.getLocalPort();
    endpoint = URI.create(base + "/webhooks/agntix");
  }

  @AfterEach
  void stop() throws Exception {
    jetty.stop();
  }

  private HttpResponse<String> post(Sample sample) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(sample.body()));
    sample
        .headers()
        .asMap()
        .forEach((name, values) -> values.forEach(v -> request.header(name, v)));
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void signedDelivery_answers200_andReachesTheListener() throws Exception {
    Sample delivery =
        Samples.agntix().sessionEnded().signedWith(SvixSigner.withSecret(SECRET)).build();

    HttpResponse<String> answer = post(delivery);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    assertThat(answer.body()).isEqualTo("{\"status\":\"ok\"}");
    assertThat(received)
        .extracting(AgntixEvent::idempotencyKey)
        .containsExactly(delivery.idempotencyKey());
  }

  @Test
  void badSignature_answers401_andDispatchesNothing() throws Exception {
    Sample forged =
        Samples.agntix()
            .sessionEnded()
            .signedWith(SvixSigner.withSecret(SvixSigner.generateSecret()))
            .build();

    HttpResponse<String> answer = post(forged);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("signature");
    assertThat(received).isEmpty();
  }

  @Test
  void duplicate_answers200_withoutASecondDispatch() throws Exception {
    Sample delivery =
        Samples.agntix().sessionCreated().signedWith(SvixSigner.withSecret(SECRET)).build();

    HttpResponse<String> first = post(delivery);
    HttpResponse<String> second = post(delivery);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo("{\"status\":\"duplicate\"}");
    assertThat(received).hasSize(1);
  }

  @Test
  void urlSecretInQuery_rightRotatedWrongMissing() throws Exception {
    WebhookSimulator simulator = WebhookSimulator.create();
    Sample first = Samples.vaani().callEnded().roomName("servlet-1").build();
    Sample second = Samples.vaani().callEnded().roomName("servlet-2").build();

    DeliveryReport right =
        simulator.deliver(URI.create(base + "/webhooks/vaani?token=" + VAANI_SECRET), first);
    DeliveryReport rotated =
        simulator.deliver(URI.create(base + "/webhooks/vaani?token=old-vaani"), second);
    List<DeliveryReport> refused = new ArrayList<>();
    for (String query :
        List.of(
            "?token=" + CLLR_SECRET,
            "",
            "?token=" + VAANI_SECRET + "&token=" + VAANI_SECRET,
            "?token=" + VAANI_SECRET.toLowerCase(Locale.ROOT))) {
      refused.add(
          simulator.deliver(
              URI.create(base + "/webhooks/vaani" + query),
              Samples.vaani().callEnded().roomName("refused").build()));
    }

    assertThat(right.delivered()).isTrue();
    assertThat(rotated.delivered()).isTrue();
    assertThat(refused)
        .allSatisfy(r -> assertThat(r.lastAttempt().status()).isEqualTo(401))
        .allSatisfy(r -> assertThat(r.lastAttempt().responseBody()).doesNotContain(VAANI_SECRET));
    assertThat(urlAuthenticated)
        .extracting(WebhookEvent::idempotencyKey)
        .containsExactly(first.idempotencyKey(), second.idempotencyKey());
  }

  @Test
  void urlSecretInLastPathSegment_rightWrongMissing() throws Exception {
    WebhookSimulator simulator = WebhookSimulator.create();
    Sample call = Samples.cllr().postCall().callId("servlet-path").build();

    DeliveryReport right =
        simulator.deliver(URI.create(base + "/webhooks/cllr/" + CLLR_SECRET), call);
    DeliveryReport wrong =
        simulator.deliver(URI.create(base + "/webhooks/cllr/" + VAANI_SECRET), call);
    DeliveryReport missing = simulator.deliver(URI.create(base + "/webhooks/cllr/"), call);
    DeliveryReport inQuery =
        simulator.deliver(URI.create(base + "/webhooks/cllr?token=" + CLLR_SECRET), call);

    assertThat(right.delivered()).isTrue();
    assertThat(List.of(wrong, missing, inQuery))
        .extracting(r -> r.lastAttempt().status())
        .containsOnly(401);
    assertThat(urlAuthenticated)
        .extracting(WebhookEvent::idempotencyKey)
        .containsExactly(call.idempotencyKey());
  }
}
