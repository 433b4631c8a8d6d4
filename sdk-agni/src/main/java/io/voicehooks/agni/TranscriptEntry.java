package io.voicehooks.agni;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.internal.ExtraFields;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.InMillis;
import io.voicehooks.core.internal.ToString;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a call's transcript ({@code data.transcripts[]}).
 *
 * <p>Agni documents two shapes: the role beside the message ({@code {"role": "agent", "message":
 * {"content": …, "format": "text"}}}, the webhook example) and the role inside it ({@code
 * {"message": {"role": "agent", "content": …}}}, the REST API). Both are read; {@link #role()}
 * gives the top-level role, or the message's when there is none at the top.
 *
 * @param id the entry's id, such as {@code t-001}, or null when not sent
 * @param offset when the entry was spoken ({@code timestamp_ms}), read as milliseconds. Agni does
 *     not say whether this is an offset from the start of the call (as its examples suggest) or an
 *     epoch time; the value is kept as sent. Null when not sent or not a number
 * @param role who spoke: the top-level {@code role}, or else {@code message.role}; null when
 *     neither is sent
 * @param message what was said, or null when not sent
 * @param createdAt when the entry was recorded, or null when not sent
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record TranscriptEntry(
    @JsonProperty("id") @Nullable String id,
    @JsonProperty("timestamp_ms") @InMillis @Nullable Duration offset,
    @JsonProperty("role") @Nullable OpenEnum<MessageRole> role,
    @JsonProperty("message") @Nullable TranscriptMessage message,
    @JsonProperty("created_at") @Nullable Instant createdAt,
    @ExtraFields Map<String, @Nullable Object> extraFields) {

  /**
   * Creates an entry, taking the role from the message when none is given at the top level.
   *
   * @param id the entry's id, or null
   * @param offset when the entry was spoken, or null
   * @param role who spoke, or null to use the message's role
   * @param message what was said, or null
   * @param createdAt when the entry was recorded, or null
   * @param extraFields the fields not declared, or null for none; copied deeply
   */
  public TranscriptEntry {
    if (role == null && message != null) {
      role = message.role();
    }
    extraFields = FreeForm.copyOf(extraFields);
  }

  /** {@return what was said ({@code message.content}), or null when not sent} */
  public @Nullable String content() {
    return message == null ? null : message.content();
  }

  /** Shows the components; the extra fields only by their number. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("id", id)
        .add("offset", offset)
        .add("role", role)
        .add("message", message)
        .add("createdAt", createdAt)
        .redact("extraFields", extraFields)
        .toString();
  }
}
