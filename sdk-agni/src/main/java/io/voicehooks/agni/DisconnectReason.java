package io.voicehooks.agni;

/**
 * Why an Agni call was disconnected, from {@code data.disconnect_reason}. Read through {@link
 * io.voicehooks.core.OpenEnum}: a reason Agni adds later reads as {@link #UNKNOWN}.
 */
public enum DisconnectReason {
  /** The customer hung up ({@code customer_hangup}). */
  CUSTOMER_HANGUP,
  /** The agent ended the call ({@code agent_hangup}). */
  AGENT_HANGUP,
  /** The call ended on an error ({@code error}). */
  ERROR,
  /** A reason this SDK does not know; see the raw string. */
  UNKNOWN
}
