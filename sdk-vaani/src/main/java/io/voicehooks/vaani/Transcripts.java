package io.voicehooks.vaani;

import io.voicehooks.core.CallSummary;
import io.voicehooks.core.CallSummary.Role;
import io.voicehooks.core.CallSummary.Sentiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads Vaani's one-string transcripts and its free-form entities. */
final class Transcripts {
  /**
   * A speaker label: {@code user:} or {@code agent:} in any case, at the start or after whitespace
   * (the look-behind refuses a preceding non-space, so {@code superuser:} is not a label).
   */
  private static final Pattern LABEL =
      Pattern.compile("(?<!\\S)(user|agent):", Pattern.CASE_INSENSITIVE);

  private Transcripts() {}

  static List<CallSummary.Turn> split(@Nullable String transcript) {
    if (transcript == null || transcript.isBlank()) {
      return List.of();
    }
    List<CallSummary.Turn> turns = new ArrayList<>();
    Matcher m = LABEL.matcher(transcript);
    Role role = Role.OTHER;
    int start = 0;
    while (m.find()) {
      add(turns, role, transcript.substring(start, m.start()));
      role = m.group(1).equalsIgnoreCase("user") ? Role.USER : Role.AGENT;
      start = m.end();
    }
    add(turns, role, transcript.substring(start));
    return List.copyOf(turns);
  }

  private static void add(List<CallSummary.Turn> turns, Role role, String text) {
    String trimmed = text.strip();
    if (!trimmed.isEmpty()) {
      turns.add(new CallSummary.Turn(role, trimmed, null));
    }
  }

  /** Finds a sentiment-like entity: a key {@code sentiment}, or one ending with it. */
  static Sentiment sentiment(Map<String, @Nullable Object> entities) {
    Object exact = null;
    Object suffixed = null;
    for (Map.Entry<String, @Nullable Object> e : entities.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (key.equals("sentiment")) {
        exact = e.getValue();
      } else if (suffixed == null && key.endsWith("sentiment")) {
        suffixed = e.getValue();
      }
    }
    Object value = exact != null ? exact : suffixed;
    return value instanceof String ? Sentiment.fromLabel((String) value) : Sentiment.UNKNOWN;
  }
}
