package io.voicehooks.cllr;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when {@link CllrTranscriptFetcher} cannot fetch a transcript. {@link #reason()} says why;
 * {@link #statusCode()} gives the HTTP status when the server answered.
 *
 * <p>The message names the host and path at most, never the full URI: the query string of a storage
 * link may carry a signature token.
 */
public final class TranscriptFetchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a fetch failed. */
  public enum Reason {
    /** The server answered with a status outside 2xx; see {@link #statusCode()}. */
    HTTP_STATUS,
    /** The transcript is larger than the fetcher's size limit; it was not read to the end. */
    TOO_LARGE,
    /** The server did not send the whole transcript within the fetcher's timeout. */
    TIMEOUT,
    /** The body is not well-formed JSON, or exceeds a JSON limit. */
    MALFORMED,
    /** The connection failed, or the exchange broke off. */
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
  public TranscriptFetchException(
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
   * Returns the HTTP status the server answered with: the non-2xx status for {@link
   * Reason#HTTP_STATUS}, the 2xx status when the body was too large or malformed.
   *
   * @return the status, or 0 when no response was received (timeout, connection failure)
   */
  public int statusCode() {
    return statusCode;
  }
}
