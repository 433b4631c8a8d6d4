package io.voicehooks.agni;

/**
 * Who spoke a transcript entry ({@code transcripts[].role}, or {@code transcripts[].message.role}).
 * Agni's examples show {@code agent} and {@code user}. Inferred, not documented: the other
 * constants, the labels that LLM-based platforms commonly use. Read through {@link
 * io.voicehooks.core.OpenEnum}: any other label reads as {@link #UNKNOWN} with the raw string kept.
 */
public enum MessageRole {
  /** The AI agent ({@code agent}). */
  AGENT,
  /** The AI agent, labelled the LLM way ({@code assistant}). */
  ASSISTANT,
  /** The caller or callee ({@code user}). */
  USER,
  /** A system message, such as a prompt or a notice ({@code system}). */
  SYSTEM,
  /** A tool or function call and its result ({@code tool}). */
  TOOL,
  /** A label this SDK does not know; see the raw string. */
  UNKNOWN
}
