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
 * Sent when the AI agent calls its transfer tool to hand the call to a human ({@code
 * human_transfer_initiated}).
 *
 * <pre>{@code
 * {"event": "human_transfer_initiated", "room_name": "room_123abc", "transfer_type": "warm",
 *  "phone_number": "+919876543210"}
 * }</pre>
 *
 * <p>{@link #toString()} shows the phone number only by its length.
 *
 * @param roomName the room that identifies the call ({@code room_name})
 * @param transferType how the call is handed over ({@code transfer_type}), or null
 * @param phoneNumber the human's number the call is transferred to ({@code phone_number}), not the
 *     customer's; or null
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record HumanTransferInitiatedEvent(
    @JsonProperty("room_name") @JsonDeserialize(using = IdDeserializer.class) String roomName,
    @JsonProperty("transfer_type") @Nullable OpenEnum<TransferType> transferType,
    @JsonProperty("phone_number") @Nullable String phoneNumber,
    @ExtraFields Map<String, @Nullable Object> extraFields)
    implements VaaniEvent {
  /** The value of {@code event} for this record. */
  public static final String EVENT_TYPE = "human_transfer_initiated";

  /**
   * Creates the event.
   *
   * @param roomName the room that identifies the call
   * @param transferType how the call is handed over, or null
   * @param phoneNumber the transfer target's number, or null
   * @param extraFields the fields not declared, or null for none; copied deeply
   * @throws io.voicehooks.core.WebhookParseException if {@code roomName} is null or blank
   */
  public HumanTransferInitiatedEvent {
    roomName = Identity.require(roomName, "room_name", EVENT_TYPE);
    extraFields = FreeForm.copyOf(extraFields);
  }

  /** {@return {@code human_transfer_initiated}} */
  @Override
  public String eventType() {
    return EVENT_TYPE;
  }

  @Override
  public void dispatch(VaaniEventListener listener) {
    listener.onHumanTransferInitiated(this);
  }

  /** Shows the room and transfer type; the phone number only by its length. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("roomName", roomName)
        .add("transferType", transferType)
        .redact("phoneNumber", phoneNumber)
        .redact("extraFields", extraFields)
        .toString();
  }
}
