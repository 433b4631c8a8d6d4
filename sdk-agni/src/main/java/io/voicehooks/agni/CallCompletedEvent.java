package io.voicehooks.agni;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.CallSummary;
import io.voicehooks.core.FinishedCallEvent;
import io.voicehooks.core.WebhookParseException;
import io.voicehooks.core.internal.ExtraFields;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.Identity;
import io.voicehooks.core.internal.ToString;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Agni's {@code call.completed} event: a call session ended, and {@link #data()} carries its full
 * record (metadata, cost, AI analysis, transcript).
 *
 * <pre>{@code
 * CallData call = event.data();
 * if (call.status() != null && call.status().is(CallStatus.NO_ANSWER)) {
 *   scheduler.retryLater(call.contactId());
 * }
 * }</pre>
 *
 * <p>The event is identified by {@link #sessionId()}: {@code data.call_session_id}, or {@code
 * data.call_id} when only that is sent. A delivery with neither is rejected.
 *
 * @param orgId the organisation that owns the call ({@code org_id}), or null when not sent; {@link
 *     AgniWebhookParser} checks it against the expected organisations
 * @param data the call session's record
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record CallCompletedEvent(
    @JsonProperty("org_id") @Nullable String orgId,
    @JsonProperty("data") CallData data,
    @ExtraFields Map<String, @Nullable Object> extraFields)
    implements AgniEvent, FinishedCallEvent {

  /** The event type name on the wire. */
  public static final String EVENT_TYPE = "call.completed";

  /**
   * Creates the event, checking its identity.
   *
   * @param orgId the owning organisation, or null
   * @param data the call session's record
   * @param extraFields the fields not declared, or null for none; copied deeply
   * @throws WebhookParseException if {@code data} is missing (or was not a JSON object), or carries
   *     neither {@code call_session_id} nor {@code call_id}
   */
  public CallCompletedEvent {
    if (data == null) {
      throw new WebhookParseException(
          "Missing required field 'data' (or not a JSON object) in '" + EVENT_TYPE + "' event",
          "data",
          EVENT_TYPE);
    }
    Identity.require(sessionIdOf(data), "data.call_session_id", EVENT_TYPE);
    extraFields = FreeForm.copyOf(extraFields);
  }

  /** {@return the event type, {@value #EVENT_TYPE}} */
  @Override
  public String eventType() {
    return EVENT_TYPE;
  }

  /**
   * Returns the call session's id: {@code data.call_session_id}, which Agni documents as the
   * de-duplication key, or {@code data.call_id} when only that is sent.
   *
   * @return the id, never empty
   */
  @Override
  public String sessionId() {
    return Objects.requireNonNull(sessionIdOf(data));
  }

  /** The session id: {@code call_session_id}, else {@code call_id}; null when neither is text. */
  private static @Nullable String sessionIdOf(CallData data) {
    String id = data.callSessionId();
    return isBlank(id) ? data.callId() : id;
  }

  /**
   * Calls {@link AgniEventListener#onCallCompleted(CallCompletedEvent)}.
   *
   * @param listener the listener
   */
  @Override
  public void dispatch(AgniEventListener listener) {
    listener.onCallCompleted(this);
  }

  /**
   * Returns the provider-neutral view of this call.
   *
   * <ul>
   *   <li>{@code callId} is {@link #sessionId()}.
   *   <li>{@code outcome} maps {@code status}, whose values Agni documents: {@code completed} is
   *       {@code COMPLETED}, {@code failed} {@code FAILED}, {@code no_answer} {@code NO_ANSWER},
   *       {@code busy} {@code BUSY}, {@code voicemail} {@code VOICEMAIL}; any other value, or none,
   *       is {@code UNKNOWN}. {@code providerStatus} is {@code status} as sent.
   *   <li>{@code businessOutcome} is {@code post_call_analysis.disposition} as sent (an open set,
   *       such as {@code meeting_booked}).
   *   <li>{@code duration} is {@code duration_sec}, or else the time from {@code started_at} to
   *       {@code ended_at}. Agni does not define whether {@code duration_sec} counts from dialling
   *       or from pick-up.
   *   <li>{@code sentiment} comes from {@code post_call_analysis.sentiment}, a documented label.
   *   <li>The transcript keeps the entries that have content. Roles {@code agent} and {@code
   *       assistant} are {@code AGENT}, {@code user} is {@code USER}, anything else {@code OTHER}.
   *       The offset is {@code timestamp_ms}; a value too large to be an offset (an epoch time,
   *       which Agni's docs do not rule out) is taken relative to {@code started_at}, or left null
   *       when that is unknown.
   *   <li>{@code customerPhoneNumber} is {@code phone}. {@code agentPhoneNumber} is whichever of
   *       {@code caller_number} and {@code callee_number} is not {@code phone} (compared by
   *       digits); null when {@code phone} matches neither or both, since Agni does not document
   *       the call's direction.
   *   <li>{@code correlation} holds {@code campaign_id}, {@code contact_id} and {@code attempt}
   *       when sent, then the analysis's extra keys ({@link PostCallAnalysis#extraFields()}), which
   *       never replace those three.
   * </ul>
   *
   * @return the summary
   */
  @Override
  public CallSummary callSummary() {
    return CallSummaries.of(this);
  }

  private static boolean isBlank(@Nullable String id) {
    return id == null || id.isBlank();
  }

  /** Shows the components; the extra fields only by their number. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("orgId", orgId)
        .add("data", data)
        .redact("extraFields", extraFields)
        .toString();
  }
}
