package io.voicehooks.agntix;

import io.voicehooks.core.internal.HttpBodies;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a call to the Agntix REST API fails. {@link #reason()} says why; {@link
 * #statusCode()} is the HTTP status when the server answered, or 0; {@link #isRetryable()} tells
 * whether the same call may succeed later.
 *
 * <pre>{@code
 * try {
 *   messages = client.sessionMessages(sessionId);
 * } catch (AgntixApiException e) {
 *   if (e.isRetryable()) {
 *     retryLater(e.retryAfter() != null ? e.retryAfter() : Duration.ofMinutes(1));
 *   } else {
 *     throw e;
 *   }
 * }
 * }</pre>
 *
 * <p>The message names the failure, the status and the endpoint; it never contains the API key, the
 * bearer token, the session id or the response body. Thrown by {@link AgntixClient} only.
 */
public final class AgntixApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a call failed. */
  public enum Reason {
    /**
     * The server answered with a status outside 2xx that no other reason names, a redirect included
     * (none is followed); see {@link AgntixApiException#statusCode()}.
     */
    HTTP_STATUS,
    /**
     * The response body is larger than the size limit; it was abandoned as soon as the limit was
     * passed, or at once when its {@code Content-Length} said so.
     */
    TOO_LARGE,
    /**
     * A 2xx response whose body is not the expected JSON; also a listing that runs past the page
     * limit.
     */
    INVALID_RESPONSE,
    /**
     * The whole response, headers and body, did not arrive within the timeout (here the request
     * timeout, or the connect timeout).
     */
    TIMEOUT,
    /** The connection failed or broke off. */
    IO_ERROR,
    /** The calling thread was interrupted while waiting; its interrupt flag is set again. */
    INTERRUPTED,
    /** HTTP 401: the API key or token is missing or invalid. */
    UNAUTHORIZED,
    /** HTTP 403: the credentials are valid but lack the needed scope. */
    FORBIDDEN,
    /** HTTP 404: no such session (or path). */
    NOT_FOUND,
    /** HTTP 429: too many requests; see {@link AgntixApiException#retryAfter()}. */
    RATE_LIMITED,
    /** HTTP 5xx: the server failed. */
    SERVER_ERROR
  }

  /** Why the call failed. */
  private final Reason reason;

  /** The HTTP status, or 0. */
  private final int statusCode;

  /** The server's {@code Retry-After}, or null. */
  private final @Nullable Duration retryAfter;

  AgntixApiException(
      Reason reason,
      int statusCode,
      @Nullable Duration retryAfter,
      String message,
      @Nullable Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason == null");
    this.statusCode = statusCode;
    this.retryAfter = retryAfter;
  }

  /** {@return why the call failed} */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns the HTTP status the server answered with: the status outside 2xx for a status failure,
   * the 2xx status when the body was too large or not the expected JSON.
   *
   * @return the status, or 0 when no response arrived (timeout, I/O failure, interruption) or when
   *     the failure spans several responses (a listing that never ends)
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns how long the server asked the client to wait, from the {@code Retry-After} header (in
   * seconds or as an HTTP date) of a 429 or 503 response.
   *
   * @return the wait, or null when the header was absent or unreadable
   */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }

  /**
   * Tells whether the same call may succeed if made again later: true for a timeout, an I/O failure
   * and an HTTP 429 or 5xx answer; false for every other failure, an interruption included.
   *
   * @return true when retrying later may help
   */
  public boolean isRetryable() {
    return reason == Reason.TIMEOUT
        || reason == Reason.IO_ERROR
        || HttpBodies.isRetryableStatus(statusCode);
  }
}
