package io.voicehooks.agni;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.WebhookEvent;
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
   * Calls the listener's method for this event's type.
   *
   * @param listener the listener
   */
  void dispatch(AgniEventListener listener);
}
