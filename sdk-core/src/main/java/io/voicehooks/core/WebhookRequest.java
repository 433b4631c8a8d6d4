package io.voicehooks.core;

import io.voicehooks.core.internal.RawBodies;
import io.voicehooks.core.internal.ToString;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One delivery as received: the raw body bytes exactly as they arrived, the headers, the request
 * target (path and query) when the adapter passes it, and the time of receipt.
 *
 * <p>Signatures are computed over the raw bytes, so adapters must pass the body unchanged: never a
 * re-serialised or re-joined string. The body is copied once when the request is created and never
 * again; {@link #body()} returns a fresh copy, {@link #bodyStream()} a read-only view.
 *
 * <p>The target is the raw request-target of the HTTP request line, still percent-encoded, such as
 * {@code /hooks/vaani?token=Zm9v}: what a {@link SharedSecretVerifier#queryParameter URL-secret
 * check} reads, since senders that take only a URL (Vaani, cllr) can carry a secret nowhere else.
 * Adapters pass it in one line:
 *
 * <pre>{@code
 * // Servlet (and Spring MVC, from its HttpServletRequest)
 * String target = req.getQueryString() == null
 *     ? req.getRequestURI() : req.getRequestURI() + "?" + req.getQueryString();
 * // Jetty 12 core: request.getHttpURI().getPathQuery()
 * // JDK HttpServer: exchange.getRequestURI().getRawPath() (+ "?" + getRawQuery())
 * WebhookResponse answer = handler.handle(target, headers, req.getInputStream());
 * }</pre>
 *
 * <p>Requests created without a target (the factories that take none, and deliveries reloaded from
 * a durable inbox) have none: {@link #target()} is null, and a URL-secret check refuses them.
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} shows the body length, the header
 * names and whether a target is known, never their contents: a target may hold a secret.
 */
public final class WebhookRequest {
  static {
    RawBodies.install(WebhookRequest::rawBody);
  }

  private final @Nullable String target;
  private final WebhookHeaders headers;
  private final byte[] body;
  private final Instant receivedAt;

  private WebhookRequest(
      @Nullable String target, WebhookHeaders headers, byte[] body, Instant receivedAt) {
    this.target = target;
    this.headers = headers;
    this.body = body;
    this.receivedAt = receivedAt;
  }

  /**
   * Returns a request with the given headers and body, received now.
   *
   * @param headers the delivery's headers
   * @param body the raw body bytes, copied
   * @return the request
   */
  public static WebhookRequest of(WebhookHeaders headers, byte[] body) {
    return of(headers, body, Instant.now());
  }

  /**
   * Returns a request with the given headers, body and time of receipt.
   *
   * @param headers the delivery's headers
   * @param body the raw body bytes, copied
   * @param receivedAt when the delivery arrived
   * @return the request
   */
  public static WebhookRequest of(WebhookHeaders headers, byte[] body, Instant receivedAt) {
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(body, "body == null");
    Objects.requireNonNull(receivedAt, "receivedAt == null");
    return new WebhookRequest(null, headers, body.clone(), receivedAt);
  }

  /**
   * Returns a request with the given target, headers and body, received now.
   *
   * @param target the raw request-target as received, path and query still percent-encoded, such as
   *     {@code /hooks/vaani?token=Zm9v}
   * @param headers the delivery's headers
   * @param body the raw body bytes, copied
   * @return the request
   */
  public static WebhookRequest of(String target, WebhookHeaders headers, byte[] body) {
    Objects.requireNonNull(target, "target == null");
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(body, "body == null");
    return new WebhookRequest(target, headers, body.clone(), Instant.now());
  }

  /**
   * Returns a request with no headers, received now: for providers that send nothing in headers,
   * and for tests.
   *
   * @param body the raw body bytes, copied
   * @return the request
   */
  public static WebhookRequest of(byte[] body) {
    return of(WebhookHeaders.empty(), body);
  }

  /**
   * Reads a request body from a stream, refusing more than {@code maxBytes}. When the headers carry
   * a {@code Content-Length} above the limit, nothing is read at all; otherwise reading stops at
   * the first byte past the limit. The stream is not closed.
   *
   * @param headers the delivery's headers
   * @param body the body stream, as the server provides it
   * @param maxBytes the largest body accepted
   * @return the request, received now
   * @throws PayloadTooLargeException if the body is larger than {@code maxBytes}
   * @throws UncheckedIOException if the stream fails
   */
  public static WebhookRequest read(WebhookHeaders headers, InputStream body, long maxBytes) {
    return readBody(null, headers, body, maxBytes);
  }

  /**
   * Reads a request body from a stream, as {@link #read(WebhookHeaders, InputStream, long)} does,
   * for a request with a known target.
   *
   * @param target the raw request-target as received, such as {@code /hooks/vaani?token=Zm9v}
   * @param headers the delivery's headers
   * @param body the body stream, as the server provides it
   * @param maxBytes the largest body accepted
   * @return the request, received now
   * @throws PayloadTooLargeException if the body is larger than {@code maxBytes}
   * @throws UncheckedIOException if the stream fails
   */
  public static WebhookRequest read(
      String target, WebhookHeaders headers, InputStream body, long maxBytes) {
    Objects.requireNonNull(target, "target == null");
    return readBody(target, headers, body, maxBytes);
  }

  private static WebhookRequest readBody(
      @Nullable String target, WebhookHeaders headers, InputStream body, long maxBytes) {
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(body, "body == null");
    if (maxBytes < 0 || maxBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxBytes must be between 0 and 2^31 - 9");
    }
    long declared = contentLength(headers);
    if (declared > maxBytes) {
      throw new PayloadTooLargeException(maxBytes);
    }
    Instant receivedAt = Instant.now();
    int initial = (int) Math.min(declared >= 0 ? declared : 8192, maxBytes);
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(initial, 32));
    byte[] buffer = new byte[8192];
    long total = 0;
    try {
      int n;
      while ((n = body.read(buffer)) != -1) {
        total += n;
        if (total > maxBytes) {
          throw new PayloadTooLargeException(maxBytes);
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the request body failed", e);
    }
    return new WebhookRequest(target, headers, out.toByteArray(), receivedAt);
  }

  private static long contentLength(WebhookHeaders headers) {
    String value = headers.first("content-length");
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Returns the raw request-target (path and query, still percent-encoded), or null when the
   * adapter did not pass it. It may hold a secret: never log it.
   *
   * @return the target, or null when unknown
   */
  public @Nullable String target() {
    return target;
  }

  /** {@return the delivery's headers} */
  public WebhookHeaders headers() {
    return headers;
  }

  /** {@return a copy of the raw body bytes} */
  public byte[] body() {
    return body.clone();
  }

  /** {@return a stream over the raw body bytes, without copying them} */
  public InputStream bodyStream() {
    return new ByteArrayInputStream(body);
  }

  /** {@return the body length in bytes} */
  public int bodyLength() {
    return body.length;
  }

  /** {@return the body decoded as UTF-8; never log it, it holds personal data} */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** {@return when the delivery arrived} */
  public Instant receivedAt() {
    return receivedAt;
  }

  /** Returns the raw array itself; callers in this package never modify it. */
  byte[] rawBody() {
    return body;
  }

  /** {@return the body's length, the header names and the time; never a value or the target} */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("target", target == null ? "unknown" : "<redacted>")
        .add("bodyLength", body.length)
        .add("headers", headers.names())
        .add("receivedAt", receivedAt)
        .toString();
  }
}
