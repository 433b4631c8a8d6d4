package io.voicehooks.agntix;

/** Who started a session, sent as {@code direction}. */
public enum SessionDirection {
  /** The customer reached the agent. */
  INBOUND,
  /** The agent reached the customer, such as a programmatic outbound call. */
  OUTBOUND,
  /**
   * A value this SDK does not know; the raw string stays in {@link io.voicehooks.core.OpenEnum}.
   */
  UNKNOWN
}
