package io.voicehooks.agntix;

/** Whether a session achieved its objective, sent as {@code analysis.resolution.classification}. */
public enum ResolutionClassification {
  /** The objective was met. */
  RESOLVED,
  /** The objective was partly met. */
  PARTIALLY_RESOLVED,
  /** The objective was not met. */
  UNRESOLVED,
  /** The resolution definition does not apply to this session. */
  NOT_APPLICABLE,
  /**
   * A value this SDK does not know; the raw string stays in {@link io.voicehooks.core.OpenEnum}.
   */
  UNKNOWN
}
