package io.voicehooks.agni;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.ToString;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Agni's AI analysis of a finished call ({@code data.post_call_analysis}): the documented keys,
 * typed, and every other key as sent.
 *
 * <p>Agents can define their own extraction fields ({@code post_call_analysis_data} in the Agent
 * API). Inferred, not documented: their values arrive as further keys of this object (Agni's
 * example shows none). Every key beyond the documented four is kept in {@link #extra()} as
 * free-form JSON values ({@code String}, {@code Boolean}, {@code Integer}/{@code Long}/{@code
 * BigInteger}, {@code BigDecimal}, {@code List}, {@code Map} or null). A documented key whose value
 * has an unexpected JSON type (say, {@code next_steps} sent as an array) reads as null here and
 * keeps its raw value in {@link #extra()} under its wire name, so nothing sent is lost.
 *
 * <p>{@link #toString()} shows the sentiment, disposition and {@code goals_met}, and redacts the
 * free text: {@code next_steps} by its length, the extra keys by their number (their values are
 * what the agent extracted about the caller).
 *
 * @param sentiment the caller's overall sentiment ({@code sentiment}), or null when not sent
 * @param disposition how the call is classified ({@code disposition}), an open set of which Agni
 *     documents examples; null when not sent
 * @param goalsMet whether the agent achieved its objective ({@code goals_met}), or null when not
 *     sent. The strings {@code "true"} and {@code "false"} are read too
 * @param nextSteps what should happen next ({@code next_steps}), or null when not sent
 * @param extra every other key of the object, as sent (unmodifiable, nulls kept)
 */
public record PostCallAnalysis(
    @JsonProperty("sentiment") @Nullable OpenEnum<Sentiment> sentiment,
    @JsonProperty("disposition") @Nullable OpenEnum<Disposition> disposition,
    @JsonProperty("goals_met") @Nullable Boolean goalsMet,
    @JsonProperty("next_steps") @Nullable String nextSteps,
    @JsonIgnore Map<String, @Nullable Object> extra) {

  private static final String SENTIMENT = "sentiment";
  private static final String DISPOSITION = "disposition";
  private static final String GOALS_MET = "goals_met";
  private static final String NEXT_STEPS = "next_steps";

  /**
   * Creates an analysis, copying the extra keys.
   *
   * @param sentiment the overall sentiment, or null
   * @param disposition the classification, or null
   * @param goalsMet whether the agent achieved its objective, or null
   * @param nextSteps what should happen next, or null
   * @param extra the other keys, copied deeply; null reads as empty
   */
  public PostCallAnalysis {
    extra = FreeForm.copyOf(extra);
  }

  /**
   * Writes the extra keys beside the documented ones, as the provider sent them, when the record is
   * serialised.
   *
   * @return {@link #extra()}
   */
  @JsonAnyGetter
  Map<String, @Nullable Object> extraFields() {
    return extra;
  }

  /** Shows the labels; the next steps and the extra keys only by size. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("sentiment", sentiment)
        .add("disposition", disposition)
        .add("goalsMet", goalsMet)
        .redact("nextSteps", nextSteps)
        .redact("extra", extra)
        .toString();
  }

  /**
   * Binds the JSON object: Jackson reads it as a free-form map first, since a record cannot collect
   * unknown keys with {@code @JsonAnySetter}. A value that is not an object reads as null.
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static @Nullable PostCallAnalysis fromJson(@Nullable Map<String, @Nullable Object> fields) {
    if (fields == null) {
      return null;
    }
    Map<String, @Nullable Object> extra = new LinkedHashMap<>(fields);
    OpenEnum<Sentiment> sentiment = openEnum(Sentiment.class, extra, SENTIMENT);
    OpenEnum<Disposition> disposition = openEnum(Disposition.class, extra, DISPOSITION);
    Boolean goalsMet = bool(extra, GOALS_MET);
    String nextSteps = string(extra, NEXT_STEPS);
    return new PostCallAnalysis(sentiment, disposition, goalsMet, nextSteps, extra);
  }

  /** Takes a scalar as an open enum, as OpenEnum's own deserializer does; else leaves it. */
  private static <E extends Enum<E>> @Nullable OpenEnum<E> openEnum(
      Class<E> type, Map<String, @Nullable Object> extra, String key) {
    Object value = extra.get(key);
    if (value == null) {
      extra.remove(key);
      return null;
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      extra.remove(key);
      return OpenEnum.of(type, value.toString());
    }
    return null;
  }

  private static @Nullable Boolean bool(Map<String, @Nullable Object> extra, String key) {
    Object value = extra.get(key);
    Boolean result = null;
    if (value instanceof Boolean) {
      result = (Boolean) value;
    } else if (value instanceof String) {
      String text = ((String) value).trim().toLowerCase(Locale.ROOT);
      if (text.equals("true") || text.equals("false")) {
        result = Boolean.valueOf(text);
      }
    }
    if (value == null || result != null) {
      extra.remove(key);
    }
    return result;
  }

  private static @Nullable String string(Map<String, @Nullable Object> extra, String key) {
    Object value = extra.get(key);
    if (value == null || value instanceof String) {
      extra.remove(key);
      return (String) value;
    }
    return null;
  }
}
