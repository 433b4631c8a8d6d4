package io.voicehooks.agni;

/**
 * The format of a transcript message's content ({@code transcripts[].message.format}). Agni's
 * example shows only {@code text}; any other value reads as {@link #UNKNOWN} with the raw string
 * kept.
 */
public enum ContentFormat {
  /** Plain text ({@code text}). */
  TEXT,
  /** A format this SDK does not know; see the raw string. */
  UNKNOWN
}
