package io.voicehooks.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.testing.Attempt;
import io.voicehooks.testing.DeliveryPolicy;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import io.voicehooks.testing.WebhookSimulator;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Shared secrets in headers, over real HTTP on embedded Tomcat: Vaani with a bearer token, cllr
 * with a header of its own, as a proxy in front of the receiver would add them.
 */
@SpringBootTest(
    classes = SharedSecretHeadersHttpTest.ReceiverApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "voicehooks.vaani.shared-secret=vaani-token",
      "voicehooks.vaani.shared-secret-scheme=bearer",
      "voicehooks.cllr.shared-secret=cllr-token",
      "voicehooks.cllr.shared-secret-scheme=header",
      "voicehooks.cllr.shared-secret-header=X-Cllr-Token"
    })
@Timeout(60)
class SharedSecretHeadersHttpTest {
  @SpringBootConfiguration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(Received.Listeners.class)
  static class ReceiverApplication {}

  @LocalServerPort int port;
  @Autowired Received received;

  private final WebhookSimulator simulator = WebhookSimulator.create();

  int status(String path, Sample sample) {
    URI target = URI.create("http://127.0.0.1:" + port + path);
    DeliveryPolicy once = DeliveryPolicy.forProvider(sample.provider()).withoutRetries();
    return simulator.deliver(target, sample, once).attempts().stream()
        .mapToInt(Attempt::status)
        .reduce((first, last) -> last)
        .orElseThrow();
  }

  @Test
  void aBearerSchemeProviderRefusesADeliveryWithoutTheBearerAndAcceptsItWithIt() {
    Sample sample = Samples.vaani().callStarted().roomName("room-" + UUID.randomUUID()).build();

    assertThat(status("/webhooks/vaani?token=vaani-token", sample)).isEqualTo(401);
    assertThat(status("/webhooks/vaani", sample.withHeader("Authorization", "Bearer wrong")))
        .isEqualTo(401);
    assertThat(received.listenerBeans(sample.idempotencyKey())).isZero();

    assertThat(status("/webhooks/vaani", sample.withHeader("Authorization", "Bearer vaani-token")))
        .isEqualTo(200);
    assertThat(received.listenerBeans(sample.idempotencyKey())).isEqualTo(1);
  }

  @Test
  void aHeaderSchemeProviderReadsItsOwnHeader() {
    Sample sample = Samples.cllr().postCall().callId("c" + UUID.randomUUID()).build();

    assertThat(status("/webhooks/cllr", sample.withHeader("X-Webhook-Secret", "cllr-token")))
        .isEqualTo(401);
    assertThat(received.listenerBeans(sample.idempotencyKey())).isZero();

    assertThat(status("/webhooks/cllr", sample.withHeader("X-Cllr-Token", "cllr-token")))
        .isEqualTo(200);
    assertThat(received.listenerBeans(sample.idempotencyKey())).isEqualTo(1);
  }

  @Test
  void providersWithoutSettingsHaveNoEndpoint() {
    Sample sample =
        Samples.agni().callCompleted().callSessionId(UUID.randomUUID().toString()).build();

    // Spring MVC's own 404: no VoiceHooks servlet is mapped at Agni's default path.
    assertThat(status("/webhooks/agni", sample)).isEqualTo(404);
  }
}
