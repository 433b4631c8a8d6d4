package io.voicehooks.agntix;

/**
 * The channel a session runs on, sent as {@code platform}. The docs list {@code PHONE}, {@code WEB}
 * and {@code WHATSAPP} on the webhook page and {@code SDK}, {@code WEB}, {@code WHATSAPP} and
 * {@code VOICE} on the chat API page; all of them are known here.
 */
public enum SessionPlatform {
  /** A telephone call. */
  PHONE,
  /** The web widget. */
  WEB,
  /** WhatsApp. */
  WHATSAPP,
  /** An SDK integration (named on the chat API page). */
  SDK,
  /** Voice (named on the chat API page). */
  VOICE,
  /**
   * A value this SDK does not know; the raw string stays in {@link io.voicehooks.core.OpenEnum}.
   */
  UNKNOWN
}
