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
 * Sent when the SIP participant joins the room and an outbound call begins dialing, or when an
 * inbound caller connects ({@code call_started}).
 *
 * <pre>{@code
 * {"event": "call_started", "room_name": "room_123abc", "status": "dialing",
 *  "phone_number": "+1234567890"}
 * }</pre>
 *
 * <p>For an inbound call Vaani documents neither the status nor whose number {@code phone_number}
 * is; both are kept as sent. {@link #toString()} shows the phone number only by its length.
 *
 * @param roomName the room that identifies the call ({@code room_name})
 * @param status the call status ({@code status}), {@code dialing} in Vaani's example, or null
 * @param phoneNumber the phone number of the call ({@code phone_number}): for an outbound call the
 *     number dialled, in E.164 form such as {@code +1234567890}; or null
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record CallStartedEvent(
    @JsonProperty("room_name") @JsonDeserialize(using = IdDeserializer.class) String roomName,
    @JsonProperty("status") @Nullable OpenEnum<CallStatus> status,
    @JsonProperty("phone_number") @Nullable String phoneNumber,
    @ExtraFields Map<String, @Nullable Object> extraFields)
    implements VaaniEvent {
  /** The value of {@code event} for this record. */
  public static final String EVENT_TYPE = "call_started";

  /**
   * Creates the event.
   *
   * @param roomName the room that identifies the call
   * @param status the call status, or null
   * @param phoneNumber the phone number of the call, or null
   * @param extraFields the fields not declared, or null for none; copied deeply
   * @throws io.voicehooks.core.WebhookParseException if {@code roomName} is null or blank
   */
  public CallStartedEvent {
    roomName = Identity.require(roomName, "room_name", EVENT_TYPE);
    extraFields = FreeForm.copyOf(extraFields);
  }

  /** {@return {@code call_started}} */
  @Override
  public String eventType() {
    return EVENT_TYPE;
  }

  @Override
  public void dispatch(VaaniEventListener listener) {
    listener.onCallStarted(this);
  }

  /** Shows the room and status; the phone number only by its length. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("roomName", roomName)
        .add("status", status)
        .redact("phoneNumber", phoneNumber)
        .redact("extraFields", extraFields)
        .toString();
  }
}
