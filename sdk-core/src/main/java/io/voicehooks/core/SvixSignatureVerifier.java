package io.voicehooks.core;

import io.voicehooks.core.WebhookVerificationException.Reason;
import io.voicehooks.core.internal.Settings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Verifies <a href="https://www.standardwebhooks.com/">Standard Webhooks</a> signatures, the scheme
 * Svix uses: the headers {@code svix-id}, {@code svix-timestamp} and {@code svix-signature}, or
 * their {@code webhook-*} equivalents.
 *
 * <pre>{@code
 * SvixSignatureVerifier verifier = SvixSignatureVerifier.builder()
 *     .secret(System.getenv("AGNTIX_WEBHOOK_SECRET"))
 *     .build();
 * verifier.verify(WebhookRequest.of(headers, rawBody)); // throws WebhookVerificationException
 * }</pre>
 *
 * <p>What it checks, in order: the three headers are present and well formed; the timestamp lies
 * within the tolerance (default five minutes, in both directions) of the clock; and at least one
 * signature in the header matches, where {@code v1} signatures are HMAC-SHA256 over {@code
 * id.timestamp.body} under any configured secret, and {@code v1a} signatures are ed25519 over the
 * same content under any configured public key. Signatures of other versions are skipped. The MAC
 * is computed over the raw body bytes without copying them, and compared in constant time.
 *
 * <p>Instances are immutable and thread-safe. Failures say which check failed; no message contains
 * a secret, a signature or a header value.
 */
public final class SvixSignatureVerifier implements SignatureVerifier {
  /** The tolerance used when none is set: five minutes. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  static final int MAX_SIGNATURE_HEADER_LENGTH = 8 * 1024;
  static final int MAX_SIGNATURES = 32;
  static final int MAX_ID_LENGTH = 256;

  private static final String HMAC_SHA256 = "HmacSHA256";
  private static final byte[] ED25519_X509_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private final List<MacPool> secrets;
  private final List<PublicKey> publicKeys;
  private final long toleranceSeconds;
  private final Clock clock;

  private SvixSignatureVerifier(Builder builder) {
    this.secrets = List.copyOf(builder.secrets);
    this.publicKeys = List.copyOf(builder.publicKeys);
    this.toleranceSeconds = builder.tolerance.getSeconds();
    this.clock = builder.clock;
  }

  /** {@return a builder; at least one secret or public key is required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Computes the {@code v1} signature header value for a body: what a Standard Webhooks sender puts
   * in {@code svix-signature}. Meant for tests and simulators.
   *
   * @param secret the signing secret, with or without its {@code whsec_} prefix
   * @param msgId the message id ({@code svix-id})
   * @param timestampSeconds the Unix timestamp in seconds ({@code svix-timestamp})
   * @param body the raw body bytes
   * @return the value {@code v1,<base64 signature>}
   * @throws IllegalArgumentException if the secret is empty or not base64
   */
  public static String sign(String secret, String msgId, long timestampSeconds, byte[] body) {
    Objects.requireNonNull(msgId, "msgId == null");
    Objects.requireNonNull(body, "body == null");
    Mac mac = newMac(decodeSecret(secret));
    byte[] digest =
        signedContentMac(
            mac, msgId.getBytes(StandardCharsets.UTF_8), longAscii(timestampSeconds), body);
    return "v1," + Base64.getEncoder().encodeToString(digest);
  }

