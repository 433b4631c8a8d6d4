package io.voicehooks.agntix;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.WebhookParseException;
import io.voicehooks.core.internal.ExtraFields;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.IdDeserializer;
import io.voicehooks.core.internal.Identity;
import io.voicehooks.core.internal.ToString;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code session.created}: a session was initiated; for an outbound voice call, before pickup. Use
 * it to mark the originating task as in flight.
 *
 * @param sessionId the session id ({@code id}) (a UUID), shared with the session's {@code
 *     session.ended} and accepted by {@link AgntixClient#sessionMessages(String)}; never empty
 * @param type the session kind, {@code VOICE} or {@code CHAT}, or null
 * @param platform the channel, such as {@code PHONE}, or null
 * @param direction {@code INBOUND} or {@code OUTBOUND}, or null
 * @param state the session state at emission ({@code OPEN}), or null
 * @param agentId the agent's id (a UUID), or null
 * @param createdAt when the session started, or null
 * @param metadata the channel and session metadata, with the caller's correlation ids; empty when
 *     not sent
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record SessionCreatedEvent(
    @JsonProperty("id") @JsonDeserialize(using = IdDeserializer.class) String sessionId,
    @JsonProperty("type") @Nullable OpenEnum<SessionType> type,
    @JsonProperty("platform") @Nullable OpenEnum<SessionPlatform> platform,
    @JsonProperty("direction") @Nullable OpenEnum<SessionDirection> direction,
    @JsonProperty("state") @Nullable OpenEnum<SessionState> state,
    @JsonProperty("agentId") @Nullable String agentId,
    @JsonProperty("createdAt") @Nullable Instant createdAt,
    @JsonProperty("metadata") SessionMetadata metadata,
    @ExtraFields Map<String, @Nullable Object> extraFields)
    implements AgntixEvent {

  /** The value of {@code eventType} for this event. */
  public static final String EVENT_TYPE = "session.created";

  /**
   * Creates the event.
   *
   * @param sessionId the session id ({@code id}); required
   * @param type the session kind, or null
   * @param platform the channel, or null
   * @param direction the direction, or null
   * @param state the session state, or null
   * @param agentId the agent's id, or null
   * @param createdAt when the session started, or null
   * @param metadata the metadata, or null for none
   * @param extraFields the fields not declared, or null for none; copied deeply
   * @throws WebhookParseException if {@code sessionId} is null or empty
   */
  public SessionCreatedEvent {
    Identity.require(sessionId, "id", EVENT_TYPE);
    if (metadata == null) {
      metadata = SessionMetadata.EMPTY;
    }
    extraFields = FreeForm.copyOf(extraFields);
  }

  /** {@return {@value #EVENT_TYPE}} */
  @Override
  public String eventType() {
    return EVENT_TYPE;
  }

  @Override
  public void dispatch(AgntixEventListener listener) {
    listener.onSessionCreated(this);
  }

  /** Shows the components; the extra fields only by their number. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("sessionId", sessionId)
        .add("type", type)
        .add("platform", platform)
        .add("direction", direction)
        .add("state", state)
        .add("agentId", agentId)
        .add("createdAt", createdAt)
        .add("metadata", metadata)
        .redact("extraFields", extraFields)
        .toString();
  }
}
