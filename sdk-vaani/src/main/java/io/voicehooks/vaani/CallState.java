package io.voicehooks.vaani;

import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.internal.ToString;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of one call, as {@link VaaniCallTracker} folded it from the events of its
 * room: where the call is now, and what its events said so far.
 *
 * <p>Fields keep the latest non-null value any event sent, except {@link #duration()}, where {@code
 * call_postprocessing}'s (milliseconds) wins over {@code call_ended}'s (seconds).
 *
 * <p>{@link #toString()} shows the phone number and transfer target only by their length.
 *
 * @param roomName the room that identifies the call
 * @param phase where the call is now; only ever moves forward
 * @param phoneNumber the call's phone number from {@code call_started}, or null
 * @param transferTarget the human's number from the transfer events, or null
 * @param agentIdentity the human's participant identity from {@code human_transfer_successful}, or
 *     null
 * @param error the failure from {@code call_failed}, such as {@code SIP_404_NOT_FOUND}, or null
 * @param endReason why the session ended, from {@code call_ended}, or null
 * @param duration how long the call lasted, from {@code call_postprocessing} or {@code call_ended},
 *     or null
 * @param postprocessed whether {@code call_postprocessing} has been seen, whatever the phase
 * @param lastEvent the type of the event applied most recently, in arrival order
 * @param eventsSeen how many events were applied to this call, repeats included
 */
public record CallState(
    String roomName,
    CallPhase phase,
    @Nullable String phoneNumber,
    @Nullable String transferTarget,
    @Nullable String agentIdentity,
    @Nullable String error,
    @Nullable OpenEnum<EndReason> endReason,
    @Nullable Duration duration,
    boolean postprocessed,
    String lastEvent,
    int eventsSeen) {

  /**
   * Creates a snapshot.
   *
   * @param roomName the room that identifies the call
   * @param phase where the call is now
   * @param phoneNumber the call's phone number, or null
   * @param transferTarget the human's number, or null
   * @param agentIdentity the human's participant identity, or null
   * @param error the failure from {@code call_failed}, or null
   * @param endReason why the session ended, or null
   * @param duration how long the call lasted, or null
   * @param postprocessed whether {@code call_postprocessing} has been seen
   * @param lastEvent the type of the event applied most recently
   * @param eventsSeen how many events were applied, at least 1
   */
  public CallState {
    Objects.requireNonNull(roomName, "roomName == null");
    Objects.requireNonNull(phase, "phase == null");
    Objects.requireNonNull(lastEvent, "lastEvent == null");
    if (eventsSeen < 1) {
      throw new IllegalArgumentException("eventsSeen must be at least 1");
    }
  }

  /** Shows the room, phase and outcome; the phone numbers only by their length. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("roomName", roomName)
        .add("phase", phase)
        .redact("phoneNumber", phoneNumber)
        .redact("transferTarget", transferTarget)
        .add("agentIdentity", agentIdentity)
        .add("error", error)
        .add("endReason", endReason)
        .add("duration", duration)
        .add("postprocessed", postprocessed)
        .add("lastEvent", lastEvent)
        .add("eventsSeen", eventsSeen)
        .toString();
  }
}
