package io.voicehooks.vaani;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.internal.IdDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * Sent when the carrier reports that the callee's phone is ringing ({@code call_ringing}); outbound
 * calls only.
 *
 * <pre>{@code
 * {"event": "call_ringing", "room_name": "room_123abc", "status": "ringing"}
 * }</pre>
 *
 * @param roomName the room that identifies the call ({@code room_name})
 * @param status the call status ({@code status}), {@code ringing} in Vaani's example, or null when
 *     not sent
 */
public record CallRingingEvent(
    @JsonProperty("room_name") @JsonDeserialize(using = IdDeserializer.class) String roomName,
    @JsonProperty("status") @Nullable OpenEnum<CallStatus> status)
    implements VaaniEvent {
  /** The value of {@code event} for this record. */
  public static final String EVENT_TYPE = "call_ringing";

  /**
   * Creates the event.
   *
   * @param roomName the room that identifies the call
   * @param status the call status, or null
   * @throws io.voicehooks.core.WebhookParseException if {@code roomName} is null or blank
   */
  public CallRingingEvent {
    roomName = RoomNames.require(roomName, EVENT_TYPE);
  }

  /** {@return {@code call_ringing}} */
  @Override
  public String eventType() {
    return EVENT_TYPE;
  }

  @Override
  public void dispatch(VaaniEventListener listener) {
    listener.onCallRinging(this);
  }
}
