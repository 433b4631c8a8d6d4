package io.voicehooks.agntix;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.internal.ExtraFields;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.ToString;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The post-call analysis of a session, sent as {@code analysis} with {@code session.ended} (the
 * same block {@code GET /api/v1/chat/sessions/{id}} returns). Each part is a separate toggle on the
 * agent's Analytics tab, so any part may be absent.
 *
 * <p>{@link #toString()} shows the intent, resolution and sentiment through their own (redacted)
 * strings, the summary only by its length and the extracted data by its number of keys.
 *
 * @param summary a one-paragraph summary of the session, or null
 * @param intent the intent classification, or null when Intent Recognition is off
 * @param resolution the resolution verdict, or null when Resolution Analysis is off
 * @param sentiment the sentiment, or null when Sentiment is off
 * @param extractedData the values pulled out by Data Extraction, keyed by the names of the agent's
 *     schema; free-form, unmodifiable, empty when not sent
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record SessionAnalysis(
    @JsonProperty("summary") @Nullable String summary,
    @JsonProperty("intent") @Nullable IntentAnalysis intent,
    @JsonProperty("resolution") @Nullable ResolutionAnalysis resolution,
    @JsonProperty("sentiment") @Nullable SentimentAnalysis sentiment,
    @JsonProperty("extractedData") Map<String, @Nullable Object> extractedData,
    @ExtraFields Map<String, @Nullable Object> extraFields) {

  static final SessionAnalysis EMPTY =
      new SessionAnalysis(null, null, null, null, Map.of(), Map.of());

  /**
   * Creates an analysis, copying the extracted data.
   *
   * @param summary the summary, or null
   * @param intent the intent classification, or null
   * @param resolution the resolution verdict, or null
   * @param sentiment the sentiment, or null
   * @param extractedData the extracted values, or null for none
   * @param extraFields the fields not declared, or null for none; copied deeply
   */
  public SessionAnalysis {
    extractedData = FreeForm.copyOf(extractedData);
    extraFields = FreeForm.copyOf(extraFields);
  }

  /** {@return true when the delivery carried no analysis part at all} */
  @JsonIgnore
  public boolean isEmpty() {
    return summary == null
        && intent == null
        && resolution == null
        && sentiment == null
        && extractedData.isEmpty()
        && extraFields.isEmpty();
  }

  /** Shows the parts; the summary and extracted data only by size. */
  @Override
  public String toString() {
    return ToString.of(this)
        .redact("summary", summary)
        .add("intent", intent)
        .add("resolution", resolution)
        .add("sentiment", sentiment)
        .redact("extractedData", extractedData)
        .redact("extraFields", extraFields)
        .toString();
  }
}
