package io.voicehooks.vaani;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.internal.IdDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * Sent when the user answers and media starts flowing ({@code user_picked_up_at}). The event name
 * carries no time: Vaani sends no timestamps.
 *
 * <pre>{@code
 * {"event": "user_picked_up_at", "room_name": "room_123abc", "status": "active"}
 * }</pre>
 *
 * @param roomName the room that identifies the call ({@code room_name})
 * @param status the call status ({@code status}), {@code active} in Vaani's example, or null when
 *     not sent
 */
public record UserPickedUpEvent(
    @JsonProperty("room_name") @JsonDeserialize(using = IdDeserializer.class) String roomName,
    @JsonProperty("status") @Nullable OpenEnum<CallStatus> status)
    implements VaaniEvent {
  /** The value of {@code event} for this record. */
  public static final String EVENT_TYPE = "user_picked_up_at";

  /**
   * Creates the event.
   *
   * @param roomName the room that identifies the call
   * @param status the call status, or null
   * @throws io.voicehooks.core.WebhookParseException if {@code roomName} is null or blank
   */
  public UserPickedUpEvent {
    roomName = RoomNames.require(roomName, EVENT_TYPE);
  }

  /** {@return {@code user_picked_up_at}} */
  @Override
  public String eventType() {
    return EVENT_TYPE;
  }

  @Override
  public void dispatch(VaaniEventListener listener) {
    listener.onUserPickedUp(this);
  }
}
