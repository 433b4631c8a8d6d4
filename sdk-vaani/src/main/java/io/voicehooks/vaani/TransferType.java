package io.voicehooks.vaani;

/**
 * How a call is handed to a human ({@code transfer_type}), read as an {@link
 * io.voicehooks.core.OpenEnum}. Vaani documents only {@code warm}.
 */
public enum TransferType {
  /** {@code warm}: the AI agent introduces the call to the human before leaving. */
  WARM,
  /**
   * {@code cold}: a blind transfer without an introduction. Inferred, not documented: not in
   * Vaani's docs; listed because it is the usual counterpart of a warm transfer.
   */
  COLD,
  /** A transfer type this SDK does not know; see the raw string. */
  UNKNOWN
}
