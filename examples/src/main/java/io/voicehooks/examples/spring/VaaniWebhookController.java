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
 * A Spring MVC endpoint for Vaani webhooks, authenticated by a secret in the URL: Vaani takes only
 * an endpoint URL, so you give it {@code https://<your host>/webhooks/vaani?token=<secret>} and the
 * handler's {@link io.voicehooks.core.SharedSecretVerifier#queryParameter} checks it. The
 * controller therefore passes the request target (the raw path and query) along with the body bytes
 * and the headers. Never log the target: it holds the secret.
 */
@RestController
public class VaaniWebhookController {
  private final WebhookHandler handler;

  /**
   * Creates the controller.
   *
   * @param vaaniWebhookHandler the handler built in {@link WebhookApplication}
   */
  public VaaniWebhookController(
      @Qualifier("vaaniWebhookHandler") WebhookHandler vaaniWebhookHandler) {
    this.handler = vaaniWebhookHandler;
  }

  /**
   * Receives one delivery.
   *
   * @param body the raw body; null when the request has none
   * @param headers every request header
   * @param request the servlet request, for its raw path and query
   * @return the handler's answer
   */
  @PostMapping("/webhooks/vaani")
  public ResponseEntity<byte[]> receive(
      @RequestBody(required = false) byte[] body,
      @RequestHeader HttpHeaders headers,
      HttpServletRequest request) {
    return SpringDeliveries.handle(handler, body, headers, request);
  }
}
