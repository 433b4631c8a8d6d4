package io.voicehooks.agntix;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One intent classification: the best fit among the agent's custom intents.
 *
 * @param intent the intent's name, such as {@code Slot-Confirmed}, or null when none fits
 * @param confidence the confidence, 0 to 1, or null
 * @param explanation the model's short rationale, or null
 */
public record DetectedIntent(
    @JsonProperty("intent") @Nullable String intent,
    @JsonProperty("confidence") @Nullable Double confidence,
    @JsonProperty("explanation") @Nullable String explanation) {}
