package io.voicehooks.vaani;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.internal.ExtraFields;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.IdDeserializer;
import io.voicehooks.core.internal.Identity;
import io.voicehooks.core.internal.InSeconds;
import io.voicehooks.core.internal.ToString;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Sent as soon as the room disconnects and the session terminates ({@code call_ended}), for
 * outbound and inbound calls. Transcript and summary follow in {@link CallPostprocessingEvent}.
 *
 * <pre>{@code
 * {"event": "call_ended", "room_name": "room_123abc", "call_duration": 42.5,
 *  "end_reason": "AGENT_REQUESTED_DISCONNECT"}
 * }</pre>
 *
 * <p>In this event Vaani sends {@code call_duration} in <b>seconds</b>, possibly fractional ({@code
 * 42.5}); in {@code call_postprocessing} it sends milliseconds. Both read as a {@link Duration}, so
 * callers never deal with the units. The conversion is exact to the nanosecond, so the wire value
 * is {@code callDuration().toNanos() / 1e9} seconds. Reading is lenient: a {@code call_duration}
 * that is not a non-negative number (or numeric string) of seconds, such as {@code "n/a"} or {@code
 * -1}, reads as null instead of failing the delivery.
 *
 * @param roomName the room that identifies the call ({@code room_name})
 * @param callDuration how long the call lasted ({@code call_duration}, sent in seconds), or null
 *     when absent or unreadable
 * @param endReason why the session ended ({@code end_reason}), or null
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record CallEndedEvent(
    @JsonProperty("room_name") @JsonDeserialize(using = IdDeserializer.class) String roomName,
    @JsonProperty("call_duration") @InSeconds @Nullable Duration callDuration,
    @JsonProperty("end_reason") @Nullable OpenEnum<EndReason> endReason,
    @ExtraFields Map<String, @Nullable Object> extraFields)
    implements VaaniEvent {
  /** The value of {@code event} for this record. */
  public static final String EVENT_TYPE = "call_ended";

  /**
   * Creates the event.
   *
   * @param roomName the room that identifies the call
   * @param callDuration how long the call lasted, or null
   * @param endReason why the session ended, or null
   * @param extraFields the fields not declared, or null for none; copied deeply
   * @throws io.voicehooks.core.WebhookParseException if {@code roomName} is null or blank
   */
  public CallEndedEvent {
    roomName = Identity.require(roomName, "room_name", EVENT_TYPE);
    extraFields = FreeForm.copyOf(extraFields);
  }

  /** {@return {@code call_ended}} */
  @Override
  public String eventType() {
    return EVENT_TYPE;
  }

  @Override
  public void dispatch(VaaniEventListener listener) {
    listener.onCallEnded(this);
  }

  /** Shows the components; the extra fields only by their number. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("roomName", roomName)
        .add("callDuration", callDuration)
        .add("endReason", endReason)
        .redact("extraFields", extraFields)
        .toString();
  }
}
