package io.voicehooks.agni;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.CallSummary;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.internal.Identity;
import org.jspecify.annotations.Nullable;

/**
 * One event from Agni: {@link CallCompletedEvent}, the only type Agni documents, or {@link
 * UnknownAgniEvent} for any other value of the {@code event} field.
 *
 * <p>Handle events with an {@link AgniEventListener}, or with {@code instanceof}:
 *
 * <pre>{@code
 * if (event instanceof CallCompletedEvent completed) {
 *   crm.logCall(completed.sessionId(), completed.data().summary());
 * }
 * }</pre>
 */
@JsonIgnoreProperties(value = "event", allowGetters = true)
public sealed interface AgniEvent extends WebhookEvent
    permits CallCompletedEvent, UnknownAgniEvent {
  /**
   * The provider's name, {@value}: first in every Agni key and in {@link CallSummary#provider()}.
   */
  String PROVIDER = "agni";

  /** {@return {@value #PROVIDER}} */
  @Override
  default String provider() {
    return PROVIDER;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Written back as the {@code event} field by {@link #toJson()}; when reading, the parser has
   * already taken it.
   */
  @JsonProperty("event")
  @Override
  String eventType();

  /**
   * Returns the organisation that owns the event: the envelope's {@code org_id}, a UUID. Agni signs
   * nothing, so {@link AgniWebhookParser} checks this against the expected organisations.
   *
   * @return the organisation's id, or null when the delivery carries none
   */
  @Nullable String orgId();

  /**
   * Returns the call session that identifies the event: {@code data.call_session_id}, which Agni
   * documents as the de-duplication key, or {@code data.call_id} when only that is sent.
   *
   * <p>Never null for a {@link CallCompletedEvent}, whose parsing fails without either; an {@link
   * UnknownAgniEvent} returns the raw value when its body has one, else null.
   *
   * @return the session id, or null for an unknown event without one
   */
  @Nullable String sessionId();

  /**
   * Returns {@code agni:<event>:<sessionId>}; an {@link UnknownAgniEvent}'s key ends with the
   * SHA-256 of its body instead.
   *
   * @return the idempotency key
   */
  @Override
  default String idempotencyKey() {
    return Identity.key(PROVIDER, eventType(), sessionId());
  }

  /**
   * Calls the listener's method for this event's type.
   *
   * @param listener the listener
   */
  void dispatch(AgniEventListener listener);
}
