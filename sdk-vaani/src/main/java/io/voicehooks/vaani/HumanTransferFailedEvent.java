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
 * Sent when a transfer to a human cannot be completed because it was rejected, busy or not answered
 * ({@code human_transfer_failed}). Inferred, not documented: the call then stays with the AI agent
 * (Vaani does not say what happens to it).
 *
 * <pre>{@code
 * {"event": "human_transfer_failed", "room_name": "room_123abc", "transfer_type": "warm",
 *  "phone_number": "+919876543210", "reason": "busy", "sip_status": "busy"}
 * }</pre>
 *
 * <p>{@link #toString()} shows the phone number only by its length.
 *
 * @param roomName the room that identifies the call ({@code room_name})
 * @param transferType how the call was to be handed over ({@code transfer_type}), or null
 * @param phoneNumber the human's number the transfer tried ({@code phone_number}), or null
 * @param reason why the transfer failed ({@code reason}), or null
 * @param sipStatus the SIP outcome as Vaani labels it ({@code sip_status}), a string such as {@code
 *     busy} rather than a numeric SIP code; kept as sent because its value set is undocumented; or
 *     null
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record HumanTransferFailedEvent(
    @JsonProperty("room_name") @JsonDeserialize(using = IdDeserializer.class) String roomName,
    @JsonProperty("transfer_type") @Nullable OpenEnum<TransferType> transferType,
    @JsonProperty("phone_number") @Nullable String phoneNumber,
    @JsonProperty("reason") @Nullable OpenEnum<TransferFailureReason> reason,
    @JsonProperty("sip_status") @Nullable String sipStatus,
    @ExtraFields Map<String, @Nullable Object> extraFields)
    implements VaaniEvent {
  /** The value of {@code event} for this record. */
  public static final String EVENT_TYPE = "human_transfer_failed";

  /**
   * Creates the event.
   *
   * @param roomName the room that identifies the call
   * @param transferType how the call was to be handed over, or null
   * @param phoneNumber the transfer target's number, or null
   * @param reason why the transfer failed, or null
   * @param sipStatus the SIP outcome label, or null
   * @param extraFields the fields not declared, or null for none; copied deeply
   * @throws io.voicehooks.core.WebhookParseException if {@code roomName} is null or blank
   */
  public HumanTransferFailedEvent {
    roomName = Identity.require(roomName, "room_name", EVENT_TYPE);
    extraFields = FreeForm.copyOf(extraFields);
  }

  /** {@return {@code human_transfer_failed}} */
  @Override
  public String eventType() {
    return EVENT_TYPE;
  }

  @Override
  public void dispatch(VaaniEventListener listener) {
    listener.onHumanTransferFailed(this);
  }

  /** Shows the room, transfer type and outcome; the phone number only by its length. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("roomName", roomName)
        .add("transferType", transferType)
        .redact("phoneNumber", phoneNumber)
        .add("reason", reason)
        .add("sipStatus", sipStatus)
        .redact("extraFields", extraFields)
        .toString();
  }
}
