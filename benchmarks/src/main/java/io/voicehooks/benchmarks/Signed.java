package io.voicehooks.benchmarks;

import io.voicehooks.core.SvixSignatureVerifier;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One Standard Webhooks (Svix) delivery signed now: the header values, the body, and the same
 * delivery in the shapes each implementation under test takes.
 */
final class Signed {
  /** A fixed 32-byte signing secret, as Svix shows it: {@code whsec_<base64>}. */
  static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(fixedKey());

  final String id;
  final String timestamp;
  final String signature;
  final byte[] body;

  private Signed(String id, String timestamp, String signature, byte[] body) {
    this.id = id;
    this.timestamp = timestamp;
    this.signature = signature;
    this.body = body;
  }

  /**
   * Signs a body with {@link #SECRET}, timestamped now.
   *
   * @param id the message id ({@code svix-id})
   * @param body the body
   * @return the delivery
   */
  static Signed now(String id, byte[] body) {
    long seconds = System.currentTimeMillis() / 1000;
    String signature = SvixSignatureVerifier.sign(SECRET, id, seconds, body);
    return new Signed(id, Long.toString(seconds), signature, body);
  }

  /** {@return the delivery as VoiceHooks receives it} */
  WebhookRequest request() {
    return WebhookRequest.of(
        WebhookHeaders.of(
            "content-type",
            "application/json",
            "svix-id",
            id,
            "svix-timestamp",
            timestamp,
            "svix-signature",
            signature),
        body);
  }

  /** {@return the headers as the svix library takes them} */
  Map<String, List<String>> headerMap() {
    return Map.of(
        "content-type", List.of("application/json"),
        "svix-id", List.of(id),
        "svix-timestamp", List.of(timestamp),
        "svix-signature", List.of(signature));
  }

  /** {@return the body decoded as the svix library takes it} */
  String bodyString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** {@return the secret's key bytes, for the bare MAC} */
  static byte[] secretKey() {
    return Base64.getDecoder().decode(SECRET.substring("whsec_".length()));
  }

  private static byte[] fixedKey() {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i * 7 + 3);
    }
    return key;
  }
}
