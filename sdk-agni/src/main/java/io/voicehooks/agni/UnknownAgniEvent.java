package io.voicehooks.agni;

import io.voicehooks.core.UnknownEvent;
import io.voicehooks.core.internal.Identity;
import io.voicehooks.core.internal.ToString;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An Agni event of a type this SDK does not model: any {@code event} other than {@code
 * call.completed}. Agni's guide mentions events for calls starting and for analysis being ready,
 * but documents none; when they appear they arrive here instead of failing the delivery.
 *
 * @param eventType the value of the {@code event} field
 * @param rawJson the delivery's body, as received
 */
public record UnknownAgniEvent(String eventType, String rawJson)
    implements AgniEvent, UnknownEvent {
  /**
   * Creates the event.
   *
   * @param eventType the value of the {@code event} field
   * @param rawJson the delivery's body
   */
  public UnknownAgniEvent {
    Objects.requireNonNull(eventType, "eventType == null");
    Objects.requireNonNull(rawJson, "rawJson == null");
  }

  /**
   * Returns the body's {@code data.call_session_id}, or else {@code data.call_id}, parsed on each
   * call.
   *
   * @return the id when it is a non-blank string, else null
   */
  @Override
  public @Nullable String sessionId() {
    Map<String, @Nullable Object> fields = fields();
    String id = Identity.textAt(fields, "data", "call_session_id");
    return id != null ? id : Identity.textAt(fields, "data", "call_id");
  }

  /** {@return the provider, the type and the SHA-256 of the body, as for every unknown event} */
  @Override
  public String idempotencyKey() {
    return UnknownEvent.super.idempotencyKey();
  }

  /**
   * Returns the top-level {@code org_id}, read from the raw body (a scalar taken as text).
   *
   * @return the organisation's id, or null when the body has none
   */
  @Override
  public @Nullable String orgId() {
    Object value = fields().get("org_id");
    return value == null || value instanceof Map || value instanceof List ? null : value.toString();
  }

  /**
   * Calls {@link AgniEventListener#onUnknown(UnknownAgniEvent)}.
   *
   * @param listener the listener
   */
  @Override
  public void dispatch(AgniEventListener listener) {
    listener.onUnknown(this);
  }

  /** Shows the type and the body's length only: the body holds names and phone numbers. */
  @Override
  public String toString() {
    return ToString.of(this).add("eventType", eventType).redact("rawJson", rawJson).toString();
  }
}
