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
 * Sent when the human specialist answers and the AI agent is ready to introduce the call ({@code
 * human_transfer_successful}).
 *
 * <pre>{@code
 * {"event": "human_transfer_successful", "room_name": "room_123abc", "transfer_type": "warm",
 *  "phone_number": "+919876543210", "agent_identity": "human_agent_1712485300"}
 * }</pre>
 *
 * <p>{@link #toString()} shows the phone number only by its length.
 *
 * @param roomName the room that identifies the call ({@code room_name})
 * @param transferType how the call was handed over ({@code transfer_type}), or null
 * @param phoneNumber the human's number the call was transferred to ({@code phone_number}), or null
 * @param agentIdentity the human's participant identity in the room ({@code agent_identity}), such
 *     as {@code human_agent_1712485300}, or null
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record HumanTransferSucceededEvent(
    @JsonProperty("room_name") @JsonDeserialize(using = IdDeserializer.class) String roomName,
    @JsonProperty("transfer_type") @Nullable OpenEnum<TransferType> transferType,
    @JsonProperty("phone_number") @Nullable String phoneNumber,
    @JsonProperty("agent_identity") @Nullable String agentIdentity,
    @ExtraFields Map<String, @Nullable Object> extraFields)
    implements VaaniEvent {
  /** The value of {@code event} for this record. */
  public static final String EVENT_TYPE = "human_transfer_successful";

  /**
   * Creates the event.
   *
   * @param roomName the room that identifies the call
   * @param transferType how the call was handed over, or null
   * @param phoneNumber the transfer target's number, or null
   * @param agentIdentity the human's participant identity, or null
   * @param extraFields the fields not declared, or null for none; copied deeply
   * @throws io.voicehooks.core.WebhookParseException if {@code roomName} is null or blank
   */
  public HumanTransferSucceededEvent {
    roomName = Identity.require(roomName, "room_name", EVENT_TYPE);
    extraFields = FreeForm.copyOf(extraFields);
  }

  /** {@return {@code human_transfer_successful}} */
  @Override
  public String eventType() {
    return EVENT_TYPE;
  }

  @Override
  public void dispatch(VaaniEventListener listener) {
    listener.onHumanTransferSucceeded(this);
  }

  /** Shows the room, transfer type and identity; the phone number only by its length. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("roomName", roomName)
        .add("transferType", transferType)
        .redact("phoneNumber", phoneNumber)
        .add("agentIdentity", agentIdentity)
        .redact("extraFields", extraFields)
        .toString();
  }
}
