package io.voicehooks.agntix;

/**
 * Who wrote or spoke a session message, sent as {@code role}. The docs say tool calls appear too
 * but do not show their role string, so they read as {@code UNKNOWN} with the raw string kept.
 */
public enum MessageRole {
  /** The customer. */
  USER,
  /** The AI agent. */
  ASSISTANT,
  /**
   * A value this SDK does not know; the raw string stays in {@link io.voicehooks.core.OpenEnum}.
   */
  UNKNOWN
}
