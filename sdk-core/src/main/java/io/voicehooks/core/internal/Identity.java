package io.voicehooks.core.internal;

import io.voicehooks.core.WebhookParseException;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The identity of an event, one way for every provider: each record checks its required id with
 * {@link #require}, and each provider's sealed interface derives its default idempotency key with
 * {@link #key}, {@code <provider>:<event type>:<id>}.
 */
public final class Identity {
  private Identity() {}

  /**
   * Returns a required id, or throws the parse exception that names its field.
   *
   * @param id the bound value
   * @param fieldPath the field's path on the wire, such as {@code data.call_session_id}
   * @param eventType the event being parsed
   * @return the id, neither null nor blank
   * @throws WebhookParseException if the id is null or blank
   */
  public static String require(@Nullable String id, String fieldPath, String eventType) {
    if (id == null || id.isBlank()) {
      throw WebhookParseException.missingField(fieldPath, eventType);
    }
    return id;
  }

  /**
   * Returns the idempotency key {@code <provider>:<event type>:<id>}.
   *
   * @param provider the provider's name
   * @param eventType the event type
   * @param id the event's identity; never null for a known event, whose record requires it
   * @return the key
   */
  public static String key(String provider, String eventType, @Nullable String id) {
    return provider + ":" + eventType + ":" + Objects.requireNonNull(id, "id == null");
  }

  /**
   * Returns the text at a path of an unknown event's fields, for the identity accessor of an
   * unknown event: the value when it is a non-blank string, else null.
   *
   * @param fields the top-level fields, as {@link FreeForm#parse} gives them
   * @param path the field names, outermost first
   * @return the text, or null
   */
  public static @Nullable String textAt(Map<String, @Nullable Object> fields, String... path) {
    Object value = fields;
    for (String name : path) {
      if (!(value instanceof Map<?, ?> map)) {
        return null;
      }
      value = map.get(name);
    }
    return value instanceof String text && !text.isBlank() ? text : null;
  }
}
