package io.voicehooks.core;

import io.voicehooks.core.internal.Digests;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.Identity;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An event whose type this SDK does not model: each provider's {@code Unknown…Event} implements it,
 * keeping the type name and the raw JSON, so code that serves several providers can store or
 * forward such events without knowing them.
 *
 * <p>Its {@link #eventType()} is whatever the sender wrote, so VoiceHooks never puts it in a log
 * line or an exception message. Implementations should keep the body out of {@code toString()}: it
 * holds names and phone numbers.
 */
public interface UnknownEvent extends WebhookEvent {
  /** {@return the delivery's body as received, decoded as UTF-8} */
  String rawJson();

  /**
   * Returns the provider, the event type and the SHA-256 of the raw body: a retried delivery
   * repeats the same bytes and so the same key, while two different events of one unknown type do
   * not share one, nor do events of two providers (one idempotency store can serve them all).
   *
   * @return {@code <provider>:<eventType>:<sha-256 hex of the body>}
   */
  @Override
  default String idempotencyKey() {
    return Identity.key(provider(), eventType(), Digests.sha256Hex(rawJson()));
  }

  /** {@return {@link #rawJson()}: the body as received} */
  @Override
  default String toJson() {
    return rawJson();
  }

  /** {@return the body's top-level fields as free-form JSON values (unmodifiable, nulls kept)} */
  default Map<String, @Nullable Object> fields() {
    return FreeForm.parse(rawJson());
  }
}
