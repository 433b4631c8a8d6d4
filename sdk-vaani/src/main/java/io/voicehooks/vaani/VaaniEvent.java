package io.voicehooks.vaani;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.WebhookEvent;
import org.jspecify.annotations.Nullable;

/**
 * One Vaani webhook: a call lifecycle event, or an event type this SDK does not know.
 *
 * <p>Every known event carries {@code room_name}, which correlates the events of one call and makes
 * the idempotency key {@code vaani:<event>:<room_name>} (see {@link #idempotencyKey()} for the
 * transfer events, which can repeat). Use a {@link VaaniEventListener} to receive each kind through
 * its own method.
 */
@JsonIgnoreProperties(value = "event", allowGetters = true)
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
   * The provider's name, {@value}: first in every Vaani key and in {@link
   * io.voicehooks.core.CallSummary#provider()}.
   */
  String PROVIDER = "vaani";

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
   * Returns the room that identifies the call ({@code room_name}).
   *
   * <p>Never null for the known events, whose parsing fails without it; an {@link
   * UnknownVaaniEvent} returns the raw {@code room_name} when it has one, else null.
   *
   * @return the room name, or null for an unknown event without one
   */
  @Nullable String roomName();

  /**
   * Returns the key the handler de-duplicates on, starting with the provider.
   *
   * <ul>
   *   <li>{@code vaani:<event>:<room_name>} for the events a call sends once.
   *   <li>{@code vaani:<event>:<room_name>:<digest>} for {@code human_transfer_initiated}, {@code
   *       human_transfer_successful} and {@code human_transfer_failed}, which a call sends once per
   *       transfer attempt: the digest (32 hex characters of a SHA-256) covers the event's declared
   *       fields other than {@code event} and {@code room_name} ({@code transfer_type}, {@code
   *       phone_number}, and {@code agent_identity} or {@code reason} and {@code sip_status}), so
   *       an exact re-delivery is a duplicate and an attempt with other values is not.
   *   <li>{@link UnknownVaaniEvent}: {@code vaani:<event>:<sha-256 of the body>}.
   * </ul>
   *
   * @return the idempotency key
   */
  @Override
  default String idempotencyKey() {
    return VaaniKeys.of(this);
  }

  /**
   * Passes this event to the listener method for its kind.
   *
   * @param listener the listener
   */
  void dispatch(VaaniEventListener listener);
}
