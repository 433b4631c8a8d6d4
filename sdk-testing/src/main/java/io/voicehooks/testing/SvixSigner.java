package io.voicehooks.testing;

import io.voicehooks.core.SvixSignatureVerifier;
import io.voicehooks.core.WebhookHeaders;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Signs bodies the way Svix (Standard Webhooks) senders do, producing the {@code svix-id}, {@code
 * svix-timestamp} and {@code svix-signature} headers that {@link SvixSignatureVerifier} checks.
 *
 * <pre>{@code
 * SvixSigner signer = SvixSigner.withSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
 * WebhookHeaders headers = signer.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", Instant.now(), body);
 *
 * SvixSigner ed25519 = SvixSigner.generateEd25519();           // v1a, for asymmetric keys
 * SvixSignatureVerifier verifier = SvixSignatureVerifier.builder()
 *     .publicKey(ed25519.publicKey())                         // "whpk_..."
 *     .build();
 * }</pre>
 *
 * <p>Two schemes: {@code v1} is HMAC-SHA256 under a {@code whsec_} secret (computed by {@link
 * SvixSignatureVerifier#sign(String, String, long, byte[])}); {@code v1a} is ed25519 under a
 * private key. Both sign {@code id.timestamp.body} over the exact body bytes. {@link
 * #withWebhookHeaderNames()} emits the {@code webhook-*} header names of the Standard Webhooks
 * specification instead of {@code svix-*}.
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} never shows key material.
 */
public final class SvixSigner {
  private static final String ED25519 = "Ed25519";
  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final @Nullable String secret;
  private final @Nullable PrivateKey privateKey;
  private final @Nullable String publicKey;
  private final String prefix;

  private SvixSigner(
      @Nullable String secret,
      @Nullable PrivateKey privateKey,
      @Nullable String publicKey,
      String prefix) {
    this.secret = secret;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.prefix = prefix;
  }

  /**
   * Returns a {@code v1} (HMAC-SHA256) signer.
   *
   * @param secret the signing secret, {@code whsec_<base64>}; the prefix is optional
   * @return the signer
   * @throws IllegalArgumentException if the secret is empty or not base64; the message never
   *     contains the secret
   */
  public static SvixSigner withSecret(String secret) {
    Objects.requireNonNull(secret, "secret == null");
    SvixSignatureVerifier.sign(secret, "msg_check", 0, new byte[0]); // validates the secret
    return new SvixSigner(secret, null, null, "svix");
  }

  /**
   * Returns a {@code v1a} (ed25519) signer for a key pair.
   *
   * @param keyPair an ed25519 key pair
   * @return the signer
   * @throws IllegalArgumentException if the keys are not ed25519 keys
   */
  public static SvixSigner withEd25519(KeyPair keyPair) {
    Objects.requireNonNull(keyPair, "keyPair == null");
    PrivateKey key = requireEd25519(keyPair.getPrivate());
    return new SvixSigner(null, key, encodePublicKey(keyPair.getPublic()), "svix");
  }

  /**
   * Returns a {@code v1a} (ed25519) signer for a private key. The public key is derived from it
   * when the key exposes its bytes (as the JDK's own keys do); otherwise {@link #publicKey()}
   * throws and {@link #withEd25519(KeyPair)} should be used.
   *
   * @param privateKey an ed25519 private key
   * @return the signer
   * @throws IllegalArgumentException if the key is not an ed25519 key
   */
  public static SvixSigner withEd25519(PrivateKey privateKey) {
    PrivateKey key = requireEd25519(Objects.requireNonNull(privateKey, "privateKey == null"));
    return new SvixSigner(null, key, derivePublicKey(key), "svix");
  }

  /** {@return a {@code v1a} signer with a freshly generated ed25519 key pair} */
  public static SvixSigner generateEd25519() {
    try {
      return withEd25519(KeyPairGenerator.getInstance(ED25519).generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is unavailable in this JVM", e);
    }
  }

  /** {@return a random signing secret in the Svix format, {@code whsec_} and 24 bytes in base64} */
  public static String generateSecret() {
    byte[] key = new byte[24];
    RANDOM.nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  /** {@return a random message id in the Svix style, {@code msg_} and 27 base62 characters} */
  public static String newMessageId() {
    StringBuilder id = new StringBuilder("msg_");
    for (int i = 0; i < 27; i++) {
      id.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
    }
    return id.toString();
  }

  /**
   * Returns a signer with the same key that names its headers {@code webhook-id}, {@code
   * webhook-timestamp} and {@code webhook-signature}, as the Standard Webhooks specification does.
   *
   * @return the signer
   */
  public SvixSigner withWebhookHeaderNames() {
    return new SvixSigner(secret, privateKey, publicKey, "webhook");
  }

  /**
   * Returns the three signature headers for a body.
   *
   * @param msgId the message id, the same for every attempt to deliver one message
   * @param timestamp the time of the attempt; sent in Unix seconds
   * @param body the exact body bytes that will be sent
   * @return the headers {@code svix-id}, {@code svix-timestamp} and {@code svix-signature} (or
   *     their {@code webhook-*} names)
   */
  public WebhookHeaders sign(String msgId, Instant timestamp, byte[] body) {
    Objects.requireNonNull(msgId, "msgId == null");
    Objects.requireNonNull(timestamp, "timestamp == null");
    Objects.requireNonNull(body, "body == null");
    long seconds = timestamp.getEpochSecond();
    return WebhookHeaders.of(
        prefix + "-id",
        msgId,
        prefix + "-timestamp",
        Long.toString(seconds),
        prefix + "-signature",
        signature(msgId, seconds, body));
  }

  /**
   * Returns the signature headers for a body under a new message id, stamped now.
   *
   * @param body the exact body bytes that will be sent
   * @return the headers
   */
  public WebhookHeaders sign(byte[] body) {
    return sign(newMessageId(), Instant.now(), body);
  }

  /**
   * Returns the value of the signature header alone: {@code v1,<base64>} or {@code v1a,<base64>}.
   *
   * @param msgId the message id
   * @param timestampSeconds the Unix timestamp in seconds
   * @param body the exact body bytes
   * @return the signature header value
   */
  public String signature(String msgId, long timestampSeconds, byte[] body) {
    Objects.requireNonNull(msgId, "msgId == null");
    Objects.requireNonNull(body, "body == null");
    if (secret != null) {
      return SvixSignatureVerifier.sign(secret, msgId, timestampSeconds, body);
    }
    try {
      Signature signature = Signature.getInstance(ED25519);
      signature.initSign(Objects.requireNonNull(privateKey));
      signature.update(msgId.getBytes(StandardCharsets.UTF_8));
      signature.update((byte) '.');
      signature.update(Long.toString(timestampSeconds).getBytes(StandardCharsets.US_ASCII));
      signature.update((byte) '.');
      signature.update(body);
      return "v1a," + Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /**
   * Returns the public key of a {@code v1a} signer in the form {@link
   * SvixSignatureVerifier.Builder#publicKey(String)} accepts.
   *
   * @return {@code whpk_} followed by the base64 of the raw 32-byte ed25519 public key
   * @throws IllegalStateException if this is a {@code v1} (secret) signer, or the public key could
   *     not be derived from the private key given
   */
  public String publicKey() {
    if (publicKey == null) {
      throw new IllegalStateException(
          secret != null
              ? "A v1 (secret) signer has no public key"
              : "The public key could not be derived; use withEd25519(KeyPair)");
    }
    return publicKey;
  }

  /** {@return the signature scheme, {@code "v1"} (HMAC-SHA256) or {@code "v1a"} (ed25519)} */
  public String scheme() {
    return secret != null ? "v1" : "v1a";
  }

  /** {@return the header name prefix, {@code "svix"} or {@code "webhook"}} */
  public String headerPrefix() {
    return prefix;
  }

  /**
   * Returns a verifier that accepts this signer's signatures: built from the secret of a {@code v1}
   * signer or the public key of a {@code v1a} signer, with the default five-minute tolerance.
   *
   * @return the verifier
   * @throws IllegalStateException if the public key of a {@code v1a} signer is unknown
   */
  public SvixSignatureVerifier verifier() {
    SvixSignatureVerifier.Builder builder = SvixSignatureVerifier.builder();
    return (secret != null ? builder.secret(secret) : builder.publicKey(publicKey())).build();
  }

  /** Names the scheme and header prefix only, never key material. */
  @Override
  public String toString() {
    return "SvixSigner[" + scheme() + ", " + prefix + "-*]";
  }

  private static PrivateKey requireEd25519(PrivateKey key) {
    if (!ED25519.equalsIgnoreCase(key.getAlgorithm())
        && !"EdDSA".equalsIgnoreCase(key.getAlgorithm())) {
      throw new IllegalArgumentException("key is not an Ed25519 key");
    }
    return key;
  }

  private static String encodePublicKey(PublicKey key) {
    byte[] der = key.getEncoded();
    if (der == null || der.length < 32 || !"X.509".equals(key.getFormat())) {
      throw new IllegalArgumentException("public key is not an X.509 encoded Ed25519 key");
    }
    // An X.509 ed25519 key is a fixed 12-byte header followed by the raw 32-byte key.
    return "whpk_"
        + Base64.getEncoder().encodeToString(Arrays.copyOfRange(der, der.length - 32, der.length));
  }

  /**
   * Derives the public key by letting the JDK's generator regenerate the pair from the private
   * key's seed: the generator draws exactly the 32 seed bytes from its random source. The result is
   * checked by signing and verifying a probe, so a generator that draws differently yields null.
   */
  private static @Nullable String derivePublicKey(PrivateKey key) {
    if (!(key instanceof EdECPrivateKey)) {
      return null;
    }
    byte[] seed = ((EdECPrivateKey) key).getBytes().orElse(null);
    if (seed == null || seed.length != 32) {
      return null;
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(ED25519);
      generator.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
      PublicKey candidate = generator.generateKeyPair().getPublic();
      byte[] probe = "voicehooks-probe".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(ED25519);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(ED25519);
      verifier.initVerify(candidate);
      verifier.update(probe);
      return verifier.verify(signature) ? encodePublicKey(candidate) : null;
    } catch (GeneralSecurityException | RuntimeException e) {
      return null;
    }
  }

  /** A random source that hands out one fixed seed; used only to re-derive a key pair. */
  private static final class FixedSeed extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] seed;

    FixedSeed(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = seed[i % seed.length];
      }
    }
  }
}
