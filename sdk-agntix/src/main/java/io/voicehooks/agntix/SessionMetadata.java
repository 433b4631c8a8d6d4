package io.voicehooks.agntix;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.internal.ExtraFields;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.ToString;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Channel and session metadata, sent as {@code metadata} in both session events.
 *
 * <p>{@link #toString()} shows the room, the customer's number only by its length and the session
 * variables only by their number: they are the caller's data as much as correlation ids.
 *
 * @param customerPhoneNumber the customer's number in E.164 form, such as {@code +971501234567}, or
 *     null (chat sessions, or not sent)
 * @param roomName the media room of the call, or null
 * @param sessionVariables the {@code session_variables} passed when the call was triggered, echoed
 *     verbatim whether or not the prompt used them: the caller's correlation ids (such as {@code
 *     crmContactId}); free-form, unmodifiable, empty when not sent
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record SessionMetadata(
    @JsonProperty("customerPhoneNumber") @Nullable String customerPhoneNumber,
    @JsonProperty("roomName") @Nullable String roomName,
    @JsonProperty("sessionVariables") Map<String, @Nullable Object> sessionVariables,
    @ExtraFields Map<String, @Nullable Object> extraFields) {

  static final SessionMetadata EMPTY = new SessionMetadata(null, null, Map.of(), Map.of());

  /**
   * Creates metadata, copying the session variables.
   *
   * @param customerPhoneNumber the customer's number, or null
   * @param roomName the media room, or null
   * @param sessionVariables the session variables, or null for none
   * @param extraFields the fields not declared, or null for none; copied deeply
   */
  public SessionMetadata {
    sessionVariables = FreeForm.copyOf(sessionVariables);
    extraFields = FreeForm.copyOf(extraFields);
  }

  /**
   * Returns one session variable as text, the way the prompt renders it.
   *
   * @param name the variable's name, such as {@code crmContactId}
   * @return the value as a string (numbers and booleans converted), or null when absent, null, or
   *     an object or array
   */
  public @Nullable String sessionVariable(String name) {
    Object value = sessionVariables.get(name);
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return null;
  }

  /** Shows the room; the phone number and session variables only by size. */
  @Override
  public String toString() {
    return ToString.of(this)
        .redact("customerPhoneNumber", customerPhoneNumber)
        .add("roomName", roomName)
        .redact("sessionVariables", sessionVariables)
        .redact("extraFields", extraFields)
        .toString();
  }
}
