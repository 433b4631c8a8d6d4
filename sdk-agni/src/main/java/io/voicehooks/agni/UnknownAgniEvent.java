package io.voicehooks.agni;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.voicehooks.core.internal.Digests;
import io.voicehooks.core.internal.FreeForm;
import java.io.IOException;
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
public record UnknownAgniEvent(String eventType, String rawJson) implements AgniEvent {
  /**
   * The body was already read within the parser's limits; scanning it again needs no tighter ones.
   */
  private static final JsonFactory SCANNER =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(Integer.MAX_VALUE)
                  .maxNumberLength(Integer.MAX_VALUE)
                  .maxStringLength(Integer.MAX_VALUE)
                  .build())
          .build();

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
   * Returns the event type and the SHA-256 of the raw body: a retried delivery repeats the same
   * bytes and so the same key.
   *
   * @return {@code <eventType>:<sha-256 hex>}
   */
  @Override
  public String idempotencyKey() {
    return eventType + ":" + Digests.sha256Hex(rawJson);
  }

  /**
   * Returns the top-level {@code org_id}, read from the raw body (a scalar taken as text).
   *
   * @return the organisation's id, or null when the body has none
   */
  @Override
  public @Nullable String orgId() {
    try (JsonParser p = SCANNER.createParser(rawJson)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        boolean wanted = "org_id".equals(p.currentName());
        JsonToken value = p.nextToken();
        if (wanted) {
          return value != null && value.isScalarValue() && value != JsonToken.VALUE_NULL
              ? p.getText()
              : null;
        }
        p.skipChildren();
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  /** {@return the body's fields as free-form JSON values (unmodifiable, nulls kept)} */
  public Map<String, @Nullable Object> fields() {
    return FreeForm.parse(rawJson);
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
}
