package io.voicehooks.agntix;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.internal.ToString;
import org.jspecify.annotations.Nullable;

/**
 * One intent classification: the best fit among the agent's custom intents.
 *
 * <p>{@link #toString()} shows the intent and confidence, and the explanation only by its length.
 *
 * @param intent the intent's name, such as {@code Slot-Confirmed}, or null when none fits
 * @param confidence the confidence, 0 to 1, or null
 * @param explanation the model's short rationale, or null
 */
public record DetectedIntent(
    @JsonProperty("intent") @Nullable String intent,
    @JsonProperty("confidence") @Nullable Double confidence,
    @JsonProperty("explanation") @Nullable String explanation) {

  /** Shows the intent and confidence; the explanation only by its length. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("intent", intent)
        .add("confidence", confidence)
        .redact("explanation", explanation)
        .toString();
  }
}
