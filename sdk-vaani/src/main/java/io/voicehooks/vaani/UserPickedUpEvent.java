package io.voicehooks.vaani;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.internal.ExtraFields;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.IdDeserializer;
import io.voicehooks.core.internal.Identity;
import io.voicehooks.core.internal.ToString;
import java.util.Map;
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
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record UserPickedUpEvent(
    @JsonProperty("room_name") @JsonDeserialize(using = IdDeserializer.class) String roomName,
    @JsonProperty("status") @Nullable OpenEnum<CallStatus> status,
    @ExtraFields Map<String, @Nullable Object> extraFields)
    implements VaaniEvent {
  /** The value of {@code event} for this record. */
  public static final String EVENT_TYPE = "user_picked_up_at";

  /**
   * Creates the event.
   *
   * @param roomName the room that identifies the call
   * @param status the call status, or null
   * @param extraFields the fields not declared, or null for none; copied deeply
   * @throws io.voicehooks.core.WebhookParseException if {@code roomName} is null or blank
   */
  public UserPickedUpEvent {
    roomName = Identity.require(roomName, "room_name", EVENT_TYPE);
    extraFields = FreeForm.copyOf(extraFields);
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

  /** Shows the components; the extra fields only by their number. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("roomName", roomName)
        .add("status", status)
        .redact("extraFields", extraFields)
        .toString();
  }
}
