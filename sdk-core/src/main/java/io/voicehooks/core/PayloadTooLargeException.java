package io.voicehooks.core;

/**
 * Thrown when a delivery's body is larger than the configured limit. A handler answers it with HTTP
 * 413.
 */
public final class PayloadTooLargeException extends WebhookException {
  private static final long serialVersionUID = 1L;

  /** The largest body accepted, in bytes. */
  private final long limit;

  /**
   * Creates the exception.
   *
   * @param limit the largest body accepted, in bytes
   */
  public PayloadTooLargeException(long limit) {
    super("Body exceeds the limit of " + limit + " bytes");
    this.limit = limit;
  }

  /** {@return the largest body accepted, in bytes} */
  public long limit() {
    return limit;
  }
}
