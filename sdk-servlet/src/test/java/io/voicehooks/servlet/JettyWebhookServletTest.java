package io.voicehooks.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link WebhookServlet} on embedded Jetty 12 (ee10) with its defaults but the idle timeout; and
 * what Jetty does on its own.
 */
final class JettyWebhookServletTest extends WebhookServletContract {
  @Override
  ServletContainer newContainer() {
    return new JettyContainer();
  }

  @Test
  void stop_destroysEvenAServletThatNeverServed_soItsHandlerIsClosed() throws Exception {
    WebhookServlet used = servlet("/webhooks/agni");
    WebhookServlet unused = servlet("/webhooks/vaani");
    assertThat(connect().exchange("GET", "/webhooks/agni").status()).isEqualTo(405);

    stopContainer();

    assertThat(isClosed(used)).isTrue();
    assertThat(isClosed(unused)).isTrue();
  }
}
