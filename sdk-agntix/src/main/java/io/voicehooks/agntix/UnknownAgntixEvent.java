package io.voicehooks.agntix;

import io.voicehooks.core.UnknownEvent;
import io.voicehooks.core.internal.ToString;
import java.util.Objects;

/**
 * An event whose {@code eventType} this SDK does not model, kept whole. The docs name events beyond
 * {@code session.created} and {@code session.ended} in places ({@code session.updated}, {@code
 * session.closed}, {@code session.message.created}); they arrive here rather than failing.
 *
 * @param eventType the value of {@code eventType}
 * @param rawJson the body exactly as received
 */
public record UnknownAgntixEvent(String eventType, String rawJson)
    implements AgntixEvent, UnknownEvent {
  /**
   * Creates the event.
   *
   * @param eventType the value of {@code eventType}
   * @param rawJson the body exactly as received
   */
  public UnknownAgntixEvent {
    Objects.requireNonNull(eventType, "eventType == null");
    Objects.requireNonNull(rawJson, "rawJson == null");
  }

  /** {@return {@code agntix}} */
  @Override
  public String provider() {
    return SessionEndedEvent.PROVIDER;
  }

  @Override
  public void dispatch(AgntixEventListener listener) {
    listener.onUnknown(this);
  }

  /** Shows the type and the body's length only: the body holds names and phone numbers. */
  @Override
  public String toString() {
    return ToString.of(this).add("eventType", eventType).redact("rawJson", rawJson).toString();
  }
}
