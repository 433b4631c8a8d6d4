package io.voicehooks.agntix;

import io.voicehooks.core.UnknownEvent;
import io.voicehooks.core.internal.Digests;
import io.voicehooks.core.internal.FreeForm;
import java.util.Map;
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
   * Returns the event type plus the SHA-256 of the raw JSON: a retried delivery repeats the same
   * bytes, while two updates of one session do not share a key.
   *
   * @return {@code <eventType>:<sha-256 hex of the body>}
   */
  @Override
  public String idempotencyKey() {
    return eventType + ":" + Digests.sha256Hex(rawJson);
  }

  /** {@return the top-level fields of the body, free-form and unmodifiable} */
  public Map<String, @Nullable Object> fields() {
    return FreeForm.parse(rawJson);
  }

  @Override
  public void dispatch(AgntixEventListener listener) {
    listener.onUnknown(this);
  }

  @Override
  public String toString() {
    return "UnknownAgntixEvent[eventType="
        + eventType
        + ", rawJson.length="
        + rawJson.length()
        + "]";
  }
}
