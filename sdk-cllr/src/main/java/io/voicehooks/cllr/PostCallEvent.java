package io.voicehooks.cllr;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.voicehooks.core.CallSummary;
import io.voicehooks.core.FinishedCallEvent;
import io.voicehooks.core.WebhookParseException;
import io.voicehooks.core.internal.ExtraFields;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.IdDeserializer;
import io.voicehooks.core.internal.Identity;
import io.voicehooks.core.internal.ToString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * cllr's post-call payload: sent once when a call completes, with links to the recording and the
 * transcript, what was extracted about the caller, and the AI analysis.
 *
 * <p>The event is identified by {@code callId} ({@link #idempotencyKey()}); cllr does not retry, so
 * a repeated key means the same call was delivered again (a replay, a proxy's retry). The payload
 * carries no timestamps, duration or direction. The transcript is a separate JSON file: fetch it
 * from {@link #transcriptUri()} with {@link CllrTranscriptFetcher}.
 *
 * <p>{@link #toString()} shows the call id and the analysis's labels, and redacts the rest: the
 * recording and transcript URLs (which may carry access tokens) appear only by length, and the
 * caller details and analysis through their own redacted strings.
 *
 * @param callId cllr's unique id of the call, as sent (an integer is kept as its decimal text);
 *     never null or blank
 * @param recordingUri the URL of the call's audio recording, or null
 * @param transcriptUri the URL of the call's JSON transcript, or null
 * @param callerDetails what was extracted about the caller, or null when not sent
 * @param callAnalysis the AI analysis of the call, or null when not sent
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record PostCallEvent(
    @JsonProperty("callId") @JsonDeserialize(using = IdDeserializer.class) String callId,
    @JsonProperty("recordingUri") @Nullable String recordingUri,
    @JsonProperty("transcriptUri") @Nullable String transcriptUri,
    @JsonProperty("callerDetails") @Nullable CallerDetails callerDetails,
    @JsonProperty("callAnalysis") @Nullable CallAnalysis callAnalysis,
    @ExtraFields Map<String, @Nullable Object> extraFields)
    implements CllrEvent, FinishedCallEvent {

  /** The event type this SDK gives cllr's post-call payload, which names none: {@value}. */
  public static final String EVENT_TYPE = "post_call";

  /**
   * Creates the event.
   *
   * @param callId cllr's id of the call
   * @param recordingUri the recording's URL, or null
   * @param transcriptUri the transcript's URL, or null
   * @param callerDetails the caller details, or null
   * @param callAnalysis the analysis, or null
   * @param extraFields the fields not declared, or null for none; copied deeply
   * @throws WebhookParseException if {@code callId} is null or blank
   */
  public PostCallEvent {
    Identity.require(callId, "callId", EVENT_TYPE);
    extraFields = FreeForm.copyOf(extraFields);
  }

  /** {@return {@value #EVENT_TYPE}} */
  @Override
  public String eventType() {
    return EVENT_TYPE;
  }

  @Override
  public void dispatch(CllrEventListener listener) {
    listener.onPostCall(this);
  }

  /**
   * Returns the provider-neutral view of the call.
   *
   * <ul>
   *   <li>{@code outcome} is {@code UNKNOWN} and {@code providerStatus} null: cllr sends no call
   *       status or end reason, only that the call "completed".
   *   <li>{@code businessOutcome} is {@code callAnalysis.callOutcome} as sent, such as {@code Demo
   *       Scheduled}.
   *   <li>{@code sentiment} is inferred, not documented: cllr documents {@code
   *       callAnalysis.sentiment} as an object without naming its keys, so the label is looked for
   *       under guessed keys ({@link CallAnalysis#sentimentLabel()}); when that gives no {@code
   *       positive}, {@code neutral} or {@code negative}, the documented free-text {@code mood} is
   *       read instead.
   *   <li>{@code recordingUrl} is {@code recordingUri}; {@code customerPhoneNumber} is {@code
   *       callerDetails.phoneNumber}; {@code correlation} holds the caller details that were sent
   *       (by wire name) plus {@code classification} and {@code score}.
   *   <li>cllr sends no times, duration, agent number or inline transcript, so those are null or
   *       empty.
   * </ul>
   *
   * @return the call summary
   */
  @Override
  public CallSummary callSummary() {
    Map<String, @Nullable Object> correlation = new LinkedHashMap<>();
    if (callerDetails != null) {
      correlation.putAll(callerDetails.asMap());
    }
    CallAnalysis analysis = callAnalysis;
    if (analysis != null && analysis.classification() != null) {
      correlation.put("classification", analysis.classification());
    }
    if (analysis != null && analysis.score() != null) {
      correlation.put("score", analysis.score());
    }
    return new CallSummary(
        PROVIDER,
        callId,
        CallSummary.Outcome.UNKNOWN,
        null,
        analysis == null ? null : analysis.callOutcome(),
        null,
        null,
        null,
        analysis == null ? null : analysis.summary(),
        analysis == null ? CallSummary.Sentiment.UNKNOWN : analysis.overallSentiment(),
        recordingUri,
        List.of(),
        callerDetails == null ? null : callerDetails.phoneNumber(),
        null,
        correlation);
  }

  /** Shows the call id; the URLs only by length, the nested records redacted. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("callId", callId)
        .redact("recordingUri", recordingUri)
        .redact("transcriptUri", transcriptUri)
        .add("callerDetails", callerDetails)
        .add("callAnalysis", callAnalysis)
        .redact("extraFields", extraFields)
        .toString();
  }
}
