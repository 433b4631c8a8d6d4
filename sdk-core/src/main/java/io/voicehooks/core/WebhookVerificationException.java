package io.voicehooks.core;

/**
 * Thrown when a delivery cannot be shown to come from the expected sender: a signature header is
 * missing or malformed, no signature matches, the timestamp is outside the tolerance, the
 * organisation is not the expected one, or a shared secret (in a header or in the URL) does not
 * match.
 *
 * <p>The message says which check failed and names the header, query parameter or path segment; it
 * never contains a secret, a signature, a header value or the request target. A handler answers
 * this exception with HTTP 401.
 */
public final class WebhookVerificationException extends WebhookException {
  private static final long serialVersionUID = 1L;

  /** Which check failed. */
  public enum Reason {
    /** A required header is absent or empty. */
    MISSING_HEADER,
    /** A header is present but cannot be read (bad number, oversized, no usable signature). */
    MALFORMED_HEADER,
    /** The timestamp is further in the past than the tolerance allows. */
    TIMESTAMP_TOO_OLD,
    /** The timestamp is further in the future than the tolerance allows. */
    TIMESTAMP_TOO_NEW,
    /** Signatures were present, but none matches any configured secret or key. */
    NO_MATCHING_SIGNATURE,
    /** The payload names an organisation other than the expected ones. */
    UNEXPECTED_ORGANIZATION,
    /**
     * A shared secret is absent or wrong: in a header, an HTTP Basic credential, a query parameter
     * or a path segment.
     */
    BAD_CREDENTIALS,
    /**
     * A check reads the request target (path and query) but the adapter passed none: a
     * configuration error, since every delivery then fails the same way.
     */
    MISSING_TARGET,
    /**
     * The request target cannot be read unambiguously: bad percent-encoding, a parameter given more
     * than once, a character not allowed there, or too long.
     */
    MALFORMED_TARGET
  }

  /** Which check failed. */
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason which check failed
   * @param message a message naming the check and header, without values
   */
  public WebhookVerificationException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** {@return which check failed} */
  public Reason reason() {
    return reason;
  }
}
