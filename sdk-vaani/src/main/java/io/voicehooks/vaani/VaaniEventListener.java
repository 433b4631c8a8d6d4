package io.voicehooks.vaani;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives Vaani events, one method per kind; override the ones you need, the others do nothing.
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
   * Dispatches the event to the method for its kind.
   *
   * @param event the event
   */
  @Override
  default void accept(VaaniEvent event) {
    Objects.requireNonNull(event, "event == null").dispatch(this);
  }

  /**
   * Called for {@code call_started}: the call began dialing, or an inbound caller connected.
   *
   * @param event the event
   */
  default void onCallStarted(CallStartedEvent event) {}

  /**
   * Called for {@code call_ringing}: the callee's phone is ringing (outbound only).
   *
   * @param event the event
   */
  default void onCallRinging(CallRingingEvent event) {}

  /**
   * Called for {@code user_picked_up_at}: the user answered.
   *
   * @param event the event
   */
  default void onUserPickedUp(UserPickedUpEvent event) {}

  /**
   * Called for {@code call_rejected}: the user rejected the call or the line was busy (outbound
   * only).
   *
   * @param event the event
   */
  default void onCallRejected(CallRejectedEvent event) {}

  /**
   * Called for {@code call_no_answer}: nobody answered before the carrier's timeout (outbound
   * only).
   *
   * @param event the event
   */
  default void onCallNoAnswer(CallNoAnswerEvent event) {}

  /**
   * Called for {@code call_failed}: a SIP error, an invalid number or an abrupt abort (outbound
   * only).
   *
   * @param event the event
   */
  default void onCallFailed(CallFailedEvent event) {}

  /**
   * Called for {@code human_transfer_initiated}: the agent started a transfer to a human.
   *
   * @param event the event
   */
  default void onHumanTransferInitiated(HumanTransferInitiatedEvent event) {}

  /**
   * Called for {@code human_transfer_successful}: the human specialist answered.
   *
   * @param event the event
   */
  default void onHumanTransferSucceeded(HumanTransferSucceededEvent event) {}

  /**
   * Called for {@code human_transfer_failed}: the transfer was rejected, busy or unanswered.
   *
   * @param event the event
   */
  default void onHumanTransferFailed(HumanTransferFailedEvent event) {}

  /**
   * Called for {@code call_ended}: the room disconnected and the session terminated.
   *
   * @param event the event
   */
  default void onCallEnded(CallEndedEvent event) {}

  /**
   * Called for {@code call_postprocessing}: transcript, summary and entities are ready.
   *
   * @param event the event
   */
  default void onCallPostprocessing(CallPostprocessingEvent event) {}

  /**
   * Called for an event type this SDK does not know; the raw JSON is kept.
   *
   * @param event the event
   */
  default void onUnknown(UnknownVaaniEvent event) {}
}
