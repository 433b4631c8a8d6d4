package io.voicehooks.core;

import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.ToString;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One provider-neutral view of a finished call, so that one integration (a CRM, a data warehouse)
 * serves every platform. Each provider's "call finished" event offers it through {@link
 * FinishedCallEvent#callSummary()}.
 *
 * <pre>{@code
 * if (event instanceof FinishedCallEvent finished) {
 *   CallSummary call = finished.callSummary();
 *   if (call.outcome() == CallSummary.Outcome.NO_ANSWER) {
 *     dialer.retryLater(call.provider(), call.callId());
 *   }
 *   crm.logCall(call.provider(), call.callId(), call.duration(), call.sentiment(), call.summary());
 * }
 * }</pre>
 *
 * <p>Fields a provider does not send are null (collections are empty, outcome and sentiment {@code
 * UNKNOWN}).
 *
 * <p>The providers do not mean the same thing by "status", so the summary keeps three fields apart:
 * {@link #outcome()} is how the call itself ended, normalised by this SDK from what each provider
 * documents, and is the one to group or filter on across providers; {@link #providerStatus()} is
 * the provider's own word for it, as sent; {@link #businessOutcome()} is what the call achieved
 * (Agni's {@code disposition}, cllr's {@code callOutcome}), as sent. The module README of {@code
 * voicehooks-core} has a table of where each field comes from per provider, what {@link
 * #duration()} measures and where {@link #sentiment()} is read.
 *
 * <p>{@link #toString()} shows the provider, id, outcome, statuses, times, duration and sentiment,
 * and redacts the personal data: the summary, the recording URL, the phone numbers, the transcript
 * and the correlation variables appear only by size. The accessors return every value as sent.
 *
 * @param provider the provider's name: {@code agni}, {@code vaani}, {@code agntix} or {@code cllr}
 * @param callId the provider's id of the call or session
 * @param outcome how the call ended, normalised across providers; {@code UNKNOWN} when the provider
 *     does not say or sends a value this SDK does not map ({@link #providerStatus()} then keeps the
 *     text)
 * @param providerStatus the provider's own final status or end reason of the call, as sent (Agni
 *     {@code status}, Agntix {@code state}, Vaani a failure {@code status} or {@code end_reason});
 *     null when the provider sends none
 * @param businessOutcome what the call achieved in the provider's own words, as sent (Agni {@code
 *     post_call_analysis.disposition}, cllr {@code callAnalysis.callOutcome}, Agntix {@code
 *     analysis.resolution.classification}); null when not sent. Not normalised: each provider, and
 *     often each agent, has its own set
 * @param startedAt when the call started, or null
 * @param endedAt when the call ended, or null
 * @param duration how long the call lasted, or null; what it measures differs per provider
 *     (Agntix's includes the ringing before pick-up), see the module README
 * @param summary the provider's written summary of the call, or null
 * @param sentiment the caller's overall sentiment, {@code UNKNOWN} when not sent or not recognised;
 *     for cllr and Agntix read from keys this SDK guesses (their sentiment objects are
 *     undocumented), see the module README
 * @param recordingUrl where the recording can be fetched, or null
 * @param transcript the conversation as speaker turns, in order; empty when not sent
 * @param customerPhoneNumber the external party's phone number, or null
 * @param agentPhoneNumber the number the agent called from or was reached on, or null
 * @param correlation the provider's correlation variables (ids the caller passed when triggering
 *     the call, extracted entities), free-form and unmodifiable
 */
public record CallSummary(
    String provider,
    String callId,
    Outcome outcome,
    @Nullable String providerStatus,
    @Nullable String businessOutcome,
    @Nullable Instant startedAt,
    @Nullable Instant endedAt,
    @Nullable Duration duration,
    @Nullable String summary,
    Sentiment sentiment,
    @Nullable String recordingUrl,
    List<Turn> transcript,
    @Nullable String customerPhoneNumber,
    @Nullable String agentPhoneNumber,
    Map<String, @Nullable Object> correlation) {

  /**
   * Creates a summary, copying the collections.
   *
   * @param provider the provider's name
   * @param callId the provider's id of the call or session
   * @param outcome how the call ended, normalised
   * @param providerStatus the provider's own final status or end reason, as sent, or null
   * @param businessOutcome what the call achieved, as sent, or null
   * @param startedAt when the call started, or null
   * @param endedAt when the call ended, or null
   * @param duration how long the call lasted, or null
   * @param summary the written summary, or null
   * @param sentiment the overall sentiment
   * @param recordingUrl where the recording can be fetched, or null
   * @param transcript the speaker turns
   * @param customerPhoneNumber the external party's number, or null
   * @param agentPhoneNumber the agent's number, or null
   * @param correlation the correlation variables
   */
  public CallSummary {
    Objects.requireNonNull(provider, "provider == null");
    Objects.requireNonNull(callId, "callId == null");
    Objects.requireNonNull(outcome, "outcome == null");
    Objects.requireNonNull(sentiment, "sentiment == null");
    transcript = transcript == null ? List.of() : List.copyOf(transcript);
    correlation = FreeForm.copyOf(correlation);
  }

  /** Shows ids, outcome, statuses, times and sentiment; the personal fields by size (see above). */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("provider", provider)
        .add("callId", callId)
        .add("outcome", outcome)
        .add("providerStatus", providerStatus)
        .add("businessOutcome", businessOutcome)
        .add("startedAt", startedAt)
        .add("endedAt", endedAt)
        .add("duration", duration)
        .redact("summary", summary)
        .add("sentiment", sentiment)
        .redact("recordingUrl", recordingUrl)
        .redact("transcript", transcript)
        .redact("customerPhoneNumber", customerPhoneNumber)
        .redact("agentPhoneNumber", agentPhoneNumber)
        .redact("correlation", correlation)
        .toString();
  }

  /**
   * How a call ended, normalised across providers: the one field to group calls on whatever
   * platform placed them. Computed by this SDK from each provider's documented values (see each
   * provider's {@code callSummary()}); the text as sent stays in {@link #providerStatus()}.
   */
  public enum Outcome {
    /** The call was answered and ended normally. */
    COMPLETED,
    /** Nobody answered. */
    NO_ANSWER,
    /** The line was busy, or the callee rejected the call. */
    BUSY,
    /** The call could not be placed or broke off: a network, SIP or platform failure. */
    FAILED,
    /** The call reached a voicemail box. */
    VOICEMAIL,
    /** The call was handed over to a human, who took it. */
    TRANSFERRED,
    /**
     * The provider does not say how the call ended, or sent a value this SDK does not map; see
     * {@link CallSummary#providerStatus()}.
     */
    UNKNOWN
  }

  /** The overall sentiment of a call, as the providers label it. */
  public enum Sentiment {
    /** The caller was positive. */
    POSITIVE,
    /** The caller was neutral. */
    NEUTRAL,
    /** The caller was negative. */
    NEGATIVE,
    /** The provider sent no sentiment, or one this SDK does not know. */
    UNKNOWN;

    /**
     * Reads a provider's sentiment label, ignoring case.
     *
     * @param label the label as sent, or null
     * @return the sentiment, {@code UNKNOWN} for null or unrecognised labels
     */
    public static Sentiment fromLabel(@Nullable String label) {
      if (label == null) {
        return UNKNOWN;
      }
      switch (label.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "positive":
          return POSITIVE;
        case "neutral":
          return NEUTRAL;
        case "negative":
          return NEGATIVE;
        default:
          return UNKNOWN;
      }
    }
  }

  /** Who spoke a turn. */
  public enum Role {
    /** The AI agent (or a human agent after a transfer). */
    AGENT,
    /** The caller or callee: the provider's customer's customer. */
    USER,
    /** Anyone or anything else: a tool call, the system, an unrecognised label. */
    OTHER
  }

  /**
   * One turn of the conversation. {@link #toString()} redacts the text.
   *
   * @param role who spoke
   * @param text what was said
   * @param offset when it was said, from the start of the call, or null when not sent
   */
  public record Turn(Role role, String text, @Nullable Duration offset) {
    /**
     * Creates a turn.
     *
     * @param role who spoke
     * @param text what was said
     * @param offset when it was said, from the start of the call, or null
     */
    public Turn {
      Objects.requireNonNull(role, "role == null");
      Objects.requireNonNull(text, "text == null");
    }

    /** Shows the role and offset; the text, which is what someone said, only by its length. */
    @Override
    public String toString() {
      return ToString.of(this)
          .add("role", role)
          .redact("text", text)
          .add("offset", offset)
          .toString();
    }
  }
}
