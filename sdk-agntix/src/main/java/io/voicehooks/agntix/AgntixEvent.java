package io.voicehooks.agntix;

import io.voicehooks.core.WebhookEvent;

/**
 * One event from Agntix: a session was created, a session ended, or an event type this SDK does not
 * model. Agntix names the event in the {@code eventType} field ({@code type} is the session kind).
 */
public sealed interface AgntixEvent extends WebhookEvent
    permits SessionCreatedEvent, SessionEndedEvent, UnknownAgntixEvent {

  /**
   * Calls the listener method for this event's type.
   *
   * @param listener the listener
   */
  void dispatch(AgntixEventListener listener);
}
