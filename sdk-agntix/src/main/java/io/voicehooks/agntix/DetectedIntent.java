package io.voicehooks.agntix;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.internal.ExtraFields;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.ToString;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One intent classification: the best fit among the agent's custom intents.
 *
 * <p>{@link #toString()} shows the intent and confidence, and the explanation only by its length.
 *
 * @param intent the intent's name, such as {@code Slot-Confirmed}, or null when none fits
 * @param confidence the confidence, 0 to 1, or null
 * @param explanation the model's short rationale, or null
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record DetectedIntent(
    @JsonProperty("intent") @Nullable String intent,
    @JsonProperty("confidence") @Nullable Double confidence,
    @JsonProperty("explanation") @Nullable String explanation,
    @ExtraFields Map<String, @Nullable Object> extraFields) {
  /**
   * Creates the record, copying the extra fields.
   *
   * @param intent see {@link #intent()}
   * @param confidence see {@link #confidence()}
   * @param explanation see {@link #explanation()}
   * @param extraFields the fields not declared, or null for none; copied deeply
   */
  public DetectedIntent {
    extraFields = FreeForm.copyOf(extraFields);
  }

  /** Shows the intent and confidence; the explanation only by its length. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("intent", intent)
        .add("confidence", confidence)
        .redact("explanation", explanation)
        .redact("extraFields", extraFields)
        .toString();
  }
}
