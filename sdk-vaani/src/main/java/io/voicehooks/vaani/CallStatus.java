package io.voicehooks.vaani;

/**
 * The {@code status} Vaani sends with the dialing, ringing, answer and pre-answer failure events,
 * read as an {@link io.voicehooks.core.OpenEnum}: a value not listed here is {@link #UNKNOWN} with
 * the raw string kept.
 *
 * <p>Each event's example shows exactly one status, so the event type already says as much; the
 * status is kept as sent. Vaani's examples are of outbound calls: what {@code status} an inbound
 * {@code call_started} carries is not documented.
 */
public enum CallStatus {
  /** {@code dialing}: sent with an outbound {@code call_started}. */
  DIALING,
  /** {@code ringing}: sent with {@code call_ringing}. */
  RINGING,
  /** {@code active}: sent with {@code user_picked_up_at}. */
  ACTIVE,
  /** {@code rejected}: sent with {@code call_rejected}. */
  REJECTED,
  /** {@code no_answer}: sent with {@code call_no_answer}. */
  NO_ANSWER,
  /** {@code failed}: sent with {@code call_failed}. */
  FAILED,
  /** A status this SDK does not know; see the raw string. */
  UNKNOWN
}
