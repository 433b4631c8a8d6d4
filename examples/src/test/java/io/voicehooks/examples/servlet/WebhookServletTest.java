package io.voicehooks.examples.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.agntix.AgntixEvent;
import io.voicehooks.agntix.AgntixEventListener;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import io.voicehooks.testing.SvixSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
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

  private final List<AgntixEvent> received = new CopyOnWriteArrayList<>();
  private Server jetty;
  private URI endpoint;

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
    jetty.setHandler(context);
    jetty.start();
    endpoint = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/webhooks/agntix");
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
}
