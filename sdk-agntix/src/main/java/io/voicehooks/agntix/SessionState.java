package io.voicehooks.agntix;

/** The state of a session when the event was emitted, sent as {@code state}. */
public enum SessionState {
  /** The session is live: the state at {@code session.created}. */
  OPEN,
  /** The session has closed: the state at {@code session.ended}. */
  CLOSED,
  /**
   * A value this SDK does not know; the raw string stays in {@link io.voicehooks.core.OpenEnum}.
   */
  UNKNOWN
}
