package io.voicehooks.examples.spring;

import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.servlet.WebhookServlet;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What every controller of this example does with a delivery: hand it over, answer as told. */
final class SpringDeliveries {
  private SpringDeliveries() {}

  /**
   * Passes one delivery to a handler, with the request target (path and query, as received, for URL
   * secrets), and returns the handler's status and JSON body unchanged.
   *
   * @param handler the provider's handler
   * @param body the raw body; null when the request has none
   * @param headers every request header
   * @param request the servlet request, for its raw path and query
   * @return the handler's answer
   */
  static ResponseEntity<byte[]> handle(
      WebhookHandler handler,
      byte @Nullable [] body,
      HttpHeaders headers,
      HttpServletRequest request) {
    WebhookResponse answer =
        handler.handle(
            WebhookRequest.of(
                WebhookServlet.target(request),
                WebhookHeaders.of(headers),
                body == null ? new byte[0] : body));
    return ResponseEntity.status(answer.status())
        .contentType(MediaType.APPLICATION_JSON)
        .body(answer.bodyBytes());
  }
}