  @Override
  public void verify(WebhookRequest request) {
    Objects.requireNonNull(request, "request == null");
    WebhookHeaders headers = request.headers();
    String id = header(headers, "svix-id", "webhook-id");
    String timestamp = header(headers, "svix-timestamp", "webhook-timestamp");
    String signatures = header(headers, "svix-signature", "webhook-signature");
    if (id == null || timestamp == null || signatures == null) {
      throw new WebhookVerificationException(
          Reason.MISSING_HEADER,
          "Missing header: "
              + (id == null
                  ? "svix-id (or webhook-id)"
                  : timestamp == null
                      ? "svix-timestamp (or webhook-timestamp)"
                      : "svix-signature (or webhook-signature)"));
    }
    if (id.length() > MAX_ID_LENGTH) {
      throw new WebhookVerificationException(
          Reason.MALFORMED_HEADER, "Malformed header: svix-id is longer than " + MAX_ID_LENGTH);
    }
    checkTimestamp(timestamp);
    if (signatures.length() > MAX_SIGNATURE_HEADER_LENGTH) {
      throw new WebhookVerificationException(
          Reason.MALFORMED_HEADER,
          "Malformed header: svix-signature is longer than " + MAX_SIGNATURE_HEADER_LENGTH);
    }
    List<byte[]> v1 = new ArrayList<>(2);
    List<byte[]> v1a = new ArrayList<>(0);
    int entries = collectCandidates(signatures, v1, v1a);
    if (entries == 0) {
      throw new WebhookVerificationException(
          Reason.MALFORMED_HEADER, "Malformed header: svix-signature holds no versioned signature");
    }
    byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
    byte[] tsBytes = timestamp.getBytes(StandardCharsets.UTF_8);
    byte[] body = request.rawBody();
    if (!v1.isEmpty() && matchesHmac(idBytes, tsBytes, body, v1)) {
      return;
    }
    if (!v1a.isEmpty() && matchesEd25519(idBytes, tsBytes, body, v1a)) {
      return;
    }
    throw new WebhookVerificationException(
        Reason.NO_MATCHING_SIGNATURE, "No matching signature in svix-signature");
  }

  private static @Nullable String header(WebhookHeaders headers, String name, String fallback) {
    String value = headers.first(name);
    if (value == null || value.isEmpty()) {
      value = headers.first(fallback);
    }
    return value == null || value.isEmpty() ? null : value;
  }

  private void checkTimestamp(String timestamp) {
    long seconds = parseSeconds(timestamp);
    long now = clock.millis() / 1000;
    if (seconds < now - toleranceSeconds) {
      throw new WebhookVerificationException(
          Reason.TIMESTAMP_TOO_OLD, "Timestamp too old: svix-timestamp is outside the tolerance");
    }
    if (seconds > now + toleranceSeconds) {
      throw new WebhookVerificationException(
          Reason.TIMESTAMP_TOO_NEW,
          "Timestamp too new: svix-timestamp is ahead of the clock beyond the tolerance");
    }
  }

