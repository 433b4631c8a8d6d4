package io.voicehooks.agntix;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.WebhookEvent;

/**
 * One event from Agntix: a session was created, a session ended, or an event type this SDK does not
 * model. Agntix names the event in the {@code eventType} field ({@code type} is the session kind).
 */
@JsonIgnoreProperties(value = "eventType", allowGetters = true)
public sealed interface AgntixEvent extends WebhookEvent
    permits SessionCreatedEvent, SessionEndedEvent, UnknownAgntixEvent {

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
}
