package io.voicehooks.vaani;

import io.voicehooks.core.WebhookEvent;
import org.jspecify.annotations.Nullable;

/**
 * One Vaani webhook: a call lifecycle event, or an event type this SDK does not know.
 *
 * <p>Every known event carries {@code room_name}, which correlates the events of one call and makes
 * the idempotency key {@code vaani:<event>:<room_name>}. Use a {@link VaaniEventListener} to
 * receive each kind through its own method.
 */
public sealed interface VaaniEvent extends WebhookEvent
    permits CallStartedEvent,
        CallRingingEvent,
        UserPickedUpEvent,
        CallRejectedEvent,
        CallNoAnswerEvent,
        CallFailedEvent,
        HumanTransferInitiatedEvent,
        HumanTransferSucceededEvent,
        HumanTransferFailedEvent,
        CallEndedEvent,
        CallPostprocessingEvent,
        UnknownVaaniEvent {

  /**
   * Returns the room that identifies the call ({@code room_name}).
   *
   * <p>Never null for the known events, whose parsing fails without it; an {@link
   * UnknownVaaniEvent} returns the raw {@code room_name} when it has one, else null.
   *
   * @return the room name, or null for an unknown event without one
   */
  @Nullable String roomName();

  /**
   * Returns {@code vaani:<event>:<room_name>}, the key every known event has; {@link
   * UnknownVaaniEvent} uses {@code vaani:}, the type and a digest of its body instead.
   *
   * @return the idempotency key
   */
  @Override
  default String idempotencyKey() {
    return CallPostprocessingEvent.PROVIDER + ":" + eventType() + ":" + roomName();
  }

  /**
   * Passes this event to the listener method for its kind.
   *
   * @param listener the listener
   */
  void dispatch(VaaniEventListener listener);
}
