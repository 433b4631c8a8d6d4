package io.voicehooks.vaani;

import io.voicehooks.core.CallSummary;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.internal.ToString;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of one call, as {@link VaaniCallTracker} folded it from the events of its
 * room: where the call is now, and what its events said so far.
 *
 * <p>Fields keep the latest non-null value any event sent, except {@link #status()}, which belongs
 * to the event that set the current phase, and {@link #duration()}, where {@code
 * call_postprocessing}'s (milliseconds) wins over {@code call_ended}'s (seconds). {@link
 * #answered()} and {@link #transferred()} record that an event was seen, whatever came after, so
 * {@link #outcome()} can tell a completed call from one nobody picked up.
 *
 * <p>{@link #toString()} shows the phone number and transfer target only by their length.
 *
 * @param roomName the room that identifies the call
 * @param phase where the call is now; only ever moves forward
 * @param status the {@code status} sent with the event that set {@link #phase()}, as sent ({@code
 *     dialing}, {@code ringing}, {@code active}, {@code rejected}, {@code no_answer} or {@code
 *     failed}); null when that event carries none (transfer, end and post-processing events)
 * @param phoneNumber the call's phone number from {@code call_started}, or null
 * @param transferTarget the human's number from the transfer events, or null
 * @param agentIdentity the human's participant identity from {@code human_transfer_successful}, or
 *     null
 * @param error the failure from {@code call_failed}, such as {@code SIP_404_NOT_FOUND}, or null
 * @param endReason why the session ended, from {@code call_ended}, or null
 * @param duration how long the call lasted, from {@code call_postprocessing} or {@code call_ended},
 *     or null
 * @param answered whether {@code user_picked_up_at} has been seen
 * @param transferred whether {@code human_transfer_successful} has been seen
 * @param postprocessed whether {@code call_postprocessing} has been seen, whatever the phase
 * @param lastEvent the type of the event applied most recently, in arrival order
 * @param eventsSeen how many events were applied to this call, repeats included
 * @param transfers the transfer attempts: how many were initiated, failed and succeeded, and where
 *     they stand; {@link TransferAttempts#NONE} before any transfer event
 */
public record CallState(
    String roomName,
    CallPhase phase,
    @Nullable OpenEnum<CallStatus> status,
    @Nullable String phoneNumber,
    @Nullable String transferTarget,
    @Nullable String agentIdentity,
    @Nullable String error,
    @Nullable OpenEnum<EndReason> endReason,
    @Nullable Duration duration,
    boolean answered,
    boolean transferred,
    boolean postprocessed,
    String lastEvent,
    int eventsSeen,
    TransferAttempts transfers) {

  /**
   * Creates a snapshot.
   *
   * @param roomName the room that identifies the call
   * @param phase where the call is now
   * @param status the status sent with the event that set the phase, or null
   * @param phoneNumber the call's phone number, or null
   * @param transferTarget the human's number, or null
   * @param agentIdentity the human's participant identity, or null
   * @param error the failure from {@code call_failed}, or null
   * @param endReason why the session ended, or null
   * @param duration how long the call lasted, or null
   * @param answered whether {@code user_picked_up_at} has been seen
   * @param transferred whether {@code human_transfer_successful} has been seen
   * @param postprocessed whether {@code call_postprocessing} has been seen
   * @param lastEvent the type of the event applied most recently
   * @param eventsSeen how many events were applied, at least 1
   * @param transfers the transfer attempts
   */
  public CallState {
    Objects.requireNonNull(roomName, "roomName == null");
    Objects.requireNonNull(phase, "phase == null");
    Objects.requireNonNull(lastEvent, "lastEvent == null");
    Objects.requireNonNull(transfers, "transfers == null");
    if (eventsSeen < 1) {
      throw new IllegalArgumentException("eventsSeen must be at least 1");
    }
  }

  /**
   * Returns how the call ended, normalised across providers, from the events seen so far.
   *
   * <ul>
   *   <li>{@code call_rejected} is {@code BUSY}: Vaani documents it as "user rejected or line was
   *       busy" (SIP 486 or 603), one event for both.
   *   <li>{@code call_no_answer} is {@code NO_ANSWER}; {@code call_failed} is {@code FAILED}.
   *   <li>Otherwise a call with {@code human_transfer_successful} is {@code TRANSFERRED}.
   *   <li>Otherwise a call that was picked up ({@code user_picked_up_at}) and is over ({@code
   *       call_ended} or {@code call_postprocessing}) is {@code COMPLETED}, whatever its {@code
   *       end_reason}: Vaani documents only {@code AGENT_REQUESTED_DISCONNECT}, a normal end.
   *   <li>Anything else is {@code UNKNOWN}: a call still in progress, or one whose pick-up or
   *       failure event this tracker never saw.
   * </ul>
   *
   * @return the outcome
   */
  public CallSummary.Outcome outcome() {
    switch (phase) {
      case REJECTED:
        return CallSummary.Outcome.BUSY;
      case NO_ANSWER:
        return CallSummary.Outcome.NO_ANSWER;
      case FAILED:
        return CallSummary.Outcome.FAILED;
      default:
        break;
    }
    if (transferred) {
      return CallSummary.Outcome.TRANSFERRED;
    }
    if (answered && phase.isOver()) {
      return CallSummary.Outcome.COMPLETED;
    }
    return CallSummary.Outcome.UNKNOWN;
  }

  /** Shows the room, phase and outcome; the phone numbers only by their length. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("roomName", roomName)
        .add("phase", phase)
        .add("status", status)
        .redact("phoneNumber", phoneNumber)
        .redact("transferTarget", transferTarget)
        .add("agentIdentity", agentIdentity)
        .add("error", error)
        .add("endReason", endReason)
        .add("duration", duration)
        .add("answered", answered)
        .add("transferred", transferred)
        .add("postprocessed", postprocessed)
        .add("lastEvent", lastEvent)
        .add("eventsSeen", eventsSeen)
        .add("transfers", transfers)
        .toString();
  }
}
