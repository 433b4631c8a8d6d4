package io.voicehooks.servlet;

import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.core.WebhookResponse.Outcome;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Jakarta Servlet (6.0 and later) that receives one provider's webhooks through a {@link
 * WebhookHandler}: it streams the raw body into the handler, which verifies, parses, de-duplicates
 * and dispatches, and copies the handler's status, content type and JSON body into the response.
 * Works in any servlet container; with embedded Jetty 12:
 *
 * <pre>{@code
 * WebhookHandler agntix = AgntixWebhookParser.create(System.getenv("AGNTIX_WEBHOOK_SECRET"))
 *     .handler(new AgntixEventListener() {
 *       @Override public void onSessionEnded(SessionEndedEvent event) {
 *         crm.logCall(event.callSummary());
 *       }
 *     });
 * context.addServlet(new ServletHolder(new WebhookServlet(agntix)), "/webhooks/agntix");
 * }</pre>
 *
 * <p>What it does with a request:
 *
 * <ul>
 *   <li><b>POST</b>: the request target (path and query, as received, for a {@linkplain
 *       io.voicehooks.core.SharedSecretVerifier#queryParameter secret in the URL}), every header
 *       and the body stream go to {@link WebhookHandler#handle(String, WebhookHeaders,
 *       InputStream)}; the body is read as bytes, never through a reader or a form parser, since
 *       the signature covers the exact bytes.
 *   <li><b>Other methods</b>: 405 with {@code Allow: POST}.
 *   <li><b>A body over the limit</b> (the parser's {@link
 *       io.voicehooks.core.WebhookParser#maxBodyBytes()}): 413 with {@code Connection: close}. A
 *       {@code Content-Length} over the limit is refused before the body stream is opened; a body
 *       without a length is read up to the first byte past the limit. The 413's status line and
 *       headers go out at once; then up to {@value #MAX_DISCARDED_BYTES} bytes of the body in all
 *       are read and dropped; then the 413's body completes the response. So a client that waits
 *       for an answer has one, and a client that writes its whole body before reading the answer
 *       (Python's {@code http.client}, many provider SDKs) reads the 413 rather than a reset: once
 *       a response is complete, containers stop reading the request (Tomcat 11 closes its stream,
 *       Jetty 12 may fail the next read), and a connection closed with unread bytes is reset.
 *       Nothing is read from a client that sent {@code Expect: 100-continue} and was not asked for
 *       its body: it has sent none and is never invited to (on Tomcat, set the connector's {@code
 *       continueResponseTiming} to {@code onRead}, or Tomcat sends {@code 100 Continue} before any
 *       servlet runs). Nothing is read either from a client that declared more than {@value
 *       #MAX_DISCARDED_BYTES} bytes: the container closes the connection after the 413. The discard
 *       holds a thread while a client stalls, so bound stalled and slow clients with the
 *       container's idle timeout (Jetty: the connector's {@code idleTimeout}; Tomcat: {@code
 *       connectionTimeout}).
 * </ul>
 *
 * <p>The servlet owns its handler: {@link #destroy()} closes it, which waits for the work in hand
 * (the handler's drain timeout). Containers destroy only the servlets they initialised: Tomcat 11
 * initialises a servlet at its first request, so one that never served is not destroyed (Jetty 12
 * destroyed every servlet it held in this module's tests). Register it with load-on-startup to have
 * its handler closed on every shutdown. Closing a handler twice is harmless, so an application that
 * also closes it on shutdown may.
 *
 * <p>Thread-safe, as servlets must be. Logs nothing itself; the handler never logs a payload or a
 * header value.
 */
public class WebhookServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /**
   * The most bytes of a refused (413) body read, the handler's included, before the 413 is written
   * and the connection closed: 8 MiB, twice the default body limit. A body declared larger is not
   * read at all.
   */
  public static final long MAX_DISCARDED_BYTES = 8L << 20;

  private static final byte[] USE_POST =
      "{\"error\":\"Use POST\"}".getBytes(StandardCharsets.UTF_8);

  private final transient WebhookHandler handler;

  /**
   * Creates the servlet.
   *
   * @param handler the provider's handler; closed when the servlet is destroyed
   */
  public WebhookServlet(WebhookHandler handler) {
    this.handler = Objects.requireNonNull(handler, "handler == null");
  }

  /** {@return the handler this servlet hands deliveries to} */
  public WebhookHandler handler() {
    return handler;
  }

  /**
   * Answers a POST with the handler's response and any other method with 405.
   *
   * @param req the request
   * @param resp the response
   * @throws IOException if the response cannot be written
   */
  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!"POST".equals(req.getMethod())) {
      resp.setHeader("Allow", "POST");
      write(resp, 405, WebhookResponse.CONTENT_TYPE, USE_POST);
      return;
    }
    Body body = new Body(req);
    WebhookResponse answer = handler.handle(target(req), headers(req), body);
    if (answer.outcome() == Outcome.TOO_LARGE) {
      refuse(resp, answer, body);
      return;
    }
    write(resp, answer.status(), answer.contentType(), answer.bodyBytes());
  }

  /**
   * Sends a 413's status line and headers at once, so a client waiting for an answer has it, then
   * discards the rest of the body, then sends the 413's body. In that order because once a response
   * is written whole, Tomcat 11 closes the request's stream and Jetty 12 may fail its next read: a
   * discard after it reads nothing, and a client still writing its body is reset instead of reading
   * the 413.
   */
  private static void refuse(HttpServletResponse resp, WebhookResponse answer, Body body)
      throws IOException {
    byte[] json = answer.bodyBytes();
    resp.setHeader("Connection", "close");
    resp.setStatus(answer.status());
    resp.setContentType(answer.contentType());
    resp.setContentLength(json.length);
    resp.flushBuffer();
    body.discardRest();
    resp.getOutputStream().write(json);
  }

  /**
   * Returns the raw request target, path and query as received (the servlet API keeps both
   * percent-encoded), which URL-secret checks read. Never log it: it may hold the secret.
   *
   * @param req the request
   * @return the path, then {@code ?} and the query when there is one
   */
  public static String target(HttpServletRequest req) {
    String query = req.getQueryString();
    return query == null ? req.getRequestURI() : req.getRequestURI() + "?" + query;
  }

  /**
   * Returns every header of a request.
   *
   * @param req the request
   * @return its headers, names case-insensitive
   */
  public static WebhookHeaders headers(HttpServletRequest req) {
    return WebhookHeaders.of(
        Collections.list(req.getHeaderNames()), name -> Collections.list(req.getHeaders(name)));
  }

  private static void write(HttpServletResponse resp, int status, String contentType, byte[] body)
      throws IOException {
    resp.setStatus(status);
    resp.setContentType(contentType);
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }

  /** Closes the handler, waiting up to its drain timeout for the work in hand. */
  @Override
  public void destroy() {
    handler.close();
  }

  /**
   * The request body, opened at the first read: the handler refuses an oversized {@code
   * Content-Length} before reading, and the container then never sends {@code 100 Continue}.
   */
  private static final class Body extends InputStream {
    private final HttpServletRequest req;
    private @Nullable ServletInputStream in;
    private long read;

    Body(HttpServletRequest req) {
      this.req = req;
    }

    private ServletInputStream open() throws IOException {
      ServletInputStream open = in;
      if (open == null) {
        open = req.getInputStream();
        in = open;
      }
      return open;
    }

    @Override
    public int read() throws IOException {
      int b = open().read();
      if (b >= 0) {
        read++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = open().read(buffer, offset, length);
      if (n > 0) {
        read += n;
      }
      return n;
    }

    /**
     * Reads and drops what is left of a refused body, up to {@link #MAX_DISCARDED_BYTES} in all,
     * unless the client waits for {@code 100 Continue} (it has sent nothing) or declared more than
     * that (the connection closes instead). Returns early when the client goes away or stalls past
     * the container's idle timeout.
     */
    void discardRest() {
      long declared = req.getContentLengthLong();
      boolean waitsForContinue =
          in == null && "100-continue".equalsIgnoreCase(req.getHeader("Expect"));
      if (waitsForContinue || declared > MAX_DISCARDED_BYTES) {
        return;
      }
      byte[] sink = new byte[8192];
      try {
        while (read < MAX_DISCARDED_BYTES) {
          int n = read(sink, 0, (int) Math.min(sink.length, MAX_DISCARDED_BYTES - read));
          if (n < 0) {
            return;
          }
        }
      } catch (IOException | UncheckedIOException e) {
        // The client went away or stalled past the idle timeout: nothing more to discard.
      }
    }
  }
}