  private static long parseSeconds(String timestamp) {
    int length = timestamp.length();
    if (length == 0 || length > 18) {
      throw malformedTimestamp();
    }
    long value = 0;
    for (int i = 0; i < length; i++) {
      char c = timestamp.charAt(i);
      if (c < '0' || c > '9') {
        throw malformedTimestamp();
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static WebhookVerificationException malformedTimestamp() {
    return new WebhookVerificationException(
        Reason.MALFORMED_HEADER, "Malformed header: svix-timestamp is not Unix seconds");
  }

  /** Splits {@code "v1,abc v1a,def v2,ghi"}; returns how many versioned entries there were. */
  private static int collectCandidates(String header, List<byte[]> v1, List<byte[]> v1a) {
    int entries = 0;
    int i = 0;
    int n = header.length();
    Base64.Decoder decoder = Base64.getDecoder();
    while (i < n) {
      while (i < n && header.charAt(i) == ' ') {
        i++;
      }
      int end = header.indexOf(' ', i);
      if (end < 0) {
        end = n;
      }
      if (end > i) {
        int comma = header.indexOf(',', i);
        if (comma > i && comma < end) {
          if (++entries > MAX_SIGNATURES) {
            throw new WebhookVerificationException(
                Reason.MALFORMED_HEADER,
                "Malformed header: svix-signature holds more than " + MAX_SIGNATURES + " entries");
          }
          List<byte[]> target =
              header.startsWith("v1,", i) ? v1 : header.startsWith("v1a,", i) ? v1a : null;
          if (target != null) {
            String text = header.substring(comma + 1, end);
            try {
              byte[] decoded = decoder.decode(text);
              if (isCanonical(text)) {
                target.add(decoded);
              }
            } catch (IllegalArgumentException notBase64) {
              // A corrupt candidate cannot match; the others may still.
            }
          }
        }
      }
      i = end + 1;
    }
    return entries;
  }

  /**
   * Tells whether base64 text is the one canonical encoding of its bytes. The decoder ignores the
   * unused low bits of the last character, so without this check {@code ...1OE=} and {@code
   * ...1OF=} would both match one MAC, and a signature changed in its last character would pass.
   */
  static boolean isCanonical(String text) {
    int length = text.length();
    while (length > 0 && text.charAt(length - 1) == '=') {
      length--;
    }
    int unusedBits;
    switch (length % 4) {
      case 2:
        unusedBits = 0x0F;
        break;
      case 3:
        unusedBits = 0x03;
        break;
      default:
        return true;
    }
    return (base64Value(text.charAt(length - 1)) & unusedBits) == 0;
  }

  private static int base64Value(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return c == '+' ? 62 : 63;
  }

  private boolean matchesHmac(byte[] id, byte[] timestamp, byte[] body, List<byte[]> candidates) {
    for (MacPool pool : secrets) {
      Mac mac = pool.take();
      byte[] expected;
      try {
        expected = signedContentMac(mac, id, timestamp, body);
      } finally {
        pool.give(mac);
      }
      for (byte[] candidate : candidates) {
        if (MessageDigest.isEqual(expected, candidate)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean matchesEd25519(
      byte[] id, byte[] timestamp, byte[] body, List<byte[]> candidates) {
    for (PublicKey key : publicKeys) {
      for (byte[] candidate : candidates) {
        if (candidate.length != 64) {
          continue;
        }
        try {
          Signature signature = Signature.getInstance("Ed25519");
          signature.initVerify(key);
          signature.update(id);
          signature.update((byte) '.');
          signature.update(timestamp);
          signature.update((byte) '.');
          signature.update(body);
          if (signature.verify(candidate)) {
            return true;
          }
        } catch (GeneralSecurityException e) {
          // A signature the provider cannot even decode does not match.
        }
      }
    }
    return false;
  }

  private static byte[] signedContentMac(Mac mac, byte[] id, byte[] timestamp, byte[] body) {
    mac.update(id);
    mac.update((byte) '.');
    mac.update(timestamp);
    mac.update((byte) '.');
    mac.update(body);
    return mac.doFinal();
  }

  private static byte[] longAscii(long value) {
    return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
  }

  private static final String SECRET = "Svix signing secret";
  private static final String SECRET_SOURCE =
      "the endpoint's whsec_<base64> value as the sender's dashboard shows it";

  static byte[] decodeSecret(String secret) {
    Settings.requireText(secret, SECRET, SECRET_SOURCE);
    String base64 = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
    if (base64.isBlank()) {
      throw new IllegalArgumentException(SECRET + " is empty after whsec_: pass " + SECRET_SOURCE);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(SECRET + " is not base64: pass " + SECRET_SOURCE);
    }
    if (key.length == 0) {
      throw new IllegalArgumentException(SECRET + " is empty: pass " + SECRET_SOURCE);
    }
    return key;
  }

  static PublicKey decodePublicKey(String publicKey) {
    String source = "the endpoint's whpk_<base64> ed25519 key as the sender's dashboard shows it";
    Settings.requireText(publicKey, "Svix public key", source);
    String base64 =
        publicKey.startsWith("whpk_") ? publicKey.substring("whpk_".length()) : publicKey;
    if (base64.isBlank()) {
      throw new IllegalArgumentException("Svix public key is empty after whpk_: pass " + source);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Svix public key is not base64: pass " + source);
    }
    byte[] der = bytes;
    if (bytes.length == 32) {
      der = new byte[ED25519_X509_PREFIX.length + 32];
      System.arraycopy(ED25519_X509_PREFIX, 0, der, 0, ED25519_X509_PREFIX.length);
      System.arraycopy(bytes, 0, der, ED25519_X509_PREFIX.length, 32);
    }
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "Svix public key is neither a raw 32-byte nor an X.509 ed25519 key: pass " + source);
    }
  }

  private static Mac newMac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(HMAC_SHA256);
      mac.init(new SecretKeySpec(key, HMAC_SHA256));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
    }
  }

  /**
   * Pre-keyed {@link Mac}s for one secret. A {@code Mac} is not thread-safe, and keying one costs
   * more than the MAC of a small body, so each is reused; the pool works for platform and virtual
   * threads alike, unlike a {@code ThreadLocal}.
   */
  private static final class MacPool {
    private static final int MAX_IDLE = 64;
    private final byte[] key;
    private final ConcurrentLinkedQueue<Mac> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    MacPool(byte[] key) {
      this.key = key;
      give(newMac(key));
    }

    Mac take() {
      Mac mac = idle.poll();
      if (mac == null) {
        return newMac(key);
      }
      idleCount.decrementAndGet();
      return mac;
    }

    void give(Mac mac) {
      if (idleCount.incrementAndGet() <= MAX_IDLE) {
        mac.reset();
        idle.offer(mac);
      } else {
        idleCount.decrementAndGet();
      }
    }
  }

  /** Builds a {@link SvixSignatureVerifier}. Not thread-safe; the verifier it builds is. */
  public static final class Builder {
    private final List<MacPool> secrets = new ArrayList<>();
    private final List<PublicKey> publicKeys = new ArrayList<>();
    private Duration tolerance = DEFAULT_TOLERANCE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Adds a signing secret for {@code v1} signatures. Call it again to accept several secrets
     * while one is being rotated.
     *
     * @param secret the secret as the provider shows it, {@code whsec_<base64>}; the prefix and the
     *     base64 padding are optional
     * @return this builder
     * @throws IllegalArgumentException if the secret is empty or not base64; the message never
     *     contains the secret
     */
    public Builder secret(String secret) {
      secrets.add(new MacPool(decodeSecret(secret)));
      return this;
    }

    /**
     * Adds an ed25519 public key for {@code v1a} signatures.
     *
     * @param publicKey {@code whpk_<base64>} of a raw 32-byte key or an X.509 (DER) encoded key;
     *     the prefix is optional
     * @return this builder
     * @throws IllegalArgumentException if the key cannot be read
     */
    public Builder publicKey(String publicKey) {
      publicKeys.add(decodePublicKey(publicKey));
      return this;
    }

    /**
     * Sets how far the timestamp may lie from the clock, in the past or the future.
     *
     * @param tolerance the tolerance, zero or more; default five minutes
     * @return this builder
     */
    public Builder tolerance(Duration tolerance) {
      Objects.requireNonNull(tolerance, "tolerance == null");
      if (tolerance.isNegative()) {
        throw new IllegalArgumentException("tolerance must not be negative");
      }
      this.tolerance = tolerance;
      return this;
    }

    /**
     * Sets the clock that timestamps are checked against.
     *
     * @param clock the clock; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return the verifier
     * @throws IllegalStateException if no secret and no public key was given
     */
    public SvixSignatureVerifier build() {
      if (secrets.isEmpty() && publicKeys.isEmpty()) {
        throw new IllegalStateException(
            "SvixSignatureVerifier needs a signing secret: builder().secret(\"whsec_...\") with"
                + " the endpoint's value from the sender's dashboard, or publicKey(\"whpk_...\")");
      }
      return new SvixSignatureVerifier(this);
    }
  }
}
