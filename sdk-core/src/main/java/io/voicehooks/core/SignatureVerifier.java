package io.voicehooks.core;

/**
 * Decides whether a delivery comes from the expected sender, before its body is parsed.
 *
 * <p>Implementations read the raw body bytes and the headers, never a re-serialised body, and are
 * immutable and thread-safe. {@link SvixSignatureVerifier} verifies Standard Webhooks signatures;
 * {@link SharedSecretVerifier} checks a shared secret for providers that sign nothing.
 */
@FunctionalInterface
public interface SignatureVerifier {
  /**
   * Verifies one delivery.
   *
   * @param request the delivery as received
   * @throws WebhookVerificationException if the delivery cannot be shown to be authentic
   */
  void verify(WebhookRequest request);
}
