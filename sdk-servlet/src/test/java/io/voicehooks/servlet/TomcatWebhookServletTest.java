package io.voicehooks.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.servlet.RawHttp.Answer;
import io.voicehooks.servlet.RawHttp.Closing;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link WebhookServlet} on embedded Tomcat 11 with its defaults but the idle timeout ({@code
 * connectionTimeout}) and {@code continueResponseTiming="onRead"}; and what Tomcat does on its own.
 */
@Tag("tomcat") // run without jakarta.servlet-api 6.0 on the class path (see the pom)
final class TomcatWebhookServletTest extends WebhookServletContract {
  @Override
  ServletContainer newContainer() {
    return TomcatContainer.recommended();
  }

  @Test
  void byDefault_tomcatSends100ContinueBeforeTheServletRuns_soTheRefusedClientIsInvited()
      throws Exception {
    ServletContainer defaults = TomcatContainer.withDefaults();
    WebhookServlet servlet =
        new WebhookServlet(
            WebhookHandler.builder(AgntixWebhookParser.create(AGNTIX_SECRET))
                .listener(event -> {})
                .build());
    try {
      int port = defaults.start(Map.of("/webhooks/agntix", servlet), IDLE_TIMEOUT);
      RawHttp client = connect(port);

      client.write(RawHttp.head("POST", "/webhooks/agntix", 6 * MIB, "Expect: 100-continue"));
      Answer first = client.read();
      Answer second = client.read();

      // continueResponseTiming="immediately": the servlet cannot prevent this; "onRead" does.
      assertThat(first.status()).isEqualTo(100);
      assertThat(second.status()).isEqualTo(413);
      assertThat(second.body()).isEqualTo(OVERSIZED);
      assertThat(client.awaitClose()).isNotEqualTo(Closing.STILL_OPEN);
    } finally {
      defaults.stop();
    }
  }

  @Test
  void stop_leavesAServletThatNeverServedUndestroyed_soItsHandlerIsNotClosed() throws Exception {
    WebhookServlet used = servlet("/webhooks/agni");
    WebhookServlet unused = servlet("/webhooks/vaani");
    assertThat(connect().exchange("GET", "/webhooks/agni").status()).isEqualTo(405);

    stopContainer();

    // Tomcat destroys only the servlets it initialised (at their first request, or
    // load-on-startup).
    assertThat(isClosed(used)).isTrue();
    assertThat(isClosed(unused)).isFalse();
  }

  @Test
  void stop_destroysAServletLoadedOnStartup_evenIfItNeverServed() throws Exception {
    ServletContainer loading = TomcatContainer.recommended().loadingOnStartup();
    WebhookServlet unused =
        new WebhookServlet(
            WebhookHandler.builder(AgntixWebhookParser.create(AGNTIX_SECRET))
                .listener(event -> {})
                .build());
    try {
      loading.start(Map.of("/webhooks/agntix", unused), IDLE_TIMEOUT);
    } finally {
      loading.stop();
    }

    assertThat(isClosed(unused)).isTrue();
  }
}
