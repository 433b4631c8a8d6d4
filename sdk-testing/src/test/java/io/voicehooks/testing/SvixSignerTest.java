package io.voicehooks.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.SvixSignatureVerifier;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookVerificationException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

final class SvixSignerTest {
  // The published Svix / Standard Webhooks test vector.
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final Instant TIMESTAMP = Instant.ofEpochSecond(1614265330);
  private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(UTF_8);
  private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  private static final Clock AT_VECTOR = Clock.fixed(TIMESTAMP, ZoneOffset.UTC);

  @Test
  void sign_v1_matchesPublishedVectorAndVerifies() {
    WebhookHeaders headers = SvixSigner.withSecret(SECRET).sign(MSG_ID, TIMESTAMP, BODY);

    assertThat(headers.names()).containsExactly("svix-id", "svix-signature", "svix-timestamp");
    assertThat(headers.first("svix-id")).isEqualTo(MSG_ID);
    assertThat(headers.first("svix-timestamp")).isEqualTo("1614265330");
    assertThat(headers.first("svix-signature")).isEqualTo(SIGNATURE);
    SvixSignatureVerifier verifier =
        SvixSignatureVerifier.builder().secret(SECRET).clock(AT_VECTOR).build();
    assertThatCode(() -> verifier.verify(WebhookRequest.of(headers, BODY)))
        .doesNotThrowAnyException();
  }

  @Test
  void sign_v1_secretWithoutPrefix_signsTheSame() {
    assertThat(SvixSigner.withSecret(SECRET.substring(6)).signature(MSG_ID, 1614265330, BODY))
        .isEqualTo(SIGNATURE);
  }

  @Test
  void sign_v1a_verifiesWithExportedPublicKey() {
    SvixSigner signer = SvixSigner.generateEd25519();
    WebhookHeaders headers = signer.sign(MSG_ID, TIMESTAMP, BODY);

    assertThat(signer.scheme()).isEqualTo("v1a");
    assertThat(headers.first("svix-signature")).startsWith("v1a,");
    assertThat(Base64.getDecoder().decode(headers.first("svix-signature").substring(4)))
        .hasSize(64);
    String publicKey = signer.publicKey();
    assertThat(publicKey).startsWith("whpk_");
    assertThat(Base64.getDecoder().decode(publicKey.substring(5))).hasSize(32);
    SvixSignatureVerifier verifier =
        SvixSignatureVerifier.builder().publicKey(publicKey).clock(AT_VECTOR).build();
    assertThatCode(() -> verifier.verify(WebhookRequest.of(headers, BODY)))
        .doesNotThrowAnyException();
  }

  @Test
  void sign_v1a_tamperedBody_failsVerification() {
    SvixSigner signer = SvixSigner.generateEd25519();
    WebhookHeaders headers = signer.sign(MSG_ID, TIMESTAMP, BODY);
    SvixSignatureVerifier verifier =
        SvixSignatureVerifier.builder().publicKey(signer.publicKey()).clock(AT_VECTOR).build();
    byte[] tampered = "{\"test\": 2432232315}".getBytes(UTF_8);

    assertThatThrownBy(() -> verifier.verify(WebhookRequest.of(headers, tampered)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("No matching signature");
  }

  @Test
  void withEd25519_privateKeyOnly_derivesTheSamePublicKey() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

    SvixSigner fromPair = SvixSigner.withEd25519(pair);
    SvixSigner fromPrivate = SvixSigner.withEd25519(pair.getPrivate());

    assertThat(fromPrivate.publicKey()).isEqualTo(fromPair.publicKey());
    WebhookHeaders headers = fromPrivate.sign(MSG_ID, TIMESTAMP, BODY);
    SvixSignatureVerifier verifier =
        SvixSignatureVerifier.builder().publicKey(fromPair.publicKey()).clock(AT_VECTOR).build();
    assertThatCode(() -> verifier.verify(WebhookRequest.of(headers, BODY)))
        .doesNotThrowAnyException();
  }

  @Test
  void withEd25519_nonEd25519Key_isRejected() throws Exception {
    KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();

    assertThatThrownBy(() -> SvixSigner.withEd25519(ec.getPrivate()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ed25519");
  }

  @Test
  void withWebhookHeaderNames_emitsWebhookHeadersThatVerify() {
    SvixSigner signer = SvixSigner.withSecret(SECRET).withWebhookHeaderNames();
    WebhookHeaders headers = signer.sign(MSG_ID, TIMESTAMP, BODY);

    assertThat(signer.headerPrefix()).isEqualTo("webhook");
    assertThat(headers.names())
        .containsExactly("webhook-id", "webhook-signature", "webhook-timestamp");
    assertThat(headers.first("webhook-signature")).isEqualTo(SIGNATURE);
    SvixSignatureVerifier verifier =
        SvixSignatureVerifier.builder().secret(SECRET).clock(AT_VECTOR).build();
    assertThatCode(() -> verifier.verify(WebhookRequest.of(headers, BODY)))
        .doesNotThrowAnyException();
  }

  @Test
  void verifier_acceptsOwnSignaturesForBothSchemes() {
    for (SvixSigner signer :
        new SvixSigner[] {
          SvixSigner.withSecret(SvixSigner.generateSecret()), SvixSigner.generateEd25519()
        }) {
      WebhookRequest request = WebhookRequest.of(signer.sign(BODY), BODY);
      assertThatCode(() -> signer.verifier().verify(request)).doesNotThrowAnyException();
    }
  }

  @Test
  void publicKey_ofSecretSigner_throws() {
    assertThatThrownBy(() -> SvixSigner.withSecret(SECRET).publicKey())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("v1");
  }

  @Test
  void withSecret_notBase64_isRejectedWithoutEchoingTheSecret() {
    assertThatThrownBy(() -> SvixSigner.withSecret("whsec_not*base64!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base64")
        .hasMessageNotContaining("not*base64!");
  }

  @Test
  void generators_produceSvixShapedValues() {
    assertThat(SvixSigner.newMessageId()).matches("msg_[0-9A-Za-z]{27}");
    assertThat(SvixSigner.newMessageId()).isNotEqualTo(SvixSigner.newMessageId());
    String secret = SvixSigner.generateSecret();
    assertThat(secret).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(24);
  }

  @Test
  void toString_showsNoKeyMaterial() {
    assertThat(SvixSigner.withSecret(SECRET).toString())
        .isEqualTo("SvixSigner[v1, svix-*]")
        .doesNotContain("MfKQ9r8");
    SvixSigner ed = SvixSigner.generateEd25519();
    assertThat(ed.toString()).doesNotContain(ed.publicKey().substring(5, 15));
  }
}
