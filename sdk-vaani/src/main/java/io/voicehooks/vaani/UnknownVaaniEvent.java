package io.voicehooks.vaani;

import io.voicehooks.core.UnknownEvent;
import io.voicehooks.core.internal.Identity;
import io.voicehooks.core.internal.ToString;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An event type this SDK does not know, kept rather than rejected so that a new Vaani event never
 * fails a delivery. The handler answers it with 200 after {@link
 * VaaniEventListener#onUnknown(UnknownVaaniEvent)}.
 *
 * <p>Nothing is required of an unknown event beyond its type: its room name is optional. Its
 * idempotency key is {@code vaani:}, the type and the SHA-256 of the raw JSON, since a retried
 * delivery repeats the same bytes.
 *
 * @param eventType the value of {@code event}, as sent
 * @param rawJson the body as received, as text
 */
public record UnknownVaaniEvent(String eventType, String rawJson)
    implements VaaniEvent, UnknownEvent {
  /**
   * Creates the event.
   *
   * @param eventType the value of {@code event}
   * @param rawJson the body as text
   */
  public UnknownVaaniEvent {
    Objects.requireNonNull(eventType, "eventType == null");
    Objects.requireNonNull(rawJson, "rawJson == null");
  }

  /**
   * Returns the {@code room_name} of the raw JSON, parsed on each call.
   *
   * @return the room name when it is a non-blank string, else null
   */
  @Override
  public @Nullable String roomName() {
    return Identity.textAt(fields(), "room_name");
  }

  /** {@return the provider, the type and the SHA-256 of the body, as for every unknown event} */
  @Override
  public String idempotencyKey() {
    return UnknownEvent.super.idempotencyKey();
  }

  @Override
  public void dispatch(VaaniEventListener listener) {
    listener.onUnknown(this);
  }

  /** Shows the type and the body's length only: the body holds names and phone numbers. */
  @Override
  public String toString() {
    return ToString.of(this).add("eventType", eventType).redact("rawJson", rawJson).toString();
  }
}
