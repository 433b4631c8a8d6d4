package io.voicehooks.agni;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.internal.DurationDeserializer;
import java.time.Duration;
import java.time.Instant;
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
 * @param timestampMs when the entry was spoken ({@code timestamp_ms}), read as milliseconds. Agni
 *     does not say whether this is an offset from the start of the call (as its examples suggest)
 *     or an epoch time; the value is kept as sent. Null when not sent or not a number
 * @param role who spoke: the top-level {@code role}, or else {@code message.role}; null when
 *     neither is sent
 * @param message what was said, or null when not sent
 * @param createdAt when the entry was recorded, or null when not sent
 */
public record TranscriptEntry(
    @JsonProperty("id") @Nullable String id,
    @JsonProperty("timestamp_ms") @JsonDeserialize(using = DurationDeserializer.Millis.class)
        @Nullable Duration timestampMs,
    @JsonProperty("role") @Nullable OpenEnum<TranscriptRole> role,
    @JsonProperty("message") @Nullable TranscriptMessage message,
    @JsonProperty("created_at") @Nullable Instant createdAt) {

  /**
   * Creates an entry, taking the role from the message when none is given at the top level.
   *
   * @param id the entry's id, or null
   * @param timestampMs when the entry was spoken, or null
   * @param role who spoke, or null to use the message's role
   * @param message what was said, or null
   * @param createdAt when the entry was recorded, or null
   */
  public TranscriptEntry {
    if (role == null && message != null) {
      role = message.role();
    }
  }

  /** {@return what was said ({@code message.content}), or null when not sent} */
  public @Nullable String content() {
    return message == null ? null : message.content();
  }
}
