package io.voicehooks.testing;

import java.util.Locale;

/** The voice-AI platforms whose deliveries this module can produce and simulate. */
public enum Provider {
  /** Agni (Ravan.ai): one {@code call.completed} event, {@code event} type field, no signature. */
  AGNI("Agni"),
  /** Vaani: eleven call lifecycle events, {@code event} type field, no signature. */
  VAANI("Vaani"),
  /** Agntix: {@code session.created} and {@code session.ended}, signed through Svix. */
  AGNTIX("Agntix"),
  /** cllr: one post-call payload without a type field, no signature. */
  CLLR("cllr");

  private final String displayName;

  Provider(String displayName) {
    this.displayName = displayName;
  }

  /** {@return the lower-case name the SDK uses for this provider, such as {@code "agni"}} */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@return the provider's name as it brands itself, such as {@code "Agni"}} */
  public String displayName() {
    return displayName;
  }
}
