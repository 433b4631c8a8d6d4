package io.voicehooks.agni;

/**
 * Which channel an Agni call used, from {@code data.channel}. Read through {@link
 * io.voicehooks.core.OpenEnum}: a channel Agni adds later reads as {@link #UNKNOWN}.
 */
public enum Channel {
  /** A telephone call ({@code voice}). */
  VOICE,
  /** A browser call ({@code web}). */
  WEB,
  /** A SIP trunk call ({@code sip}). */
  SIP,
  /** A channel this SDK does not know; see the raw string. */
  UNKNOWN
}
