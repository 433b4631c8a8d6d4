package io.voicehooks.agntix;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.internal.ExtraFields;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.ToString;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The intent part of a session's analysis, sent as {@code analysis.intent} when Intent Recognition
 * is enabled on the agent.
 *
 * @param conversation the best-fit intent across the whole session, or null
 * @param message the best-fit intent of the trigger message (of little use for voice), or null
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record IntentAnalysis(
    @JsonProperty("conversation") @Nullable DetectedIntent conversation,
    @JsonProperty("message") @Nullable DetectedIntent message,
    @ExtraFields Map<String, @Nullable Object> extraFields) {
  /**
   * Creates the record, copying the extra fields.
   *
   * @param conversation see {@link #conversation()}
   * @param message see {@link #message()}
   * @param extraFields the fields not declared, or null for none; copied deeply
   */
  public IntentAnalysis {
    extraFields = FreeForm.copyOf(extraFields);
  }

  /** Shows the components; the extra fields only by their number. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("conversation", conversation)
        .add("message", message)
        .redact("extraFields", extraFields)
        .toString();
  }
}
