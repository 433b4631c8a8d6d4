package io.voicehooks.agni;

import io.voicehooks.core.CallSummary;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.internal.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Maps a {@link CallCompletedEvent} to the provider-neutral {@link CallSummary}, as its {@link
 * CallCompletedEvent#callSummary()} documents: kept beside the record, so that the record reads as
 * the payload and this class as the mapping.
 */
final class CallSummaries {
  /** Epoch milliseconds of 2001-09-09: no call's offset from its own start is this large. */
  private static final long EPOCH_MILLIS_THRESHOLD = 1_000_000_000_000L;

  private CallSummaries() {}

  static CallSummary of(CallCompletedEvent event) {
    CallData data = event.data();
    PostCallAnalysis analysis = data.postCallAnalysis();
    return new CallSummary(
        AgniEvent.PROVIDER,
        event.sessionId(),
        outcome(data.status()),
        raw(data.status()),
        analysis == null ? null : raw(analysis.disposition()),
        data.startedAt(),
        data.endedAt(),
        duration(data),
        data.summary(),
        CallSummary.Sentiment.fromLabel(analysis == null ? null : raw(analysis.sentiment())),
        data.recordingUrl(),
        turns(data),
        data.phone(),
        agentPhoneNumber(data),
        correlation(data));
  }

  /** Maps Agni's documented {@code status} values; anything else is {@code UNKNOWN}. */
  static CallSummary.Outcome outcome(@Nullable OpenEnum<CallStatus> status) {
    if (status == null) {
      return CallSummary.Outcome.UNKNOWN;
    }
    switch (status.value()) {
      case COMPLETED:
        return CallSummary.Outcome.COMPLETED;
      case FAILED:
        return CallSummary.Outcome.FAILED;
      case NO_ANSWER:
        return CallSummary.Outcome.NO_ANSWER;
      case BUSY:
        return CallSummary.Outcome.BUSY;
      case VOICEMAIL:
        return CallSummary.Outcome.VOICEMAIL;
      default:
        return CallSummary.Outcome.UNKNOWN;
    }
  }

  private static @Nullable Duration duration(CallData data) {
    Duration sent = data.duration();
    return sent != null ? sent : Durations.between(data.startedAt(), data.endedAt());
  }

  private static List<CallSummary.Turn> turns(CallData data) {
    List<CallSummary.Turn> turns = new ArrayList<>(data.transcripts().size());
    for (TranscriptEntry entry : data.transcripts()) {
      String text = entry.content();
      if (text != null) {
        turns.add(new CallSummary.Turn(role(entry.role()), text, offset(data, entry.offset())));
      }
    }
    return turns;
  }

  private static CallSummary.Role role(@Nullable OpenEnum<MessageRole> role) {
    if (role == null) {
      return CallSummary.Role.OTHER;
    }
    switch (role.value()) {
      case AGENT:
      case ASSISTANT:
        return CallSummary.Role.AGENT;
      case USER:
        return CallSummary.Role.USER;
      default:
        return CallSummary.Role.OTHER;
    }
  }

  private static @Nullable Duration offset(CallData data, @Nullable Duration timestamp) {
    if (timestamp == null || timestamp.toMillis() < EPOCH_MILLIS_THRESHOLD) {
      return timestamp;
    }
    Instant start = data.startedAt();
    if (start == null) {
      return null;
    }
    Duration offset = Duration.between(start, Instant.EPOCH.plus(timestamp));
    return offset.isNegative() ? null : offset;
  }

  private static @Nullable String agentPhoneNumber(CallData data) {
    String phone = digits(data.phone());
    String caller = digits(data.callerNumber());
    String callee = digits(data.calleeNumber());
    if (phone == null || caller == null || callee == null || caller.equals(callee)) {
      return null;
    }
    if (phone.equals(callee)) {
      return data.callerNumber(); // outbound: the agent called from the caller number
    }
    if (phone.equals(caller)) {
      return data.calleeNumber(); // inbound: the customer called the agent's number
    }
    return null;
  }

  private static @Nullable String digits(@Nullable String number) {
    if (number == null) {
      return null;
    }
    StringBuilder digits = new StringBuilder(number.length());
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    return digits.length() == 0 ? null : digits.toString();
  }

  private static Map<String, @Nullable Object> correlation(CallData data) {
    Map<String, @Nullable Object> correlation = new LinkedHashMap<>();
    putIfSent(correlation, "campaign_id", data.campaignId());
    putIfSent(correlation, "contact_id", data.contactId());
    putIfSent(correlation, "attempt", data.attempt());
    PostCallAnalysis analysis = data.postCallAnalysis();
    if (analysis != null) {
      analysis.extraFields().forEach(correlation::putIfAbsent);
    }
    return correlation;
  }

  private static void putIfSent(
      Map<String, @Nullable Object> map, String key, @Nullable Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static @Nullable String raw(@Nullable OpenEnum<?> value) {
    return value == null ? null : value.raw();
  }
}
