package io.voicehooks.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.voicehooks.core.SvixSignatureVerifier;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fuzzes {@link SvixSignatureVerifier#verify} with fuzzed headers and body.
 *
 * <p>An input is an HTTP-like message: header lines {@code name: value} up to the first empty line,
 * then the raw body. The seeds in {@code SvixSignatureVerifierFuzzTestInputs/verify/} are real
 * Agntix fixtures signed at {@link Payloads#SIGNED_AT} (the verifier's clock is frozen there) with
 * the test secret, a second, rotated secret, or an ed25519 key, so mutations start from deliveries
 * that pass and probe every check on the way.
 *
 * <p>Properties: {@code verify} returns or throws {@link WebhookVerificationException}, nothing
 * else; and it never accepts a forgery: when it returns, the signature header holds the true
 * HMAC-SHA256 of {@code id.timestamp.body} under one of the secrets, or a {@code v1a} entry that is
 * a true ed25519 signature of it under {@link #PUBLIC_KEY} (checked with the JDK, not the
 * verifier). The seeds {@code ed25519-forged} (64 zero bytes) and {@code ed25519-other-body} (a
 * real signature over another body) must be rejected.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
final class SvixSignatureVerifierFuzzTest {
  /** A second secret, as during a rotation. */
  static final String ROTATED_SECRET = "whsec_c2Vjb25kLXRlc3Qtc2VjcmV0LW5vdC1yZWFs";

  /** The public half of the ed25519 key the {@code v1a} seeds were signed with. */
  static final String PUBLIC_KEY = "whpk_oi5Z13mNVFc0uVlIha82w64Mlp9iMh2PPz21YUldXQ8=";

  private static final SvixSignatureVerifier VERIFIER = verifier();

  private static SvixSignatureVerifier verifier() {
    return SvixSignatureVerifier.builder()
        .secret(Payloads.AGNTIX_SECRET)
        .secret(ROTATED_SECRET)
        .publicKey(PUBLIC_KEY)
        .clock(Payloads.FIXED_CLOCK)
        .build();
  }

  @FuzzTest
  void verify(byte[] input) {
    WebhookRequest request = parse(input);
    try {
      VERIFIER.verify(request);
    } catch (WebhookVerificationException rejected) {
      return;
    }
    Invariants.check(carriesTrueSignature(request), "accepted a delivery without a true signature");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "svix.session-ended",
        "webhook.session-created",
        "odd-case.session-ended-minimal",
        "several-signatures",
        "rotated-secret",
        "ed25519",
        "duplicate-headers"
      })
  void seed_signedAtTheFrozenClock_passesVerification(String seed) {
    WebhookRequest request =
        parse(
            Payloads.resource(
                "/io/voicehooks/reliability/"
                    + getClass().getSimpleName()
                    + "Inputs/verify/"
                    + seed));

    assertThatCode(() -> VERIFIER.verify(request)).doesNotThrowAnyException();
    assertThat(carriesTrueSignature(request)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "none-valid",
        "too-old",
        "missing-signature",
        "empty",
        "ed25519-forged",
        "ed25519-other-body"
      })
  void seed_notSigned_failsVerification(String seed) {
    WebhookRequest request =
        parse(
            Payloads.resource(
                "/io/voicehooks/reliability/"
                    + getClass().getSimpleName()
                    + "Inputs/verify/"
                    + seed));

    assertThatThrownBy(() -> VERIFIER.verify(request))
        .isInstanceOf(WebhookVerificationException.class);
  }

  /** Splits an input into headers and body; lines without a colon are ignored. */
  static WebhookRequest parse(byte[] input) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    int i = 0;
    while (i < input.length) {
      int end = indexOf(input, (byte) '\n', i);
      int lineEnd = end < 0 ? input.length : end;
      if (lineEnd == i) {
        i = lineEnd + 1;
        break;
      }
      String line = new String(input, i, lineEnd - i, StandardCharsets.UTF_8);
      int colon = line.indexOf(':');
      if (colon > 0) {
        String value = line.substring(colon + 1);
        headers
            .computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>())
            .add(value.startsWith(" ") ? value.substring(1) : value);
      }
      i = lineEnd + 1;
    }
    byte[] body = new byte[Math.max(0, input.length - i)];
    System.arraycopy(input, Math.min(i, input.length), body, 0, body.length);
    return WebhookRequest.of(WebhookHeaders.of(headers), body);
  }

  private static int indexOf(byte[] data, byte b, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** Recomputes the signature independently of the verifier's own matching code. */
  private static boolean carriesTrueSignature(WebhookRequest request) {
    WebhookHeaders headers = request.headers();
    String id = header(headers, "svix-id", "webhook-id");
    String timestamp = header(headers, "svix-timestamp", "webhook-timestamp");
    String signatures = header(headers, "svix-signature", "webhook-signature");
    if (id == null || timestamp == null || signatures == null) {
      return false;
    }
    if (carriesTrueEd25519(signatures, id + "." + timestamp + ".", request.body())) {
      return true;
    }
    for (String secret : List.of(Payloads.AGNTIX_SECRET, ROTATED_SECRET)) {
      String expected = hmacBase64(secret, id + "." + timestamp + ".", request.body());
      if (signatures.contains(expected.replace("=", ""))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a {@code v1a} entry is a true ed25519 signature of {@code prefix + body} under {@link
   * #PUBLIC_KEY}, checked with the JDK directly (the key is known, so the oracle is exact).
   */
  private static boolean carriesTrueEd25519(String signatures, String prefix, byte[] body) {
    for (String entry : signatures.split(" ")) {
      if (!entry.startsWith("v1a,")) {
        continue;
      }
      byte[] candidate;
      try {
        candidate = Base64.getDecoder().decode(entry.substring("v1a,".length()));
      } catch (IllegalArgumentException notBase64) {
        continue;
      }
      try {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(ED25519_KEY);
        signature.update(prefix.getBytes(StandardCharsets.UTF_8));
        signature.update(body);
        if (candidate.length == 64 && signature.verify(candidate)) {
          return true;
        }
      } catch (GeneralSecurityException e) {
        // not a signature the JDK can read: not a true one
      }
    }
    return false;
  }

  private static final PublicKey ED25519_KEY = ed25519Key();

  private static PublicKey ed25519Key() {
    byte[] raw = Base64.getDecoder().decode(PUBLIC_KEY.substring("whpk_".length()));
    byte[] der = new byte[12 + raw.length];
    byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    System.arraycopy(prefix, 0, der, 0, prefix.length);
    System.arraycopy(raw, 0, der, prefix.length, raw.length);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** HMAC-SHA256 of {@code prefix + body} under a {@code whsec_} secret, in base64. */
  static String hmacBase64(String secret, String prefix, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(prefix.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static @Nullable String header(WebhookHeaders headers, String name, String fallback) {
    String value = headers.first(name);
    if (value == null || value.isEmpty()) {
      value = headers.first(fallback);
    }
    return value == null || value.isEmpty() ? null : value;
  }
}
