package io.voicehooks.vaani;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.internal.IdDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * Sent when the call rings until the carrier's timeout, typically 45 to 60 seconds, without an
 * answer ({@code call_no_answer}); outbound calls only. A terminal outcome.
 *
 * <pre>{@code
 * {"event": "call_no_answer", "room_name": "room_123abc", "status": "no_answer"}
 * }</pre>
 *
 * @param roomName the room that identifies the call ({@code room_name})
 * @param status the call status ({@code status}), {@code no_answer} in Vaani's example, or null
 *     when not sent
 */
public record CallNoAnswerEvent(
    @JsonProperty("room_name") @JsonDeserialize(using = IdDeserializer.class) String roomName,
    @JsonProperty("status") @Nullable OpenEnum<CallStatus> status)
    implements VaaniEvent {
  /** The value of {@code event} for this record. */
  public static final String EVENT_TYPE = "call_no_answer";

  /**
   * Creates the event.
   *
   * @param roomName the room that identifies the call
   * @param status the call status, or null
   * @throws io.voicehooks.core.WebhookParseException if {@code roomName} is null or blank
   */
  public CallNoAnswerEvent {
    roomName = RoomNames.require(roomName, EVENT_TYPE);
  }

  /** {@return {@code call_no_answer}} */
  @Override
  public String eventType() {
    return EVENT_TYPE;
  }

  @Override
  public void dispatch(VaaniEventListener listener) {
    listener.onCallNoAnswer(this);
  }
}
