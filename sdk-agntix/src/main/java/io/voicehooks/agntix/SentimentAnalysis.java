package io.voicehooks.agntix;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.voicehooks.core.CallSummary;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.ToString;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The sentiment part of a session's analysis, sent as {@code analysis.sentiment} when Sentiment is
 * enabled on the agent.
 *
 * <p>Agntix documents what it holds (a label {@code POSITIVE}, {@code NEUTRAL} or {@code NEGATIVE},
 * a score from -1.0 to +1.0, and an ISO 639-1 language code) but not its key names. Inferred, not
 * documented: every key the typed accessors read. The object is kept whole as {@link #fields()} and
 * the accessors look for plausible keys: first at the top level, then under a {@code conversation}
 * sub-object (the shape {@code analysis.intent} has, and the one the session API's truncated
 * example begins). Check {@link #fields()} when an accessor returns null.
 *
 * <p>{@link #toString()} shows only the number of fields, since the object's shape is undocumented
 * and may hold free text; read {@link #label()} and {@link #score()} to log the verdict.
 *
 * @param fields the sentiment object exactly as sent; free-form and unmodifiable
 */
public record SentimentAnalysis(@JsonValue Map<String, @Nullable Object> fields) {
  private static final List<String> LABEL_KEYS = List.of("label", "sentiment", "value");
  private static final List<String> SCORE_KEYS = List.of("score");
  private static final List<String> LANGUAGE_KEYS = List.of("language", "languageCode");

  /**
   * Creates the sentiment, copying the object.
   *
   * @param fields the sentiment object, or null for an empty one
   */
  public SentimentAnalysis {
    fields = FreeForm.copyOf(fields);
  }

  /** Binds the whole JSON object, whatever its keys. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static SentimentAnalysis fromJson(@Nullable Map<String, @Nullable Object> fields) {
    return new SentimentAnalysis(fields);
  }

  /**
   * Returns the sentiment label, read from {@code label}, {@code sentiment} or {@code value}.
   *
   * @return the label, or null when no such key holds a string
   */
  public @Nullable OpenEnum<SentimentLabel> label() {
    Object value = find(LABEL_KEYS, String.class);
    return value == null ? null : OpenEnum.of(SentimentLabel.class, (String) value);
  }

  /**
   * Returns the sentiment score, read from {@code score}, sent as a number or a numeric string.
   *
   * @return the score, documented as -1.0 to +1.0 and returned as sent, or null
   */
  public @Nullable Double score() {
    Object value = find(SCORE_KEYS, Object.class);
    if (value instanceof Number) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof String) {
      try {
        return new BigDecimal(((String) value).trim()).doubleValue();
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * Returns the language of the session, read from {@code language} or {@code languageCode}.
   *
   * @return the ISO 639-1 code as sent, such as {@code en}, or null
   */
  public @Nullable String language() {
    return (String) find(LANGUAGE_KEYS, String.class);
  }

  /** {@return the label as the provider-neutral sentiment, {@code UNKNOWN} when absent} */
  public CallSummary.Sentiment toCallSentiment() {
    OpenEnum<SentimentLabel> label = label();
    return CallSummary.Sentiment.fromLabel(label == null ? null : label.raw());
  }

  private @Nullable Object find(List<String> keys, Class<?> type) {
    Object found = find(fields, keys, type);
    if (found == null && fields.get("conversation") instanceof Map) {
      @SuppressWarnings("unchecked")
      Map<String, @Nullable Object> conversation =
          (Map<String, @Nullable Object>) fields.get("conversation");
      found = find(conversation, keys, type);
    }
    return found;
  }

  private static @Nullable Object find(
      Map<String, @Nullable Object> object, List<String> keys, Class<?> type) {
    for (String key : keys) {
      Object value = object.get(key);
      if (value != null && type.isInstance(value)) {
        return value;
      }
    }
    return null;
  }

  /** Shows the number of fields only: the object's keys and values are undocumented. */
  @Override
  public String toString() {
    return ToString.of(this).redact("fields", fields).toString();
  }
}
