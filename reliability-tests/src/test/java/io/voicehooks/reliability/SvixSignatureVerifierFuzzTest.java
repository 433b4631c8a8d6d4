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
 * HMAC-SHA256 of {@code id.timestamp.body} under one of the secrets, or a {@code v1a} entry (which
 * cannot be forged without the private key, which is not kept).
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
  @ValueSource(strings = {"none-valid", "too-old", "missing-signature", "empty"})
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
    if (signatures.contains("v1a,")) {
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
