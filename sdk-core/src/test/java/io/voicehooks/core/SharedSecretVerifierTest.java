package io.voicehooks.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.WebhookVerificationException.Reason;
import java.util.Base64;
import org.junit.jupiter.api.Test;

final class SharedSecretVerifierTest {
  private static final byte[] BODY = "{}".getBytes(UTF_8);

  private static WebhookRequest withHeaders(String... pairs) {
    return WebhookRequest.of(WebhookHeaders.of(pairs), BODY);
  }

  @Test
  void bearer_rightToken_accepts() {
    SharedSecretVerifier verifier = SharedSecretVerifier.bearer("tok-1");
    assertThatCode(() -> verifier.verify(withHeaders("authorization", "Bearer tok-1")))
        .doesNotThrowAnyException();
    assertThatCode(() -> verifier.verify(withHeaders("Authorization", "bearer  tok-1 ")))
        .doesNotThrowAnyException();
  }

  @Test
  void bearer_rotation_acceptsEitherToken() {
    SharedSecretVerifier verifier = SharedSecretVerifier.bearer("old", "new");
    assertThatCode(() -> verifier.verify(withHeaders("Authorization", "Bearer old")))
        .doesNotThrowAnyException();
    assertThatCode(() -> verifier.verify(withHeaders("Authorization", "Bearer new")))
        .doesNotThrowAnyException();
  }

  @Test
  void bearer_wrongOrMissing_rejectsWithoutEchoingTheValue() {
    SharedSecretVerifier verifier = SharedSecretVerifier.bearer("tok-1");
    assertThatThrownBy(() -> verifier.verify(withHeaders("Authorization", "Bearer guess-xyz")))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessage("Wrong credentials in the Authorization header")
        .message()
        .doesNotContain("guess-xyz");
    assertThatThrownBy(() -> verifier.verify(withHeaders("Authorization", "Basic tok-1")))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> verifier.verify(WebhookRequest.of(BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessage("Missing credentials: no Authorization header")
        .extracting(e -> ((WebhookVerificationException) e).reason())
        .isEqualTo(Reason.BAD_CREDENTIALS);
  }

  @Test
  void header_customHeader_comparesExactly() {
    SharedSecretVerifier verifier = SharedSecretVerifier.header("X-Webhook-Secret", "s3cret");
    assertThatCode(() -> verifier.verify(withHeaders("x-webhook-secret", "s3cret")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> verifier.verify(withHeaders("X-Webhook-Secret", "s3cret ")))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> verifier.verify(withHeaders("X-Webhook-Secret", "s3cre")))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void header_duplicatedHeaderWithOneRightValue_accepts() {
    SharedSecretVerifier verifier = SharedSecretVerifier.header("X-Webhook-Secret", "s3cret");
    assertThatCode(
            () ->
                verifier.verify(
                    withHeaders("X-Webhook-Secret", "wrong", "X-Webhook-Secret", "s3cret")))
        .doesNotThrowAnyException();
  }

  @Test
  void basic_rightCredentials_accepts() {
    SharedSecretVerifier verifier = SharedSecretVerifier.basic("vaani", "pa:ss");
    String encoded = Base64.getEncoder().encodeToString("vaani:pa:ss".getBytes(UTF_8));
    assertThatCode(() -> verifier.verify(withHeaders("Authorization", "Basic " + encoded)))
        .doesNotThrowAnyException();
    String wrong = Base64.getEncoder().encodeToString("vaani:nope".getBytes(UTF_8));
    assertThatThrownBy(() -> verifier.verify(withHeaders("Authorization", "Basic " + wrong)))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void factories_rejectEmptySecrets() {
    assertThatThrownBy(() -> SharedSecretVerifier.bearer(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Bearer token is empty: pass the value set on the sender");
    assertThatThrownBy(() -> SharedSecretVerifier.bearer())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SharedSecretVerifier.header("", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SharedSecretVerifier.basic("u", ""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
