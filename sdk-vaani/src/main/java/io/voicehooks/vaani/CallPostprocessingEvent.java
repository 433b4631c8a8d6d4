package io.voicehooks.vaani;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.voicehooks.core.CallSummary;
import io.voicehooks.core.FinishedCallEvent;
import io.voicehooks.core.internal.ExtraFields;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.IdDeserializer;
import io.voicehooks.core.internal.Identity;
import io.voicehooks.core.internal.InMillis;
import io.voicehooks.core.internal.ToString;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Sent once Vaani has transcribed, summarised and extracted entities from a finished call ({@code
 * call_postprocessing}); the last event of a call. Offers the provider-neutral {@link
 * #callSummary()}.
 *
 * <pre>{@code
 * {"event": "call_postprocessing", "room_name": "room_123abc", "call_duration": 42500,
 *  "transcript": "User: Hello. Agent: Hi, how can I help you? ...",
 *  "summary": "Customer called to inquire about service availability in Mumbai.",
 *  "entities": {"location": "Mumbai", "intent": "service_inquiry"},
 *  "recording_url": "https://storage.vaani.ai/recordings/call_123.mp3"}
 * }</pre>
 *
 * <p>In this event Vaani sends {@code call_duration} in <b>milliseconds</b> ({@code 42500}); in
 * {@code call_ended} it sends seconds. Both read as a {@link Duration}, so callers never deal with
 * the units; the conversion is exact, so the wire value is {@code callDuration().toMillis()} (plus
 * any fraction of a millisecond). Reading is lenient: a {@code call_duration} that is not a
 * non-negative number (or numeric string) of milliseconds reads as null instead of failing the
 * delivery.
 *
 * <p>The transcript is one string with inline speaker labels; {@link #turns()} splits it.
 *
 * <p>{@link #toString()} shows the room and duration, and redacts the rest: the transcript, summary
 * and recording URL appear only by length, the entities by their number.
 *
 * @param roomName the room that identifies the call ({@code room_name})
 * @param callDuration how long the call lasted ({@code call_duration}, sent in milliseconds), or
 *     null when absent or unreadable
 * @param transcript the whole conversation as sent ({@code transcript}), with {@code User:} and
 *     {@code Agent:} labels, or null
 * @param summary the written summary of the call ({@code summary}), or null
 * @param entities what the agent extracted from the call ({@code entities}), as sent. Vaani's
 *     example shows two string values; inferred, not documented: keys come from the agent's
 *     extraction configuration and values may be null or any JSON type (strings, numbers as {@code
 *     Integer}, {@code Long}, {@code BigInteger} or {@code BigDecimal}, booleans, lists, maps);
 *     unmodifiable, empty when absent
 * @param recordingUrl where the call's recording can be fetched ({@code recording_url}), or null
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record CallPostprocessingEvent(
    @JsonProperty("room_name") @JsonDeserialize(using = IdDeserializer.class) String roomName,
    @JsonProperty("call_duration") @InMillis @Nullable Duration callDuration,
    @JsonProperty("transcript") @Nullable String transcript,
    @JsonProperty("summary") @Nullable String summary,
    @JsonProperty("entities") Map<String, @Nullable Object> entities,
    @JsonProperty("recording_url") @Nullable String recordingUrl,
    @ExtraFields Map<String, @Nullable Object> extraFields)
    implements VaaniEvent, FinishedCallEvent {
  /** The value of {@code event} for this record. */
  public static final String EVENT_TYPE = "call_postprocessing";

  /**
   * Creates the event, copying the entities.
   *
   * @param roomName the room that identifies the call
   * @param callDuration how long the call lasted, or null
   * @param transcript the conversation as sent, or null
   * @param summary the written summary, or null
   * @param entities the extracted entities; null is read as empty
   * @param recordingUrl where the recording can be fetched, or null
   * @param extraFields the fields not declared, or null for none; copied deeply
   * @throws io.voicehooks.core.WebhookParseException if {@code roomName} is null or blank
   */
  public CallPostprocessingEvent {
    roomName = Identity.require(roomName, "room_name", EVENT_TYPE);
    entities = FreeForm.copyOf(entities);
    extraFields = FreeForm.copyOf(extraFields);
  }

  /**
   * Returns the transcript split into speaker turns, in order.
   *
   * <p>A label is {@code User:} or {@code Agent:} in any case ({@code USER:} and {@code AGENT:} as
   * Vaani's REST API writes them) at the start of the text or after whitespace, so {@code
   * superuser:} is not one; turns may be separated by spaces or blank lines. Text before the first
   * label, or a transcript without labels, becomes a turn with role {@link CallSummary.Role#OTHER}.
   * Turn text is trimmed and empty turns are dropped; offsets are null, as Vaani sends no timing.
   *
   * @return the turns; empty when there is no transcript
   */
  public List<CallSummary.Turn> turns() {
    return Transcripts.split(transcript);
  }

  /**
   * Returns the provider-neutral view of this call: provider {@code vaani}, call id {@code
   * room_name}, the duration, summary, recording URL, {@link #turns()} as the transcript, and the
   * entities as correlation variables.
   *
   * <p>Vaani sends no status, times or phone numbers in this event, so {@code outcome} is {@code
   * UNKNOWN} and {@code providerStatus}, the times and the numbers are null; {@link
   * #callSummary(CallState)} fills the outcome from the call's other events. Vaani has no business
   * outcome field; it is null. {@code duration} is {@code call_duration}, which Vaani describes
   * only as the call's duration (from dialling or from pick-up is not stated).
   *
   * <p>Inferred, not documented: the sentiment. Vaani documents no sentiment, so it is read from an
   * entity named {@code sentiment} (or ending in {@code sentiment}, such as {@code
   * customer_sentiment}) whose value is {@code positive}, {@code neutral} or {@code negative} in
   * any case, if the agent's extraction defines one; otherwise it is {@code UNKNOWN}.
   *
   * @return the summary of the call
   */
  @Override
  public CallSummary callSummary() {
    return summary(CallSummary.Outcome.UNKNOWN, null);
  }

  /**
   * Returns the provider-neutral view of this call, like {@link #callSummary()}, with the outcome
   * that the call's earlier events tell: {@code outcome} is {@link CallState#outcome()}, and {@code
   * providerStatus} is the state's {@link CallState#status()} as sent (the {@code rejected}, {@code
   * no_answer} or {@code failed} of a failed call), or else its {@code end_reason} as sent.
   *
   * <pre>{@code
   * CallState state = tracker.state(event.roomName()); // a VaaniCallTracker that saw every event
   * crm.save(state == null ? event.callSummary() : event.callSummary(state));
   * }</pre>
   *
   * @param call the state of this call, from a {@link VaaniCallTracker}
   * @return the summary of the call
   * @throws IllegalArgumentException if {@code call} is the state of another room
   */
  public CallSummary callSummary(CallState call) {
    Objects.requireNonNull(call, "call == null");
    if (!call.roomName().equals(roomName)) {
      throw new IllegalArgumentException("call is the state of another room");
    }
    String status = call.status() == null ? null : call.status().raw();
    if (status == null && call.endReason() != null) {
      status = call.endReason().raw();
    }
    return summary(call.outcome(), status);
  }

  private CallSummary summary(CallSummary.Outcome outcome, @Nullable String providerStatus) {
    return new CallSummary(
        PROVIDER,
        roomName,
        outcome,
        providerStatus,
        null,
        null,
        null,
        callDuration,
        summary,
        Transcripts.sentiment(entities),
        recordingUrl,
        turns(),
        null,
        null,
        entities);
  }

  /** {@return {@code call_postprocessing}} */
  @Override
  public String eventType() {
    return EVENT_TYPE;
  }

  @Override
  public void dispatch(VaaniEventListener listener) {
    listener.onCallPostprocessing(this);
  }

  /** Shows the room and duration; the transcript, summary, entities and URL only by size. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("roomName", roomName)
        .add("callDuration", callDuration)
        .redact("transcript", transcript)
        .redact("summary", summary)
        .redact("entities", entities)
        .redact("recordingUrl", recordingUrl)
        .redact("extraFields", extraFields)
        .toString();
  }
}
