package io.voicehooks.vaani;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.internal.IdDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * Sent when the user rejects the call or the line is busy, SIP 486 or 603 ({@code call_rejected});
 * outbound calls only. A terminal outcome.
 *
 * <pre>{@code
 * {"event": "call_rejected", "room_name": "room_123abc", "status": "rejected"}
 * }</pre>
 *
 * @param roomName the room that identifies the call ({@code room_name})
 * @param status the call status ({@code status}), {@code rejected} in Vaani's example, or null when
 *     not sent
 */
public record CallRejectedEvent(
    @JsonProperty("room_name") @JsonDeserialize(using = IdDeserializer.class) String roomName,
    @JsonProperty("status") @Nullable OpenEnum<CallStatus> status)
    implements VaaniEvent {
  /** The value of {@code event} for this record. */
  public static final String EVENT_TYPE = "call_rejected";

  /**
   * Creates the event.
   *
   * @param roomName the room that identifies the call
   * @param status the call status, or null
   * @throws io.voicehooks.core.WebhookParseException if {@code roomName} is null or blank
   */
  public CallRejectedEvent {
    roomName = RoomNames.require(roomName, EVENT_TYPE);
  }

  /** {@return {@code call_rejected}} */
  @Override
  public String eventType() {
    return EVENT_TYPE;
  }

  @Override
  public void dispatch(VaaniEventListener listener) {
    listener.onCallRejected(this);
  }
}
