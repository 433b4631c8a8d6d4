package io.voicehooks.core;

import io.voicehooks.core.internal.Json;

/**
 * One typed event from a provider. Every provider's sealed event interface extends this one, so
 * code that handles several providers can log, route and de-duplicate without knowing them.
 */
public interface WebhookEvent {
  /**
   * Returns the provider that sent the event, in lower case: {@code agni}, {@code vaani}, {@code
   * agntix} or {@code cllr}, each module's {@code PROVIDER} constant (such as {@code
   * AgniEvent.PROVIDER}). It is the first part of {@link #idempotencyKey()} and the value of {@link
   * CallSummary#provider()}.
   *
   * @return the provider's name
   */
  String provider();

  /** {@return the provider's name for this event, such as {@code call.completed}} */
  String eventType();

  /**
   * Returns the key that identifies this event across retries of the same delivery: two deliveries
   * with equal keys carry the same event and must be processed once.
   *
   * <p>Every key VoiceHooks derives starts with the provider, {@code <provider>:<event
   * type>:<identity>} (such as {@code agni:call.completed:<call_session_id>}), so one idempotency
   * store or table serves every provider without two providers' ids colliding.
   *
   * @return the idempotency key, never empty
   */
  String idempotencyKey();

  /**
   * Returns this event as JSON, as the provider sent it: the provider's field names and units, and
   * every field the records do not declare (their {@code extraFields}), so it can be stored or
   * forwarded without losing anything. The few normalisations (absent and null fields, instants in
   * ISO-8601, scalars in their declared type) are listed in the core module's README, "Writing
   * events back". An unknown event returns its body as received.
   *
   * <p>The JSON holds the caller's personal data: store it as such, and never log it.
   *
   * @return the JSON text of one object
   */
  default String toJson() {
    return Json.write(this);
  }
}
