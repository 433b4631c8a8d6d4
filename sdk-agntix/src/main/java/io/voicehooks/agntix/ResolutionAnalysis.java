package io.voicehooks.agntix;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.internal.ExtraFields;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.ToString;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The resolution part of a session's analysis, sent as {@code analysis.resolution} when Resolution
 * Analysis is enabled on the agent: whether the session met the objective the agent's resolution
 * definition describes.
 *
 * <p>{@link #toString()} shows the verdict, confidence and status; the checklist items and evidence
 * only by their number and the explanation by its length, since they quote or paraphrase the
 * caller.
 *
 * @param classification the verdict, or null
 * @param confidenceScore the confidence in the verdict, 0 to 1, or null
 * @param status the provider's status text, such as {@code Completed} (values undocumented), or
 *     null
 * @param satisfiedChecklistItems the checklist points met during the session; empty when none
 * @param evidence quoted transcript turns supporting the verdict; empty when none
 * @param explanation the model's short rationale, or null
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record ResolutionAnalysis(
    @JsonProperty("classification") @Nullable OpenEnum<ResolutionClassification> classification,
    @JsonProperty("confidenceScore") @Nullable Double confidenceScore,
    @JsonProperty("status") @Nullable String status,
    @JsonProperty("satisfiedChecklistItems") List<String> satisfiedChecklistItems,
    @JsonProperty("evidence") List<String> evidence,
    @JsonProperty("explanation") @Nullable String explanation,
    @ExtraFields Map<String, @Nullable Object> extraFields) {

  /**
   * Creates a resolution, copying the lists.
   *
   * @param classification the verdict, or null
   * @param confidenceScore the confidence, or null
   * @param status the status text, or null
   * @param satisfiedChecklistItems the checklist points met, or null for none
   * @param evidence the supporting turns, or null for none
   * @param explanation the rationale, or null
   * @param extraFields the fields not declared, or null for none; copied deeply
   */
  public ResolutionAnalysis {
    satisfiedChecklistItems = FreeForm.listOf(satisfiedChecklistItems);
    evidence = FreeForm.listOf(evidence);
    extraFields = FreeForm.copyOf(extraFields);
  }

  /** Shows the verdict; the checklist items, evidence and explanation only by size. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("classification", classification)
        .add("confidenceScore", confidenceScore)
        .add("status", status)
        .redact("satisfiedChecklistItems", satisfiedChecklistItems)
        .redact("evidence", evidence)
        .redact("explanation", explanation)
        .redact("extraFields", extraFields)
        .toString();
  }
}
