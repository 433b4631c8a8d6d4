package io.voicehooks.examples.servlet;

import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A Jakarta Servlet (6.0) that receives one provider's webhooks: it hands the raw body stream and
 * the headers to a {@link WebhookHandler} and copies the answer back. Works in any servlet
 * container; mapped here to {@code /webhooks/agntix}:
 *
 * <pre>{@code
 * WebhookHandler handler = AgntixWebhookParser.create(System.getenv("AGNTIX_WEBHOOK_SECRET"))
 *     .handler(new AgntixEventListener() {
 *       @Override public void onSessionEnded(SessionEndedEvent event) {
 *         crm.logCall(event.callSummary());
 *       }
 *     });
 *
 * ServletContextHandler context = new ServletContextHandler();          // embedded Jetty 12
 * context.addServlet(new ServletHolder(new WebhookServlet(handler)), "/webhooks/agntix");
 * }</pre>
 *
 * <p>The body is read as bytes, never through {@code getReader()} or a form parser: the signature
 * covers the exact bytes. The handler enforces its body-size limit while reading.
 */
public final class WebhookServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient WebhookHandler handler;

  /**
   * Creates the servlet.
   *
   * @param handler the provider's handler; closed when the servlet is destroyed
   */
  public WebhookServlet(WebhookHandler handler) {
    this.handler = Objects.requireNonNull(handler, "handler == null");
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    WebhookResponse answer = handler.handle(headers(req), req.getInputStream());
    resp.setStatus(answer.status());
    resp.setContentType(answer.contentType());
    resp.getOutputStream().write(answer.bodyBytes());
  }

  private static WebhookHeaders headers(HttpServletRequest req) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : Collections.list(req.getHeaderNames())) {
      headers.put(name, Collections.list(req.getHeaders(name)));
    }
    return WebhookHeaders.of(headers);
  }

  @Override
  public void destroy() {
    handler.close();
  }
}
