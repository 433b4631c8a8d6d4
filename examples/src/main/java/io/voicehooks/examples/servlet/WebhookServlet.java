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
 * covers the exact bytes. The handler enforces its body-size limit while reading. The request
 * target (path and query) goes along, so the same servlet serves Vaani or cllr, which take only a
 * URL, behind a secret in it:
 *
 * <pre>{@code
 * VaaniWebhookParser parser = VaaniWebhookParser.builder()
 *     .verifier(SharedSecretVerifier.queryParameter("token", System.getenv("VAANI_URL_SECRET")))
 *     .build();
 * WebhookHandler vaani = WebhookHandler.builder(parser).listener(event -> crm.record(event)).build();
 * context.addServlet(new ServletHolder(new WebhookServlet(vaani)), "/webhooks/vaani");
 * // give Vaani the URL https://<your host>/webhooks/vaani?token=<that secret>
 * }</pre>
 *
 * <p><b>Oversized bodies and the container.</b> The handler answers 413 for a {@code
 * Content-Length} over its limit without reading the body, but whether the client sees that 413 is
 * up to the container. Seen on Jetty 12 (ee10) with this servlet as written: a client that sends
 * {@code Expect: 100-continue} is sent {@code 100 Continue} as soon as {@code getInputStream()} is
 * called, before the 413, so check {@code req.getContentLengthLong()} against the limit first and
 * answer 413 without touching the stream; and a client that writes its whole body before reading
 * (Python's {@code http.client}, many SDKs) gets a broken pipe or reset instead of the 413, because
 * Jetty closes the connection with the rest of the body unread. Tomcat swallows up to {@code
 * maxSwallowSize} (2 MiB by default) of an unread body before closing; set it above the largest
 * body you want refused cleanly. On Jetty, read and discard a bounded amount after writing the 413,
 * as the {@code serve} receiver ({@link io.voicehooks.examples.WebhookServer}) does, and rely on
 * the container's idle timeout to end a client that declares a body and never sends it.
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
    WebhookResponse answer = handler.handle(target(req), headers(req), req.getInputStream());
    resp.setStatus(answer.status());
    resp.setContentType(answer.contentType());
    resp.getOutputStream().write(answer.bodyBytes());
  }

  /**
   * Returns the raw request-target, path and query as received (the servlet API keeps both
   * percent-encoded): a handler checking a secret in the URL ({@code
   * SharedSecretVerifier.queryParameter}) reads it. Spring MVC controllers run on a servlet request
   * too, and use this as well. Never log it: it may hold the secret.
   *
   * @param req the request
   * @return the path, then {@code ?} and the query when there is one
   */
  public static String target(HttpServletRequest req) {
    String query = req.getQueryString();
    return query == null ? req.getRequestURI() : req.getRequestURI() + "?" + query;
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
