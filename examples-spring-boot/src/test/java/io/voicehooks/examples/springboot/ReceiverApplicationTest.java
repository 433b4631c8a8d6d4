package io.voicehooks.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.testing.AgniSamples;
import io.voicehooks.testing.AgntixSamples;
import io.voicehooks.testing.Attempt;
import io.voicehooks.testing.CllrSamples;
import io.voicehooks.testing.DeliveryPolicy;
import io.voicehooks.testing.Provider;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import io.voicehooks.testing.SvixSigner;
import io.voicehooks.testing.VaaniSamples;
import io.voicehooks.testing.WebhookSimulator;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The example as shipped (its {@code application.yml}, its listener methods) on a random port, with
 * the settings its environment variables would give, fed every documented sample of the four
 * providers over HTTP by the delivery simulator.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "AGNI_ORG_ID=" + AgniSamples.DEFAULT_ORG_ID,
      "VAANI_URL_SECRET=vaani-secret",
      "AGNTIX_WEBHOOK_SECRET=" + ReceiverApplicationTest.AGNTIX_SECRET,
      "CLLR_URL_SECRET=cllr-secret"
    })
@ExtendWith(OutputCaptureExtension.class)
@Timeout(60)
class ReceiverApplicationTest {
  static final String AGNTIX_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  @LocalServerPort int port;

  private final WebhookSimulator simulator = WebhookSimulator.create();

  private int deliver(String path, Sample sample) {
    DeliveryPolicy once = DeliveryPolicy.forProvider(sample.provider()).withoutRetries();
    List<Attempt> attempts =
        simulator.deliver(URI.create("http://127.0.0.1:" + port + path), sample, once).attempts();
    return attempts.get(attempts.size() - 1).status();
  }

  private static String path(Provider provider) {
    return switch (provider) {
      case AGNI -> "/webhooks/agni";
      case VAANI -> "/webhooks/vaani?token=vaani-secret";
      case AGNTIX -> "/webhooks/agntix";
      case CLLR -> "/webhooks/cllr?token=cllr-secret";
    };
  }

  @Test
  void everyProvidersDeliveriesReachTheApplicationsListeners(CapturedOutput output) {
    for (Sample sample : Samples.all()) {
      Sample signed =
          sample.provider() == Provider.AGNTIX
              ? sample.signedWith(SvixSigner.withSecret(AGNTIX_SECRET))
              : sample;
      assertThat(deliver(path(signed.provider()), signed)).as(signed.toString()).isEqualTo(200);
    }

    // One @EventListener for every provider's finished call, one for an Agntix event.
    assertThat(output)
        .contains("agni call " + AgniSamples.DEFAULT_CALL_SESSION_ID + " ended")
        .contains("vaani call " + VaaniSamples.DEFAULT_ROOM_NAME + " ended")
        .contains("agntix call " + AgntixSamples.DEFAULT_SESSION_ID + " ended")
        .contains("cllr call " + CllrSamples.DEFAULT_CALL_ID + " ended")
        .contains("Agntix session " + AgntixSamples.DEFAULT_SESSION_ID + " ended");
  }

  @Test
  void aDeliveryWithoutTheSecretIsRefused() {
    Sample cllr = Samples.cllr().postCall().callId("not-for-you").build();
    Sample forged =
        Samples.agntix()
            .sessionEnded()
            .signedWith(SvixSigner.withSecret(SvixSigner.generateSecret()))
            .build();

    assertThat(deliver("/webhooks/cllr", cllr)).isEqualTo(401);
    assertThat(deliver("/webhooks/agntix", forged)).isEqualTo(401);
  }
}
