package io.voicehooks.agntix;

/** The kind of an Agntix session, sent as {@code type}: not to be confused with the event type. */
public enum SessionType {
  /** A voice call. */
  VOICE,
  /** A text chat. */
  CHAT,
  /**
   * A value this SDK does not know; the raw string stays in {@link io.voicehooks.core.OpenEnum}.
   */
  UNKNOWN
}
