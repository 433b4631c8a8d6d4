package io.voicehooks.agni;

/**
 * How an Agni call ended, from {@code data.status}. Read through {@link
 * io.voicehooks.core.OpenEnum}: a status Agni adds later reads as {@link #UNKNOWN} with the raw
 * string kept.
 */
public enum CallStatus {
  /** The call connected and finished ({@code completed}). */
  COMPLETED,
  /** The call could not be placed or broke off ({@code failed}). */
  FAILED,
  /** Nobody answered ({@code no_answer}). */
  NO_ANSWER,
  /** The line was busy ({@code busy}). */
  BUSY,
  /** The call reached a voicemail box ({@code voicemail}). */
  VOICEMAIL,
  /** A status this SDK does not know; see the raw string. */
  UNKNOWN
}
