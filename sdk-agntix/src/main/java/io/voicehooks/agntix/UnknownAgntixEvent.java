package io.voicehooks.agntix;

import io.voicehooks.core.UnknownEvent;
import io.voicehooks.core.internal.Identity;
import io.voicehooks.core.internal.ToString;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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

  /**
   * Returns the body's {@code id}, parsed on each call.
   *
   * @return the id when it is a non-blank string, else null
   */
  @Override
  public @Nullable String sessionId() {
    return Identity.textAt(fields(), "id");
  }

  /** {@return the provider, the type and the SHA-256 of the body, as for every unknown event} */
  @Override
  public String idempotencyKey() {
    return UnknownEvent.super.idempotencyKey();
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
