package io.voicehooks.core;

/**
 * The base of every exception VoiceHooks throws for a delivery it cannot accept.
 *
 * <p>Messages name the field, header or check that failed, never a value from the payload, a header
 * value or a secret, so they are safe to log. Subclasses narrow the family: {@link
 * WebhookParseException}, {@link WebhookVerificationException} and {@link
 * PayloadTooLargeException}.
 */
public class WebhookException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that names what failed.
   *
   * @param message what failed, without payload values
   */
  public WebhookException(String message) {
    super(message);
  }
}
