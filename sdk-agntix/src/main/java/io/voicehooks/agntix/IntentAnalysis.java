package io.voicehooks.agntix;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The intent part of a session's analysis, sent as {@code analysis.intent} when Intent Recognition
 * is enabled on the agent.
 *
 * @param conversation the best-fit intent across the whole session, or null
 * @param message the best-fit intent of the trigger message (of little use for voice), or null
 */
public record IntentAnalysis(
    @JsonProperty("conversation") @Nullable DetectedIntent conversation,
    @JsonProperty("message") @Nullable DetectedIntent message) {}
