package io.voicehooks.examples.spring;

import io.voicehooks.agntix.AgntixEventListener;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.agntix.SessionEndedEvent;
import io.voicehooks.core.CallSummary;
import io.voicehooks.core.SharedSecretVerifier;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.vaani.CallEndedEvent;
import io.voicehooks.vaani.VaaniEventListener;
import io.voicehooks.vaani.VaaniWebhookParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot 3 application receiving Agntix webhooks at {@code POST /webhooks/agntix} through
 * {@link AgntixWebhookController}, and Vaani webhooks at {@code POST
 * /webhooks/vaani?token=<secret>} through {@link VaaniWebhookController}. The Agntix signing secret
 * comes from {@code AGNTIX_WEBHOOK_SECRET}, the Vaani URL secret from {@code VAANI_URL_SECRET}
 * (comma-separated to accept several while rotating), each an environment variable or any Spring
 * property source.
 *
 * <p>Run it with Spring Boot on the class path (it is not in the runnable jar): {@code
 * AGNTIX_WEBHOOK_SECRET=whsec_... VAANI_URL_SECRET=$(head -c 32 /dev/urandom | base64 | tr '+/'
 * '-_' | tr -d '=') java -cp <your classpath> io.voicehooks.examples.spring.WebhookApplication}.
 */
@SpringBootApplication
public class WebhookApplication {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookApplication.class);

  /** The listener: replace the body with your own processing. */
  @Bean
  AgntixEventListener agntixListener() {
    return new AgntixEventListener() {
      @Override
      public void onSessionEnded(SessionEndedEvent event) {
        CallSummary call = event.callSummary();
        LOG.info(
            "Agntix session {} ended after {}, resolution {}",
            call.callId(),
            call.duration(),
            call.businessOutcome());
      }
    };
  }

  /** One handler, shared by every request; Spring closes it on shutdown. */
  @Bean
  WebhookHandler agntixWebhookHandler(
      @Value("${AGNTIX_WEBHOOK_SECRET}") String secret, AgntixEventListener agntixListener) {
    return AgntixWebhookParser.create(secret).handler(agntixListener);
  }

  /** The Vaani listener: replace the body with your own processing. */
  @Bean
  VaaniEventListener vaaniListener() {
    return new VaaniEventListener() {
      @Override
      public void onCallEnded(CallEndedEvent event) {
        LOG.info("Vaani call {} ended after {}", event.roomName(), event.callDuration());
      }
    };
  }

  /**
   * The Vaani handler: Vaani takes only a URL, so the secret is its {@code token} parameter. Rotate
   * by accepting old and new ({@code VAANI_URL_SECRET=old,new}), changing the URL in Vaani's
   * settings, then dropping the old.
   */
  @Bean
  WebhookHandler vaaniWebhookHandler(
      @Value("${VAANI_URL_SECRET}") String[] secrets, VaaniEventListener vaaniListener) {
    VaaniWebhookParser parser =
        VaaniWebhookParser.builder()
            .verifier(SharedSecretVerifier.queryParameter("token", secrets))
            .build();
    return WebhookHandler.builder(parser).listener(vaaniListener).build();
  }

  /**
   * Starts the application.
   *
   * @param args Spring Boot's arguments, such as {@code --server.port=8080}
   */
  public static void main(String[] args) {
    SpringApplication.run(WebhookApplication.class, args);
  }
}
