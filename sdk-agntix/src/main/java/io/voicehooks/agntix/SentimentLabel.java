package io.voicehooks.agntix;

/** The sentiment label of a session's analysis. */
public enum SentimentLabel {
  /** The caller was positive. */
  POSITIVE,
  /** The caller was neutral. */
  NEUTRAL,
  /** The caller was negative. */
  NEGATIVE,
  /**
   * A value this SDK does not know; the raw string stays in {@link io.voicehooks.core.OpenEnum}.
   */
  UNKNOWN
}
