package io.voicehooks.agni;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.internal.ExtraFields;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.ToString;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What was said in one transcript entry ({@code transcripts[].message}).
 *
 * <p>Agni's webhook example puts {@code content} and {@code format} here and the role beside the
 * message; its REST API puts {@code role} here instead. Both shapes are read: prefer {@link
 * TranscriptEntry#role()}, which falls back to this object's role.
 *
 * <p>{@link #toString()} shows the format and role, and the content only by its length.
 *
 * @param content what was said, or null when not sent
 * @param format the format of the content, such as {@code text}, or null when not sent
 * @param role who spoke, when the role is sent inside the message; otherwise null
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record TranscriptMessage(
    @JsonProperty("content") @Nullable String content,
    @JsonProperty("format") @Nullable OpenEnum<ContentFormat> format,
    @JsonProperty("role") @Nullable OpenEnum<MessageRole> role,
    @ExtraFields Map<String, @Nullable Object> extraFields) {
  /**
   * Creates the record, copying the extra fields.
   *
   * @param content see {@link #content()}
   * @param format see {@link #format()}
   * @param role see {@link #role()}
   * @param extraFields the fields not declared, or null for none; copied deeply
   */
  public TranscriptMessage {
    extraFields = FreeForm.copyOf(extraFields);
  }

  /** Shows the format and role; the content, which is what someone said, only by its length. */
  @Override
  public String toString() {
    return ToString.of(this)
        .redact("content", content)
        .add("format", format)
        .add("role", role)
        .redact("extraFields", extraFields)
        .toString();
  }
}
