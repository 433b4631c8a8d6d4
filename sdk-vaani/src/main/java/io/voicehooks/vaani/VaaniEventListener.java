package io.voicehooks.vaani;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives Vaani events, one method per event type; override the ones you handle. The others do
 * nothing, so an event type added to this SDK later never breaks a listener.
 *
 * <p>A listener is a {@code Consumer<VaaniEvent>}, so it can be passed straight to {@link
 * io.voicehooks.core.WebhookHandler.Builder#listener(Consumer)} or {@link
 * VaaniWebhookParser#handler(VaaniEventListener)}:
 *
 * <pre>{@code
 * VaaniEventListener listener = new VaaniEventListener() {
 *   @Override
 *   public void onCallEnded(CallEndedEvent event) {
 *     calls.markEnded(event.roomName(), event.callDuration());
 *   }
 * };
 * }</pre>
 */
public interface VaaniEventListener extends Consumer<VaaniEvent> {
  /**
   * Dispatches the event to the method for its type.
   *
   * @param event the event
   */
  @Override
  default void accept(VaaniEvent event) {
    Objects.requireNonNull(event, "event == null").dispatch(this);
  }

  /**
   * Called for each {@code call_started} event: the call began dialing, or an inbound caller
   * connected.
   *
   * @param event the event
   */
  default void onCallStarted(CallStartedEvent event) {}

  /**
   * Called for each {@code call_ringing} event: the callee's phone is ringing (outbound only).
   *
   * @param event the event
   */
  default void onCallRinging(CallRingingEvent event) {}

  /**
   * Called for each {@code user_picked_up_at} event: the user answered.
   *
   * @param event the event
   */
  default void onUserPickedUp(UserPickedUpEvent event) {}

  /**
   * Called for each {@code call_rejected} event: the user rejected the call or the line was busy
   * (outbound only).
   *
   * @param event the event
   */
  default void onCallRejected(CallRejectedEvent event) {}

  /**
   * Called for each {@code call_no_answer} event: nobody answered before the carrier's timeout
   * (outbound only).
   *
   * @param event the event
   */
  default void onCallNoAnswer(CallNoAnswerEvent event) {}

  /**
   * Called for each {@code call_failed} event: a SIP error, an invalid number or an abrupt abort
   * (outbound only).
   *
   * @param event the event
   */
  default void onCallFailed(CallFailedEvent event) {}

  /**
   * Called for each {@code human_transfer_initiated} event: the agent started a transfer to a
   * human.
   *
   * @param event the event
   */
  default void onHumanTransferInitiated(HumanTransferInitiatedEvent event) {}

  /**
   * Called for each {@code human_transfer_successful} event: the human specialist answered.
   *
   * @param event the event
   */
  default void onHumanTransferSucceeded(HumanTransferSucceededEvent event) {}

  /**
   * Called for each {@code human_transfer_failed} event: the transfer was rejected, busy or
   * unanswered.
   *
   * @param event the event
   */
  default void onHumanTransferFailed(HumanTransferFailedEvent event) {}

  /**
   * Called for each {@code call_ended} event: the room disconnected and the session terminated.
   *
   * @param event the event
   */
  default void onCallEnded(CallEndedEvent event) {}

  /**
   * Called for each {@code call_postprocessing} event: transcript, summary and entities are ready.
   *
   * @param event the event
   */
  default void onCallPostprocessing(CallPostprocessingEvent event) {}

  /**
   * Called for each event of a type this SDK does not model.
   *
   * @param event the event, with its type name and raw JSON
   */
  default void onUnknown(UnknownVaaniEvent event) {}
}
