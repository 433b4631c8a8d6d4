package io.voicehooks.agni;

/**
 * The outcome of an Agni call as its post-call analysis classifies it ({@code
 * post_call_analysis.disposition}). Agni documents an open set and gives these examples; agents can
 * be configured with their own, which read as {@link #UNKNOWN} with the raw string kept.
 */
public enum Disposition {
  /** A meeting was booked ({@code meeting_booked}). */
  MEETING_BOOKED,
  /** The contact was not interested ({@code not_interested}). */
  NOT_INTERESTED,
  /** The contact asked to be called back ({@code callback_requested}). */
  CALLBACK_REQUESTED,
  /** The caller's issue was resolved ({@code issue_resolved}). */
  ISSUE_RESOLVED,
  /** A disposition not among the documented examples; see the raw string. */
  UNKNOWN
}
