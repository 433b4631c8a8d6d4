package io.voicehooks.agntix;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.internal.Identity;
import org.jspecify.annotations.Nullable;

/**
 * One event from Agntix: a session was created, a session ended, or an event type this SDK does not
 * model. Agntix names the event in the {@code eventType} field ({@code type} is the session kind).
 */
@JsonIgnoreProperties(value = "eventType", allowGetters = true)
public sealed interface AgntixEvent extends WebhookEvent
    permits SessionCreatedEvent, SessionEndedEvent, UnknownAgntixEvent {
  /**
   * The provider's name, {@value}: first in every Agntix key and in {@link
   * io.voicehooks.core.CallSummary#provider()}.
   */
  String PROVIDER = "agntix";

  /** {@return {@value #PROVIDER}} */
  @Override
  default String provider() {
    return PROVIDER;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Written back as the {@code eventType} field by {@link #toJson()}; when reading, the parser
   * has already taken it.
   */
  @JsonProperty("eventType")
  @Override
  String eventType();

  /**
   * Calls the listener method for this event's type.
   *
   * @param listener the listener
   */
  void dispatch(AgntixEventListener listener);

  /**
   * Returns the session that identifies the event: its {@code id}, a UUID shared by the session's
   * {@code session.created} and {@code session.ended} and accepted by {@link
   * AgntixClient#sessionMessages(String)}.
   *
   * <p>Never null for the known events, whose parsing fails without it; an {@link
   * UnknownAgntixEvent} returns the raw {@code id} when its body has one, else null.
   *
   * @return the session id, or null for an unknown event without one
   */
  @Nullable String sessionId();

  /**
   * Returns {@code agntix:<eventType>:<sessionId>}; an {@link UnknownAgntixEvent}'s key ends with
   * the SHA-256 of its body instead.
   *
   * @return the idempotency key
   */
  @Override
  default String idempotencyKey() {
    return Identity.key(PROVIDER, eventType(), sessionId());
  }
}
