package io.voicehooks.cllr;

import io.voicehooks.core.internal.HttpBodies;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when {@link CllrTranscriptFetcher} cannot fetch a transcript. {@link #reason()} says why;
 * {@link #statusCode()} is the HTTP status when the server answered, or 0; {@link #isRetryable()}
 * tells whether the same fetch may succeed later.
 *
 * <p>The message names the host and path at most, never the full URI: the query string of a storage
 * link may carry a signature token. Thrown by {@link CllrTranscriptFetcher} only.
 */
public final class TranscriptFetchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a fetch failed. */
  public enum Reason {
    /**
     * The server answered with a status outside 2xx that no other reason names, a redirect past the
     * redirect limit or with an invalid {@code Location} included; see {@link
     * TranscriptFetchException#statusCode()}.
     */
    HTTP_STATUS,
    /**
     * The response body is larger than the size limit; it was abandoned as soon as the limit was
     * passed, or at once when its {@code Content-Length} said so.
     */
    TOO_LARGE,
    /**
     * A 2xx response whose body is not the expected JSON: not well-formed, or past a JSON limit.
     */
    INVALID_RESPONSE,
    /**
     * The whole response, headers and body, did not arrive within the timeout (here the fetcher's
     * timeout, which also covers connecting and every redirect).
     */
    TIMEOUT,
    /** The connection failed or broke off. */
    IO_ERROR,
    /** The calling thread was interrupted while waiting; its interrupt flag is set again. */
    INTERRUPTED,
    /**
     * The fetcher's policy refused the URI or a redirect before anything was sent: plain http while
     * only https is allowed, a host outside the allowed hosts, an ambiguous numeric host, or a host
     * that resolves to a loopback, private-network, link-local, multicast, unspecified or reserved
     * address. The message names the rule and the host. Fetching again will not help.
     */
    NOT_ALLOWED
  }

  /** Why the fetch failed. */
  private final Reason reason;

  /** The HTTP status, or 0. */
  private final int statusCode;

  /**
   * Creates the exception.
   *
   * @param reason why the fetch failed
   * @param statusCode the HTTP status the server answered with, or 0 when none was received
   * @param message what failed, naming the host and path at most
   * @param cause the underlying failure, or null
   */
  TranscriptFetchException(
      Reason reason, int statusCode, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason == null");
    this.statusCode = statusCode;
  }

  /** {@return why the fetch failed} */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns the HTTP status the server answered with: the status outside 2xx for a status failure,
   * the 2xx status when the body was too large or not the expected JSON.
   *
   * @return the status, or 0 when no response arrived (timeout, I/O failure, interruption) or the
   *     policy refused the URI before anything was sent
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Tells whether the same fetch may succeed if made again later: true for a timeout, an I/O
   * failure and an HTTP 429 or 5xx answer; false for every other failure, an interruption included.
   *
   * @return true when retrying later may help
   */
  public boolean isRetryable() {
    return reason == Reason.TIMEOUT
        || reason == Reason.IO_ERROR
        || HttpBodies.isRetryableStatus(statusCode);
  }
}
