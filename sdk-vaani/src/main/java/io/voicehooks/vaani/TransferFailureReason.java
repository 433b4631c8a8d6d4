package io.voicehooks.vaani;

/**
 * Why a transfer to a human failed ({@code reason} of {@code human_transfer_failed}), read as an
 * {@link io.voicehooks.core.OpenEnum}. Vaani's example shows {@code busy}; its event table names
 * rejection, busy and no-answer as the causes.
 *
 * <p>Values match by name ignoring case, so {@code no_answer} is {@link #NO_ANSWER}; a differently
 * spelt value (such as {@code no-answer}) is {@link #UNKNOWN} with the raw string kept.
 */
public enum TransferFailureReason {
  /** {@code busy}: the human's line was busy. */
  BUSY,
  /** {@code rejected}: the human rejected the call. */
  REJECTED,
  /** {@code no_answer}: the human did not answer. */
  NO_ANSWER,
  /** A reason this SDK does not know; see the raw string. */
  UNKNOWN
}
