package io.voicehooks.vaani;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.internal.DurationDeserializer;
import io.voicehooks.core.internal.IdDeserializer;
import java.time.Duration;
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
 */
public record CallEndedEvent(
    @JsonProperty("room_name") @JsonDeserialize(using = IdDeserializer.class) String roomName,
    @JsonProperty("call_duration") @JsonDeserialize(using = DurationDeserializer.Seconds.class)
        @Nullable Duration callDuration,
    @JsonProperty("end_reason") @Nullable OpenEnum<EndReason> endReason)
    implements VaaniEvent {
  /** The value of {@code event} for this record. */
  public static final String EVENT_TYPE = "call_ended";

  /**
   * Creates the event.
   *
   * @param roomName the room that identifies the call
   * @param callDuration how long the call lasted, or null
   * @param endReason why the session ended, or null
   * @throws io.voicehooks.core.WebhookParseException if {@code roomName} is null or blank
   */
  public CallEndedEvent {
    roomName = RoomNames.require(roomName, EVENT_TYPE);
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
}
