package io.voicehooks.agni;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.internal.ExtraFields;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.IdDeserializer;
import io.voicehooks.core.internal.InMillis;
import io.voicehooks.core.internal.InSeconds;
import io.voicehooks.core.internal.ToString;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The full record of one Agni call session: the {@code data} object of a {@code call.completed}
 * delivery.
 *
 * <p>Every field is nullable except the transcript list (empty when not sent): Agni's after-call
 * reference documents no field's nullability (its example sets every one), and a value of the wrong
 * JSON type reads as null rather than failing the delivery. The identity ({@code call_session_id},
 * or {@code call_id}) is checked by {@link CallCompletedEvent}.
 *
 * <p>{@link #toString()} shows the ids, status, channel, times, duration, cost and the analysis's
 * labels, and redacts the personal data: phone numbers, names, email, summary and recording URL
 * appear only by length, the transcript by its number of entries. The accessors return every value
 * as sent.
 *
 * @param campaignId the campaign that placed the call ({@code campaign_id}), or null. Inferred, not
 *     documented: null for inbound and web calls, which no campaign places
 * @param contactId the CRM contact called or calling ({@code contact_id}), or null. Inferred, not
 *     documented: null when the other party is not a known contact
 * @param phone the external party's phone number in E.164 form ({@code phone}), or null
 * @param status how the call ended ({@code status}), or null when not sent
 * @param duration how long the call lasted ({@code duration_sec}, sent in seconds), or null
 * @param callSessionId the call session's id ({@code call_session_id}), Agni's documented
 *     de-duplication key; null only when {@code call_id} is sent instead
 * @param callId the call's id ({@code call_id}), which one Agni page names as the idempotency key
 *     though no example payload carries it; null when not sent
 * @param attempt {@code attempt} as sent, such as {@code 1}, or null. Inferred, not documented: the
 *     campaign's dial-attempt number (Agni shows the field only in its example)
 * @param summary the AI-written summary of the call ({@code summary}), or null
 * @param recordingUrl where the recording can be fetched ({@code recording_url}), or null. Agni's
 *     REST API calls the same URL pre-signed; inferred, not documented: it may therefore expire
 * @param callerNumber the calling number ({@code caller_number}), or null
 * @param calleeNumber the called number ({@code callee_number}), or null
 * @param callerName the caller's name ({@code caller_name}), or null
 * @param callerEmail the caller's email address ({@code caller_email}), or null
 * @param agentName the name of the agent that handled the call ({@code agent_name}), or null
 * @param channel the channel of the call ({@code channel}), or null when not sent
 * @param disconnectReason why the call was disconnected ({@code disconnect_reason}), or null
 * @param costTotal what the call cost ({@code cost_total}), read exactly from a JSON number or a
 *     numeric string; Agni does not document the currency or unit. Null when not sent
 * @param callLatency the call's latency ({@code call_latency_ms}, sent in milliseconds), or null.
 *     Agni does not define it; inferred, not documented: the agent's average response latency
 * @param startedAt when the call started ({@code started_at}), or null
 * @param endedAt when the call ended ({@code ended_at}), or null
 * @param createdAt when the call session was created ({@code created_at}), or null
 * @param postCallAnalysis the AI analysis of the call ({@code post_call_analysis}), or null when
 *     not sent
 * @param transcripts the conversation ({@code transcripts}), ordered by {@code timestamp_ms};
 *     entries with equal timestamps keep the order sent, entries without one come last. Empty when
 *     not sent
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record CallData(
    @JsonProperty("campaign_id") @Nullable String campaignId,
    @JsonProperty("contact_id") @Nullable String contactId,
    @JsonProperty("phone") @Nullable String phone,
    @JsonProperty("status") @Nullable OpenEnum<CallStatus> status,
    @JsonProperty("duration_sec") @InSeconds @Nullable Duration duration,
    @JsonProperty("call_session_id") @JsonDeserialize(using = IdDeserializer.class)
        @Nullable String callSessionId,
    @JsonProperty("call_id") @JsonDeserialize(using = IdDeserializer.class) @Nullable String callId,
    @JsonProperty("attempt") @Nullable Integer attempt,
    @JsonProperty("summary") @Nullable String summary,
    @JsonProperty("recording_url") @Nullable String recordingUrl,
    @JsonProperty("caller_number") @Nullable String callerNumber,
    @JsonProperty("callee_number") @Nullable String calleeNumber,
    @JsonProperty("caller_name") @Nullable String callerName,
    @JsonProperty("caller_email") @Nullable String callerEmail,
    @JsonProperty("agent_name") @Nullable String agentName,
    @JsonProperty("channel") @Nullable OpenEnum<Channel> channel,
    @JsonProperty("disconnect_reason") @Nullable OpenEnum<DisconnectReason> disconnectReason,
    @JsonProperty("cost_total") @Nullable BigDecimal costTotal,
    @JsonProperty("call_latency_ms") @InMillis @Nullable Duration callLatency,
    @JsonProperty("started_at") @Nullable Instant startedAt,
    @JsonProperty("ended_at") @Nullable Instant endedAt,
    @JsonProperty("created_at") @Nullable Instant createdAt,
    @JsonProperty("post_call_analysis") @Nullable PostCallAnalysis postCallAnalysis,
    @JsonProperty("transcripts") List<TranscriptEntry> transcripts,
    @ExtraFields Map<String, @Nullable Object> extraFields) {

  private static final Comparator<TranscriptEntry> BY_TIMESTAMP =
      Comparator.comparing(
          TranscriptEntry::offset, Comparator.nullsLast(Comparator.naturalOrder()));

  /**
   * Creates the call data, copying the transcript and ordering it by {@code timestamp_ms} (a stable
   * sort: equal timestamps keep their order, entries without a timestamp come last).
   *
   * @param campaignId the campaign's id, or null
   * @param contactId the contact's id, or null
   * @param phone the external party's number, or null
   * @param status how the call ended, or null
   * @param duration how long the call lasted, or null
   * @param callSessionId the call session's id, or null
   * @param callId the call's id, or null
   * @param attempt the dial attempt, or null
   * @param summary the summary, or null
   * @param recordingUrl the recording's URL, or null
   * @param callerNumber the calling number, or null
   * @param calleeNumber the called number, or null
   * @param callerName the caller's name, or null
   * @param callerEmail the caller's email, or null
   * @param agentName the agent's name, or null
   * @param channel the channel, or null
   * @param disconnectReason why the call was disconnected, or null
   * @param costTotal the cost, or null
   * @param callLatency the latency, or null
   * @param startedAt when the call started, or null
   * @param endedAt when the call ended, or null
   * @param createdAt when the session was created, or null
   * @param postCallAnalysis the analysis, or null
   * @param transcripts the transcript entries in any order; null reads as empty, null entries are
   *     dropped
   * @param extraFields the fields not declared, or null for none; copied deeply
   */
  public CallData {
    transcripts = ordered(FreeForm.listOf(transcripts));
    extraFields = FreeForm.copyOf(extraFields);
  }

  /** Shows ids, status, times and cost; personal values and the transcript only by size. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("campaignId", campaignId)
        .add("contactId", contactId)
        .redact("phone", phone)
        .add("status", status)
        .add("duration", duration)
        .add("callSessionId", callSessionId)
        .add("callId", callId)
        .add("attempt", attempt)
        .redact("summary", summary)
        .redact("recordingUrl", recordingUrl)
        .redact("callerNumber", callerNumber)
        .redact("calleeNumber", calleeNumber)
        .redact("callerName", callerName)
        .redact("callerEmail", callerEmail)
        .redact("agentName", agentName)
        .add("channel", channel)
        .add("disconnectReason", disconnectReason)
        .add("costTotal", costTotal)
        .add("callLatency", callLatency)
        .add("startedAt", startedAt)
        .add("endedAt", endedAt)
        .add("createdAt", createdAt)
        .add("postCallAnalysis", postCallAnalysis)
        .redact("transcripts", transcripts)
        .redact("extraFields", extraFields)
        .toString();
  }

  private static List<TranscriptEntry> ordered(List<TranscriptEntry> entries) {
    for (int i = 1; i < entries.size(); i++) {
      if (BY_TIMESTAMP.compare(entries.get(i - 1), entries.get(i)) > 0) {
        List<TranscriptEntry> sorted = new ArrayList<>(entries);
        sorted.sort(BY_TIMESTAMP); // List.sort is stable
        return List.copyOf(sorted);
      }
    }
    return entries; // already in order: the usual case, no second copy
  }
}
