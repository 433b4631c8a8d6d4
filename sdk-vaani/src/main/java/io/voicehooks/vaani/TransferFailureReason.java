package io.voicehooks.vaani;

/**
 * Why a transfer to a human failed ({@code reason} of {@code human_transfer_failed}), read as an
 * {@link io.voicehooks.core.OpenEnum}. Vaani's example shows {@code busy}; its event table names
 * rejection, busy and no-answer as the causes.
 *
 * <p>Inferred, not documented: the spellings {@code rejected} and {@code no_answer}. Only {@code
 * busy} appears in Vaani's docs; the other two follow the style of the call {@code status} values.
 * Values match as {@link io.voicehooks.core.OpenEnum} matches them (ignoring case, with hyphens or
 * spaces for underscores), so {@code no_answer}, {@code no-answer} and {@code No Answer} are all
 * {@link #NO_ANSWER}; anything else is {@link #UNKNOWN} with the raw string kept.
 */
public enum TransferFailureReason {
  /** {@code busy}: the human's line was busy. */
  BUSY,
  /** {@code rejected} (spelling inferred): the human rejected the call. */
  REJECTED,
  /** {@code no_answer} (spelling inferred): the human did not answer. */
  NO_ANSWER,
  /** A reason this SDK does not know; see the raw string. */
  UNKNOWN
}
