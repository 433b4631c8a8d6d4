package io.voicehooks.agntix;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a call to the Agntix REST API fails: an error status, an unreadable or oversized
 * response, a timeout, or an I/O failure. {@link #reason()} says which; {@link #status()} is the
 * HTTP status, or 0 when no response arrived.
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
 * bearer token, the session id or the response body.
 */
public final class AgntixApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a call failed. */
  public enum Reason {
    /** HTTP 401: the API key or token is missing or invalid. */
    UNAUTHORIZED,
    /** HTTP 403: the credentials are valid but lack the needed scope. */
    FORBIDDEN,
    /** HTTP 404: no such session (or path). */
    NOT_FOUND,
    /** HTTP 429: too many requests; see {@link AgntixApiException#retryAfter()}. */
    RATE_LIMITED,
    /** HTTP 5xx: the server failed. */
    SERVER_ERROR,
    /** Any other status outside 2xx, including redirects, which are not followed. */
    HTTP_ERROR,
    /** A 2xx response that is not the expected JSON, is over the size limit, or never ends. */
    INVALID_RESPONSE,
    /** No complete response within the request timeout (or the connect timeout). */
    TIMEOUT,
    /** The connection failed or broke. */
    IO,
    /** The calling thread was interrupted; its interrupt flag is set again. */
    INTERRUPTED
  }

  /** Why the call failed. */
  private final Reason reason;

  /** The HTTP status, or 0. */
  private final int status;

  /** The server's {@code Retry-After}, or null. */
  private final @Nullable Duration retryAfter;

  AgntixApiException(
      Reason reason,
      int status,
      @Nullable Duration retryAfter,
      String message,
      @Nullable Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason == null");
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /** {@return why the call failed} */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns the HTTP status of the failed response.
   *
   * @return the status, or 0 when no response arrived (timeout, I/O failure, interruption) or when
   *     the failure spans several responses (a listing that never ends)
   */
  public int status() {
    return status;
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
   * Tells whether the same call may succeed later: true for 429, 5xx, timeouts and I/O failures.
   *
   * @return true when retrying may help
   */
  public boolean isRetryable() {
    return reason == Reason.RATE_LIMITED
        || reason == Reason.SERVER_ERROR
        || reason == Reason.TIMEOUT
        || reason == Reason.IO;
  }
}
