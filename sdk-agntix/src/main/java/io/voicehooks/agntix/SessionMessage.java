package io.voicehooks.agntix;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.CallSummary;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.internal.ExtraFields;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.ToString;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One message of a session's transcript, as {@code GET /api/v1/chat/sessions/{id}/messages} returns
 * it: an utterance of the user or the assistant, or a tool call.
 *
 * <p>{@link #toString()} shows the id, role and time, and the content only by its length.
 *
 * @param id the message id, such as {@code msg_01j3m_user}, or null
 * @param content the text, or null
 * @param role who wrote or spoke it, or null
 * @param createdAt when it was written or spoken, or null
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record SessionMessage(
    @JsonProperty("id") @Nullable String id,
    @JsonProperty("content") @Nullable String content,
    @JsonProperty("role") @Nullable OpenEnum<MessageRole> role,
    @JsonProperty("createdAt") @Nullable Instant createdAt,
    @ExtraFields Map<String, @Nullable Object> extraFields) {
  /**
   * Creates the record, copying the extra fields.
   *
   * @param id see {@link #id()}
   * @param content see {@link #content()}
   * @param role see {@link #role()}
   * @param createdAt see {@link #createdAt()}
   * @param extraFields the fields not declared, or null for none; copied deeply
   */
  public SessionMessage {
    extraFields = FreeForm.copyOf(extraFields);
  }

  /** Converts to a provider-neutral turn, its offset measured from the session's start. */
  CallSummary.Turn toTurn(@Nullable Instant sessionStart) {
    CallSummary.Role speaker = CallSummary.Role.OTHER;
    if (role != null && role.is(MessageRole.USER)) {
      speaker = CallSummary.Role.USER;
    } else if (role != null && role.is(MessageRole.ASSISTANT)) {
      speaker = CallSummary.Role.AGENT;
    }
    Duration offset = null;
    if (sessionStart != null && createdAt != null && !createdAt.isBefore(sessionStart)) {
      offset = Duration.between(sessionStart, createdAt);
    }
    return new CallSummary.Turn(speaker, content == null ? "" : content, offset);
  }

  /** Shows the id, role and time; the content only by its length. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("id", id)
        .redact("content", content)
        .add("role", role)
        .add("createdAt", createdAt)
        .redact("extraFields", extraFields)
        .toString();
  }
}
