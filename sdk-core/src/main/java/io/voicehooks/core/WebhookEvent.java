package io.voicehooks.core;

/**
 * One typed event from a provider. Every provider's sealed event interface extends this one, so
 * code that handles several providers can log, route and de-duplicate without knowing them.
 */
public interface WebhookEvent {
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
}
