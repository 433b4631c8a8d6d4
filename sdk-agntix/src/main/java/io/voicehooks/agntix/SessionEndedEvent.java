package io.voicehooks.agntix;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.voicehooks.core.CallSummary;
import io.voicehooks.core.FinishedCallEvent;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.WebhookParseException;
import io.voicehooks.core.internal.Durations;
import io.voicehooks.core.internal.ExtraFields;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.IdDeserializer;
import io.voicehooks.core.internal.Identity;
import io.voicehooks.core.internal.ToString;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code session.ended}: the call or session closed, "with the full post-call analysis attached".
 *
 * <p>The webhook is summary-grade: it carries no transcript, and long calls may have truncated
 * fields. Fetch the messages with {@link AgntixClient#sessionMessages(String)} and pass them to
 * {@link #callSummary(List)} for the full picture.
 *
 * <p>Inferred, not documented: this record's fields. Agntix's docs give no {@code session.ended}
 * example; they say only that it fires when the call closes and that its {@code analysis} is the
 * block {@code GET /api/v1/chat/sessions/{id}} returns. The fields are therefore read where {@code
 * session.created} and that session API put them, and every one is nullable. So that a wrong guess
 * costs nothing, {@link #extraFields()} keeps every other key as received.
 *
 * <p>{@link #toString()} shows the ids, kinds, state and times; the metadata and analysis through
 * their own redacted strings, and {@link #extraFields()} only by its number of keys.
 *
 * @param sessionId the session id ({@code id}) (a UUID), the same as in {@code session.created};
 *     never empty
 * @param type the session kind, {@code VOICE} or {@code CHAT}, or null
 * @param platform the channel, such as {@code PHONE}, or null
 * @param direction {@code INBOUND} or {@code OUTBOUND}, or null
 * @param state the session state at emission, or null; {@code CLOSED} is inferred (the session API
 *     documents {@code OPEN} and {@code CLOSED}, not which one this event carries)
 * @param agentId the agent's id (a UUID), or null
 * @param createdAt when the session started, or null
 * @param lastActivityAt the most recent activity in the session, or null
 * @param endedAt when the session closed (as in the session API), or null
 * @param updatedAt when the session record last changed, or null
 * @param metadata the channel and session metadata, with the caller's correlation ids; empty when
 *     not sent
 * @param analysis the post-call analysis; empty (every part null) when not sent
 * @param extraFields the keys of the object that this record does not declare, and declared keys
 *     whose value could not be read as their type, as sent: free-form values under their wire names
 *     (unmodifiable, empty when there are none)
 */
public record SessionEndedEvent(
    @JsonProperty("id") @JsonDeserialize(using = IdDeserializer.class) String sessionId,
    @JsonProperty("type") @Nullable OpenEnum<SessionType> type,
    @JsonProperty("platform") @Nullable OpenEnum<SessionPlatform> platform,
    @JsonProperty("direction") @Nullable OpenEnum<SessionDirection> direction,
    @JsonProperty("state") @Nullable OpenEnum<SessionState> state,
    @JsonProperty("agentId") @Nullable String agentId,
    @JsonProperty("createdAt") @Nullable Instant createdAt,
    @JsonProperty("lastActivityAt") @Nullable Instant lastActivityAt,
    @JsonProperty("endedAt") @Nullable Instant endedAt,
    @JsonProperty("updatedAt") @Nullable Instant updatedAt,
    @JsonProperty("metadata") SessionMetadata metadata,
    @JsonProperty("analysis") SessionAnalysis analysis,
    @ExtraFields Map<String, @Nullable Object> extraFields)
    implements AgntixEvent, FinishedCallEvent {

  /** The value of {@code eventType} for this event. */
  public static final String EVENT_TYPE = "session.ended";

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
   * @param lastActivityAt the most recent activity, or null
   * @param endedAt when the session closed, or null
   * @param updatedAt when the session record last changed, or null
   * @param metadata the metadata, or null for none
   * @param analysis the analysis, or null for none
   * @param extraFields the keys not declared, or null for none; copied deeply
   * @throws WebhookParseException if {@code sessionId} is null or empty
   */
  public SessionEndedEvent {
    Identity.require(sessionId, "id", EVENT_TYPE);
    if (metadata == null) {
      metadata = SessionMetadata.EMPTY;
    }
    if (analysis == null) {
      analysis = SessionAnalysis.EMPTY;
    }
    extraFields = FreeForm.copyOf(extraFields);
  }

  /** {@return {@value #EVENT_TYPE}} */
  @Override
  public String eventType() {
    return EVENT_TYPE;
  }

  /**
   * Returns how long the session lasted: {@code endedAt - createdAt}. Agntix documents no duration
   * field in the webhook. The span includes dialling and ringing: {@code session.created}, which
   * sets {@code createdAt}, "fires when the call is initiated (before pickup)". It is therefore
   * longer than the conversation, and not zero for a call nobody answered.
   *
   * @return the duration, or null when either timestamp is missing or they are out of order
   */
  public @Nullable Duration duration() {
    return Durations.between(createdAt, endedAt);
  }

  /**
   * Returns the provider-neutral view, without a transcript (the webhook carries none).
   *
   * <ul>
   *   <li>{@code callId} is the session id; {@code startedAt} and {@code endedAt} are {@code
   *       createdAt} and {@code endedAt}; {@code duration} is {@link #duration()}, which includes
   *       the ringing before pick-up.
   *   <li>{@code outcome} is always {@code UNKNOWN}: Agntix documents only the session's {@code
   *       state} ({@code CLOSED} at this event), which says that the session closed, not whether
   *       the call was answered. {@code providerStatus} is {@code state} as sent.
   *   <li>{@code businessOutcome} is {@code analysis.resolution.classification} as sent ({@code
   *       RESOLVED}, {@code PARTIALLY_RESOLVED}, {@code UNRESOLVED}, {@code NOT_APPLICABLE}), or
   *       null when Resolution Analysis is off.
   *   <li>{@code summary} is {@code analysis.summary}; {@code sentiment} is {@link
   *       SentimentAnalysis#toCallSentiment()}, whose keys are guessed (inferred, not documented).
   *   <li>{@code customerPhoneNumber} is {@code metadata.customerPhoneNumber}; {@code correlation}
   *       is {@code metadata.sessionVariables}. No recording URL or agent number is known in the
   *       webhook; they are null.
   * </ul>
   *
   * <p>Inferred, not documented: Agntix's docs give no {@code session.ended} example, so every
   * field this view reads is assumed to sit where {@code session.created} and the session API put
   * it (see the class description).
   *
   * @return the call summary
   */
  @Override
  public CallSummary callSummary() {
    return callSummary(List.of());
  }

  /**
   * Returns the provider-neutral view with the transcript fetched from the messages API. A turn's
   * offset is the message's {@code createdAt} minus the session's, when both are known.
   *
   * <pre>{@code
   * CallSummary call = event.callSummary(client.sessionMessages(event.sessionId()));
   * }</pre>
   *
   * @param messages the session's messages, in order
   * @return the call summary
   */
  public CallSummary callSummary(List<SessionMessage> messages) {
    Objects.requireNonNull(messages, "messages == null");
    List<CallSummary.Turn> turns = new ArrayList<>(messages.size());
    for (SessionMessage message : messages) {
      turns.add(message.toTurn(createdAt));
    }
    SentimentAnalysis sentiment = analysis.sentiment();
    ResolutionAnalysis resolution = analysis.resolution();
    return new CallSummary(
        PROVIDER,
        sessionId,
        CallSummary.Outcome.UNKNOWN,
        state == null ? null : state.raw(),
        resolution == null || resolution.classification() == null
            ? null
            : resolution.classification().raw(),
        createdAt,
        endedAt,
        duration(),
        analysis.summary(),
        sentiment == null ? CallSummary.Sentiment.UNKNOWN : sentiment.toCallSentiment(),
        null,
        turns,
        metadata.customerPhoneNumber(),
        null,
        metadata.sessionVariables());
  }

  @Override
  public void dispatch(AgntixEventListener listener) {
    listener.onSessionEnded(this);
  }

  /**
   * Shows ids, kinds, state and times; the nested parts redacted, the extra fields only by number.
   */
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
        .add("lastActivityAt", lastActivityAt)
        .add("endedAt", endedAt)
        .add("updatedAt", updatedAt)
        .add("metadata", metadata)
        .add("analysis", analysis)
        .redact("extraFields", extraFields)
        .toString();
  }
}
