package io.voicehooks.examples.servlet;

import io.voicehooks.agni.AgniWebhookParser;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.cllr.CllrWebhookParser;
import io.voicehooks.core.SharedSecretVerifier;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.servlet.WebhookServlet;
import io.voicehooks.vaani.VaaniWebhookParser;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives all four providers in any Jakarta Servlet 6 container, one {@link WebhookServlet} per
 * provider whose setting is present: {@code AGNI_ORG_ID}, {@code VAANI_URL_SECRET}, {@code
 * AGNTIX_WEBHOOK_SECRET}, {@code CLLR_URL_SECRET}. In a WAR, name this class in {@code
 * META-INF/services/jakarta.servlet.ServletContainerInitializer}; embedded, hand it to the
 * container (Jetty: {@code context.addServletContainerInitializer(new WebhookServlets(...))}).
 *
 * <p>Vaani and cllr take only a URL, so their secret is its {@code token} parameter: give them
 * {@code https://<host>/webhooks/vaani?token=<secret>}.
 */
public final class WebhookServlets implements ServletContainerInitializer {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookServlets.class);

  private final Map<String, String> settings;
  private final Consumer<WebhookEvent> listener;

  /** Reads the settings from the environment and logs each event's provider and type. */
  public WebhookServlets() {
    this(System.getenv(), event -> LOG.info("{} {}", event.provider(), event.eventType()));
  }

  /**
   * Creates the initializer.
   *
   * @param settings the settings, by the environment variable names above
   * @param listener receives every provider's events; replace it with your processing
   */
  public WebhookServlets(Map<String, String> settings, Consumer<WebhookEvent> listener) {
    this.settings = Map.copyOf(settings);
    this.listener = Objects.requireNonNull(listener, "listener == null");
  }

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    String orgId = settings.get("AGNI_ORG_ID");
    if (orgId != null) {
      add(context, "agni", AgniWebhookParser.builder().expectedOrgId(orgId).build());
    }
    String vaani = settings.get("VAANI_URL_SECRET");
    if (vaani != null) {
      add(context, "vaani", VaaniWebhookParser.builder().verifier(token(vaani)).build());
    }
    String agntix = settings.get("AGNTIX_WEBHOOK_SECRET");
    if (agntix != null) {
      add(context, "agntix", AgntixWebhookParser.create(agntix));
    }
    String cllr = settings.get("CLLR_URL_SECRET");
    if (cllr != null) {
      add(context, "cllr", CllrWebhookParser.builder().verifier(token(cllr)).build());
    }
  }

  private static SharedSecretVerifier token(String secrets) {
    return SharedSecretVerifier.queryParameter("token", secrets.split(","));
  }

  private void add(ServletContext context, String provider, WebhookParser<?> parser) {
    WebhookHandler handler = WebhookHandler.builder(parser).listener(listener).build();
    context
        .addServlet(provider + "Webhooks", new WebhookServlet(handler))
        .addMapping("/webhooks/" + provider);
  }
}
