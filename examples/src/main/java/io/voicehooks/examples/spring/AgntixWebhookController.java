package io.voicehooks.examples.spring;

import io.voicehooks.core.WebhookHandler;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring MVC endpoint for Agntix webhooks. It takes the body as {@code byte[]}, exactly as
 * received (never a bound object or a {@code String}: the signature covers the raw bytes), and all
 * headers as {@link HttpHeaders}, and the request target (path and query, as received) from the
 * servlet request, and returns the handler's status and JSON body unchanged.
 *
 * <p>Spring reads the whole body into memory before the handler sees it; the handler then answers
 * 413 above its own limit (4 MiB by default). Cap request sizes at your proxy if that matters.
 */
@RestController
public class AgntixWebhookController {
  private final WebhookHandler handler;

  /**
   * Creates the controller.
   *
   * @param agntixWebhookHandler the handler built in {@link WebhookApplication}
   */
  public AgntixWebhookController(
      @Qualifier("agntixWebhookHandler") WebhookHandler agntixWebhookHandler) {
    this.handler = agntixWebhookHandler;
  }

  /**
   * Receives one delivery.
   *
   * @param body the raw body; null when the request has none
   * @param headers every request header (Spring 6's {@code HttpHeaders} is a multi-value map)
   * @param request the servlet request, for its raw path and query
   * @return the handler's answer
   */
  @PostMapping("/webhooks/agntix")
  public ResponseEntity<byte[]> receive(
      @RequestBody(required = false) byte[] body,
      @RequestHeader HttpHeaders headers,
      HttpServletRequest request) {
    return SpringDeliveries.handle(handler, body, headers, request);
  }
}
