package io.voicehooks.examples.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.core.WebhookEvent;
import io.voicehooks.testing.AgniSamples;
import io.voicehooks.testing.Attempt;
import io.voicehooks.testing.DeliveryPolicy;
import io.voicehooks.testing.Provider;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import io.voicehooks.testing.SvixSigner;
import io.voicehooks.testing.WebhookSimulator;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link WebhookServlets} in embedded Jetty 12 (ee10), over real HTTP on 127.0.0.1. */
@Timeout(60)
class WebhookServletsTest {
  private static final String AGNTIX_SECRET = SvixSigner.generateSecret();

  private final List<WebhookEvent> received = new CopyOnWriteArrayList<>();
  private final WebhookSimulator simulator = WebhookSimulator.create();
  private Server jetty;
  private int port;

  private void start(Map<String, String> settings) throws Exception {
    ServletContextHandler context = new ServletContextHandler();
    context.addServletContainerInitializer(new WebhookServlets(settings, received::add));
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    jetty.addConnector(connector);
    jetty.setHandler(context);
    jetty.start();
    port = connector.getLocalPort();
  }

  @AfterEach
  void stop() throws Exception {
    if (jetty != null) {
      jetty.stop();
    }
  }

  private int status(String path, Sample sample) {
    DeliveryPolicy once = DeliveryPolicy.forProvider(sample.provider()).withoutRetries();
    List<Attempt> attempts =
        simulator.deliver(URI.create("http://127.0.0.1:" + port + path), sample, once).attempts();
    return attempts.get(attempts.size() - 1).status();
  }

  private static String path(Provider provider) {
    return switch (provider) {
      case AGNI -> "/webhooks/agni";
      case VAANI -> "/webhooks/vaani?token=vaani-new";
      case AGNTIX -> "/webhooks/agntix";
      case CLLR -> "/webhooks/cllr?token=cllr-secret";
    };
  }

  @Test
  void everySampleOfEveryProviderReachesTheListenerOnce() throws Exception {
    start(
        Map.of(
            "AGNI_ORG_ID",
            AgniSamples.DEFAULT_ORG_ID,
            "VAANI_URL_SECRET",
            "vaani-old,vaani-new",
            "AGNTIX_WEBHOOK_SECRET",
            AGNTIX_SECRET,
            "CLLR_URL_SECRET",
            "cllr-secret"));

    for (Sample sample : Samples.all()) {
      Sample signed =
          sample.provider() == Provider.AGNTIX
              ? sample.signedWith(SvixSigner.withSecret(AGNTIX_SECRET))
              : sample;
      assertThat(status(path(signed.provider()), signed)).as(signed.toString()).isEqualTo(200);
      assertThat(status(path(signed.provider()), signed)).as("again").isEqualTo(200);
    }

    assertThat(received.stream().map(WebhookEvent::idempotencyKey).collect(Collectors.toList()))
        .containsExactlyElementsOf(
            Samples.all().stream().map(Sample::idempotencyKey).collect(Collectors.toList()));
  }

  @Test
  void aWrongSecretIsRefusedAndAProviderWithoutSettingsHasNoEndpoint() throws Exception {
    start(Map.of("VAANI_URL_SECRET", "vaani-secret"));
    Sample vaani = Samples.vaani().callStarted().build();
    Sample agntix =
        Samples.agntix().sessionEnded().signedWith(SvixSigner.withSecret(AGNTIX_SECRET)).build();

    assertThat(status("/webhooks/vaani?token=wrong", vaani)).isEqualTo(401);
    // No servlet at that path: Jetty's default servlet, which serves no POST, answers 405.
    assertThat(status("/webhooks/agntix", agntix)).isEqualTo(405);
    assertThat(received).isEmpty();
    assertThat(status("/webhooks/vaani?token=vaani-secret", vaani)).isEqualTo(200);
    assertThat(received).hasSize(1);
  }
}
