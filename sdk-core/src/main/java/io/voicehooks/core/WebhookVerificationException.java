package io.voicehooks.core;

/**
 * Thrown when a delivery cannot be shown to come from the expected sender: a signature header is
 * missing or malformed, no signature matches, the timestamp is outside the tolerance, the
 * organisation is not the expected one, or a shared secret does not match.
 *
 * <p>The message says which check failed and never contains a secret, a signature or a header
 * value. A handler answers this exception with HTTP 401.
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
    /** A shared-secret header or HTTP Basic credential is absent or wrong. */
    BAD_CREDENTIALS
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
