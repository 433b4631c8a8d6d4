package io.voicehooks.agni;

/**
 * The caller's overall sentiment from Agni's post-call analysis ({@code
 * post_call_analysis.sentiment}). Read through {@link io.voicehooks.core.OpenEnum}: a label Agni
 * adds later reads as {@link #UNKNOWN}. The provider-neutral counterpart is {@link
 * io.voicehooks.core.CallSummary.Sentiment}.
 */
public enum SentimentLabel {
  /** The caller was positive ({@code positive}). */
  POSITIVE,
  /** The caller was neutral ({@code neutral}). */
  NEUTRAL,
  /** The caller was negative ({@code negative}). */
  NEGATIVE,
  /** A label this SDK does not know; see the raw string. */
  UNKNOWN
}
