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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Sent for an abrupt SIP error, a technical failure or an invalid destination number ({@code
 * call_failed}); outbound calls only. A terminal outcome.
 *
 * <pre>{@code
 * {"event": "call_failed", "room_name": "room_123abc", "status": "failed",
 *  "error": "SIP_404_NOT_FOUND"}
 * }</pre>
 *
 * <p>{@code error} is kept as a string: Vaani shows a single value, and its {@code SIP_<code>_...}
 * form carries a number that {@link #sipCode()} extracts, which serves better than an enum of
 * guessed names.
 *
 * @param roomName the room that identifies the call ({@code room_name})
 * @param status the call status ({@code status}), {@code failed} in Vaani's example, or null
 * @param error what failed ({@code error}), such as {@code SIP_404_NOT_FOUND}, or null
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record CallFailedEvent(
    @JsonProperty("room_name") @JsonDeserialize(using = IdDeserializer.class) String roomName,
    @JsonProperty("status") @Nullable OpenEnum<CallStatus> status,
    @JsonProperty("error") @Nullable String error,
    @ExtraFields Map<String, @Nullable Object> extraFields)
    implements VaaniEvent {
  /** The value of {@code event} for this record. */
  public static final String EVENT_TYPE = "call_failed";

  private static final Pattern SIP_CODE =
      Pattern.compile("^SIP[_ -]?([1-6][0-9]{2})(?![0-9])", Pattern.CASE_INSENSITIVE);

  /**
   * Creates the event.
   *
   * @param roomName the room that identifies the call
   * @param status the call status, or null
   * @param error what failed, or null
   * @param extraFields the fields not declared, or null for none; copied deeply
   * @throws io.voicehooks.core.WebhookParseException if {@code roomName} is null or blank
   */
  public CallFailedEvent {
    roomName = Identity.require(roomName, "room_name", EVENT_TYPE);
    extraFields = FreeForm.copyOf(extraFields);
  }

  /**
   * Returns the SIP response code named by {@link #error()}: {@code 404} for {@code
   * SIP_404_NOT_FOUND}.
   *
   * @return the code from 100 to 699, or null when the error is absent or not of the {@code
   *     SIP_<code>...} form
   */
  public @Nullable Integer sipCode() {
    if (error == null) {
      return null;
    }
    Matcher m = SIP_CODE.matcher(error.trim());
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  /** {@return {@code call_failed}} */
  @Override
  public String eventType() {
    return EVENT_TYPE;
  }

  @Override
  public void dispatch(VaaniEventListener listener) {
    listener.onCallFailed(this);
  }

  /** Shows the components; the extra fields only by their number. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("roomName", roomName)
        .add("status", status)
        .add("error", error)
        .redact("extraFields", extraFields)
        .toString();
  }
}
