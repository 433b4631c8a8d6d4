package io.voicehooks.agni;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.internal.ExtraFields;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.ToString;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Agni's AI analysis of a finished call ({@code data.post_call_analysis}): the documented keys,
 * typed, and every other key as sent.
 *
 * <p>Agents can define their own extraction fields ({@code post_call_analysis_data} in the Agent
 * API). Inferred, not documented: their values arrive as further keys of this object (Agni's
 * example shows none). Every key beyond the documented four is kept in {@link #extraFields()} as
 * free-form JSON values ({@code String}, {@code Boolean}, {@code Integer}/{@code Long}/{@code
 * BigInteger}, {@code BigDecimal}, {@code List}, {@code Map} or null). A documented key whose value
 * has an unexpected JSON type (say, {@code next_steps} sent as an array) reads as null here and
 * keeps its raw value in {@link #extraFields()} under its wire name, so nothing sent is lost.
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
 * @param extraFields every other key of the object, as sent (unmodifiable, nulls kept), and a
 *     documented key whose value could not be read
 */
public record PostCallAnalysis(
    @JsonProperty("sentiment") @Nullable OpenEnum<SentimentLabel> sentiment,
    @JsonProperty("disposition") @Nullable OpenEnum<Disposition> disposition,
    @JsonProperty("goals_met") @Nullable Boolean goalsMet,
    @JsonProperty("next_steps") @Nullable String nextSteps,
    @ExtraFields Map<String, @Nullable Object> extraFields) {

  /**
   * Creates an analysis, copying the extra keys.
   *
   * @param sentiment the overall sentiment, or null
   * @param disposition the classification, or null
   * @param goalsMet whether the agent achieved its objective, or null
   * @param nextSteps what should happen next, or null
   * @param extraFields the other keys, copied deeply; null reads as empty
   */
  public PostCallAnalysis {
    extraFields = FreeForm.copyOf(extraFields);
  }

  /** Shows the labels; the next steps and the extra keys only by size. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("sentiment", sentiment)
        .add("disposition", disposition)
        .add("goalsMet", goalsMet)
        .redact("nextSteps", nextSteps)
        .redact("extraFields", extraFields)
        .toString();
  }
}
