package io.voicehooks.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.agntix.AgntixEvent;
import io.voicehooks.agntix.AgntixEventListener;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import io.voicehooks.testing.SvixSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.convention.TestBean;

/** {@link WebhookApplication} on a real port, over real HTTP on the loopback interface. */
@SpringBootTest(
    classes = WebhookApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "AGNTIX_WEBHOOK_SECRET=" + AgntixWebhookControllerTest.SECRET,
      "VAANI_URL_SECRET=" + VaaniWebhookControllerTest.SECRET,
      "server.address=127.0.0.1"
    })
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class AgntixWebhookControllerTest {
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final List<AgntixEvent> RECEIVED = new CopyOnWriteArrayList<>();

  @LocalServerPort int port;

  /** Replaces the application's listener with one that records what it receives. */
  @TestBean(name = "agntixListener")
  AgntixEventListener agntixListener;

  static AgntixEventListener agntixListener() {
    return new AgntixEventListener() {
      @Override
      public void accept(AgntixEvent event) {
        RECEIVED.add(event);
      }
    };
  }

  private HttpResponse<String> post(Sample sample) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/agntix"))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(sample.body()));
    sample
        .headers()
        .asMap()
        .forEach((name, values) -> values.forEach(v -> request.header(name, v)));
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long receivedWithKey(String key) {
    return RECEIVED.stream().filter(e -> e.idempotencyKey().equals(key)).count();
  }

  @Test
  void signedDelivery_answers200_andReachesTheListener() throws Exception {
    Sample delivery =
        Samples.agntix()
            .sessionEnded()
            .sessionId(UUID.randomUUID().toString())
            .signedWith(SvixSigner.withSecret(SECRET))
            .build();

    HttpResponse<String> answer = post(delivery);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(answer.body()).isEqualTo("{\"status\":\"ok\"}");
    assertThat(receivedWithKey(delivery.idempotencyKey())).isEqualTo(1);
  }

  @Test
  void badSignature_answers401_andDispatchesNothing() throws Exception {
    Sample forged =
        Samples.agntix()
            .sessionEnded()
            .sessionId(UUID.randomUUID().toString())
            .signedWith(SvixSigner.withSecret(SvixSigner.generateSecret()))
            .build();

    HttpResponse<String> answer = post(forged);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("signature");
    assertThat(receivedWithKey(forged.idempotencyKey())).isZero();
  }

  @Test
  void duplicate_answers200_withoutASecondDispatch() throws Exception {
    Sample delivery =
        Samples.agntix()
            .sessionCreated()
            .sessionId(UUID.randomUUID().toString())
            .signedWith(SvixSigner.withSecret(SECRET))
            .build();

    HttpResponse<String> first = post(delivery);
    HttpResponse<String> second = post(delivery);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo("{\"status\":\"duplicate\"}");
    assertThat(receivedWithKey(delivery.idempotencyKey())).isEqualTo(1);
  }
}
