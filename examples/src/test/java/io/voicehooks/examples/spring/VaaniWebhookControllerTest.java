package io.voicehooks.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.testing.DeliveryReport;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import io.voicehooks.testing.WebhookSimulator;
import io.voicehooks.vaani.VaaniEvent;
import io.voicehooks.vaani.VaaniEventListener;
import java.net.URI;
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

/**
 * {@link VaaniWebhookController} in {@link WebhookApplication}, on a real port, fed by the
 * simulator, which like Vaani can only be given a URL.
 */
@SpringBootTest(
    classes = WebhookApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "AGNTIX_WEBHOOK_SECRET=" + AgntixWebhookControllerTest.SECRET,
      "VAANI_URL_SECRET=old-vaani-secret," + VaaniWebhookControllerTest.SECRET,
      "server.address=127.0.0.1"
    })
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class VaaniWebhookControllerTest {
  static final String SECRET = "Sp1-_aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ";
  private static final List<VaaniEvent> RECEIVED = new CopyOnWriteArrayList<>();

  @LocalServerPort int port;

  /** Replaces the application's listener with one that records what it receives. */
  @TestBean(name = "vaaniListener")
  VaaniEventListener vaaniListener;

  static VaaniEventListener vaaniListener() {
    return new VaaniEventListener() {
      @Override
      public void accept(VaaniEvent event) {
        RECEIVED.add(event);
      }
    };
  }

  private DeliveryReport deliver(String query, Sample sample) {
    return WebhookSimulator.create()
        .deliver(URI.create("http://127.0.0.1:" + port + "/webhooks/vaani" + query), sample);
  }

  private static Sample callEnded() {
    return Samples.vaani().callEnded().roomName(UUID.randomUUID().toString()).build();
  }

  private static long receivedWithKey(String key) {
    return RECEIVED.stream().filter(e -> e.idempotencyKey().equals(key)).count();
  }

  @Test
  void rightSecret_answers200_andReachesTheListener() {
    Sample call = callEnded();

    DeliveryReport report = deliver("?token=" + SECRET, call);

    assertThat(report.delivered()).isTrue();
    assertThat(report.lastAttempt().responseBody()).isEqualTo("{\"status\":\"ok\"}");
    assertThat(receivedWithKey(call.idempotencyKey())).isEqualTo(1);
  }

  @Test
  void rotatedSecret_isAcceptedWhileConfigured() {
    Sample call = callEnded();

    assertThat(deliver("?token=old-vaani-secret", call).delivered()).isTrue();
    assertThat(receivedWithKey(call.idempotencyKey())).isEqualTo(1);
  }

  @Test
  void wrongOrMissingSecret_answers401_andDispatchesNothing() {
    Sample call = callEnded();

    List<DeliveryReport> reports =
        List.of(
            deliver("?token=" + SECRET.substring(2), call),
            deliver("", call),
            deliver("?token=" + SECRET + "&token=" + SECRET, call));

    assertThat(reports).extracting(r -> r.lastAttempt().status()).containsOnly(401);
    assertThat(reports.get(0).lastAttempt().responseBody())
        .isEqualTo("{\"error\":\"Wrong credentials in the token query parameter\"}");
    assertThat(reports.get(1).lastAttempt().responseBody())
        .isEqualTo("{\"error\":\"Missing credentials: no token query parameter\"}");
    assertThat(receivedWithKey(call.idempotencyKey())).isZero();
  }
}
