package io.voicehooks.cllr;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.CallSummary.Sentiment;
import io.voicehooks.core.internal.ExtraFields;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.ToString;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * cllr's AI-generated analysis of the call.
 *
 * <p>cllr documents {@code interestsAndNeeds}, {@code actionItems} and {@code sentiment} as objects
 * without saying what they hold, and its example payload leaves all three out. Since nothing fixes
 * their shape, this SDK does not rely on it: an array or a string is accepted as well as an object
 * (cllr documents neither). Each is kept whole as a free-form value: an unmodifiable {@code
 * Map<String, Object>} for an object, an unmodifiable {@code List<Object>} for an array, or a
 * {@code String}, number ({@code Integer}, {@code Long}, {@code BigInteger} or {@code BigDecimal})
 * or {@code Boolean}, nested to any depth, with JSON nulls kept. The {@code ...AsMap()} and {@code
 * ...AsList()} methods give the shape you expect without casts.
 *
 * <pre>{@code
 * for (Object item : analysis.actionItemsAsList()) { tasks.create(String.valueOf(item)); }
 * Object budget = analysis.interestsAndNeedsAsMap().get("budget");
 * }</pre>
 *
 * <p>{@link #toString()} shows the mood, score, outcome and classification, and redacts the summary
 * (by its length) and the free-form values (by their size).
 *
 * @param summary the AI-generated summary of the call
 * @param mood the caller's detected mood or emotion, such as {@code Positive}
 * @param score the call quality or satisfaction score, documented as a number from 0 to 100; read
 *     from a JSON number or a numeric string, null when absent or not numeric
 * @param callOutcome the result of the call, such as {@code Demo Scheduled}
 * @param classification the call's category, such as {@code Sales Inquiry}
 * @param interestsAndNeeds the caller's extracted interests and requirements, free-form, or null
 * @param actionItems the follow-up actions identified, free-form (an object or an array), or null
 * @param sentiment the detailed sentiment analysis, free-form, or null
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record CallAnalysis(
    @JsonProperty("summary") @Nullable String summary,
    @JsonProperty("mood") @Nullable String mood,
    @JsonProperty("score") @Nullable BigDecimal score,
    @JsonProperty("callOutcome") @Nullable String callOutcome,
    @JsonProperty("classification") @Nullable String classification,
    @JsonProperty("interestsAndNeeds") @Nullable Object interestsAndNeeds,
    @JsonProperty("actionItems") @Nullable Object actionItems,
    @JsonProperty("sentiment") @Nullable Object sentiment,
    @ExtraFields Map<String, @Nullable Object> extraFields) {

  /** Keys under which a sentiment object may hold its overall label, in order of preference. */
  private static final List<String> LABEL_KEYS =
      List.of("label", "overall", "sentiment", "overallSentiment");

  /**
   * Creates an analysis, deep-copying the free-form values into unmodifiable ones.
   *
   * @param summary the summary, or null
   * @param mood the mood, or null
   * @param score the score, or null
   * @param callOutcome the outcome, or null
   * @param classification the classification, or null
   * @param interestsAndNeeds the interests and needs, free-form, or null
   * @param actionItems the action items, free-form, or null
   * @param sentiment the sentiment analysis, free-form, or null
   * @param extraFields the fields not declared, or null for none; copied deeply
   */
  public CallAnalysis {
    interestsAndNeeds = FreeForm.copyValue(interestsAndNeeds);
    actionItems = FreeForm.copyValue(actionItems);
    sentiment = FreeForm.copyValue(sentiment);
    extraFields = FreeForm.copyOf(extraFields);
  }

  /**
   * Returns {@link #interestsAndNeeds()} when it is a JSON object.
   *
   * @return the object's entries, or an empty map when absent or not an object
   */
  public Map<String, @Nullable Object> interestsAndNeedsAsMap() {
    return asMap(interestsAndNeeds);
  }

  /**
   * Returns {@link #interestsAndNeeds()} as a list: the elements of an array, or the one value sent
   * (an object, a string, ...) as a one-element list, so nothing is lost.
   *
   * @return the list, empty when absent
   */
  public List<@Nullable Object> interestsAndNeedsAsList() {
    return asList(interestsAndNeeds);
  }

  /**
   * Returns {@link #actionItems()} when it is a JSON object, as documented.
   *
   * @return the object's entries, or an empty map when absent or not an object
   */
  public Map<String, @Nullable Object> actionItemsAsMap() {
    return asMap(actionItems);
  }

  /**
   * Returns {@link #actionItems()} as a list: the elements of an array, or the one value sent (an
   * object, a string, ...) as a one-element list, so nothing is lost.
   *
   * @return the list, empty when absent
   */
  public List<@Nullable Object> actionItemsAsList() {
    return asList(actionItems);
  }

  /**
   * Returns {@link #sentiment()} when it is a JSON object, as documented.
   *
   * @return the object's entries, or an empty map when absent or not an object
   */
  public Map<String, @Nullable Object> sentimentAsMap() {
    return asMap(sentiment);
  }

  /**
   * Returns the overall sentiment label the sentiment value holds, as sent: the value itself when
   * it is a string, or the string under {@code label}, {@code overall}, {@code sentiment} or {@code
   * overallSentiment} (first found) when it is an object, looking one object deeper when that key
   * holds an object ({@code {"overall": {"label": "positive"}}}).
   *
   * <p>Inferred, not documented: these keys are guesses, since cllr does not document the sentiment
   * object's contents. When they miss, read {@link #sentiment()} or {@link #sentimentAsMap()},
   * which keep the value as sent.
   *
   * @return the label, or null when there is none
   */
  public @Nullable String sentimentLabel() {
    return label(sentiment, 2);
  }

  /**
   * Returns the overall sentiment: from {@link #sentimentLabel()} when it is {@code positive},
   * {@code neutral} or {@code negative} (any case), otherwise from {@link #mood()} (documented as
   * the caller's "detected mood/emotion", free text such as {@code Positive}).
   */
  Sentiment overallSentiment() {
    Sentiment fromLabel = Sentiment.fromLabel(sentimentLabel());
    return fromLabel != Sentiment.UNKNOWN ? fromLabel : Sentiment.fromLabel(mood);
  }

  private static @Nullable String label(@Nullable Object value, int depth) {
    if (value instanceof String) {
      String text = ((String) value).trim();
      return text.isEmpty() ? null : text;
    }
    if (depth > 0 && value instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) value;
      for (String key : LABEL_KEYS) {
        String found = label(map.get(key), depth - 1);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> asMap(@Nullable Object value) {
    // FreeForm.copyValue made every map a Map<String, Object>.
    return value instanceof Map ? (Map<String, @Nullable Object>) value : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<@Nullable Object> asList(@Nullable Object value) {
    if (value == null) {
      return List.of();
    }
    return value instanceof List ? (List<@Nullable Object>) value : List.of(value);
  }

  /** Shows the labels and score; the summary and free-form values only by size. */
  @Override
  public String toString() {
    return ToString.of(this)
        .redact("summary", summary)
        .add("mood", mood)
        .add("score", score)
        .add("callOutcome", callOutcome)
        .add("classification", classification)
        .redact("interestsAndNeeds", interestsAndNeeds)
        .redact("actionItems", actionItems)
        .redact("sentiment", sentiment)
        .redact("extraFields", extraFields)
        .toString();
  }
}
