package io.voicehooks.core;

/**
 * An event whose type this SDK does not model: each provider's {@code Unknown…Event} implements it,
 * keeping the type name and the raw JSON, so code that serves several providers can store or
 * forward such events without knowing them.
 *
 * <p>Its {@link #eventType()} is whatever the sender wrote, so VoiceHooks never puts it in a log
 * line or an exception message.
 */
public interface UnknownEvent extends WebhookEvent {
  /** {@return the delivery's body as received, decoded as UTF-8} */
  String rawJson();

  /**
   * Names an event for a log line or a message: its type when the SDK models it, the word {@code
   * unknown} otherwise (an unmodelled type is text from the sender).
   *
   * @param event the event
   * @return a name safe to log
   */
  static String describe(WebhookEvent event) {
    return event instanceof UnknownEvent ? "unknown" : event.eventType();
  }
}
