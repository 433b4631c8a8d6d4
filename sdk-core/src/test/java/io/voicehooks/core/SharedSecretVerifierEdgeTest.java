package io.voicehooks.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The shared-secret verifier's header length limit at its edge, and what it prints. */
final class SharedSecretVerifierEdgeTest {
  private static final int MAX_HEADER_LENGTH = 4096;

  private static WebhookRequest withHeader(String name, String value) {
    return WebhookRequest.of(WebhookHeaders.of(name, value), "{}".getBytes(UTF_8));
  }

  @Test
  void verify_headerOfExactlyTheMaximumLength_accepts() {
    String longest = "s".repeat(MAX_HEADER_LENGTH);
    SharedSecretVerifier verifier = SharedSecretVerifier.header("X-Webhook-Secret", longest);
    assertThatCode(() -> verifier.verify(withHeader("X-Webhook-Secret", longest)))
        .doesNotThrowAnyException();
  }

  @Test
  void verify_headerOverTheMaximumLength_rejectsEvenWhenItIsTheSecret() {
    String tooLong = "s".repeat(MAX_HEADER_LENGTH + 1);
    SharedSecretVerifier verifier = SharedSecretVerifier.header("X-Webhook-Secret", tooLong);
    assertThatThrownBy(() -> verifier.verify(withHeader("X-Webhook-Secret", tooLong)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessage("Wrong credentials in the X-Webhook-Secret header");
  }

  @Test
  void toString_namesTheHeaderAndCountsSecretsWithoutShowingThem() {
    String text = SharedSecretVerifier.bearer("tok-one", "tok-two").toString();
    assertThat(text).isEqualTo("SharedSecretVerifier[header=Authorization, secrets=2]");
  }
}
