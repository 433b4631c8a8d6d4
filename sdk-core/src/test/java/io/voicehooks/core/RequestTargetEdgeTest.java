package io.voicehooks.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.WebhookVerificationException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request-target reading behind the URL-secret checks, at its edges: the length limit, the
 * characters refused, absolute-form targets and their schemes, and escapes with a zero digit.
 */
final class RequestTargetEdgeTest {
  private static final String SECRET = "s3cret";
  private static final SharedSecretVerifier TOKEN =
      SharedSecretVerifier.queryParameter("token", SECRET);

  private static WebhookRequest at(String target) {
    return WebhookRequest.of(target, WebhookHeaders.empty(), "{}".getBytes(UTF_8));
  }

  private static void assertRefused(String target, Reason reason) {
    assertThatThrownBy(() -> TOKEN.verify(at(target)))
        .isInstanceOfSatisfying(
            WebhookVerificationException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .message()
        .doesNotContain(SECRET);
  }

  @Test
  void targetOfExactlyTheMaximumLength_isRead() {
    String prefix = "/hooks?token=" + SECRET + "&pad=";
    String longest = prefix + "p".repeat(RequestTarget.MAX_LENGTH - prefix.length());
    assertThat(longest).hasSize(RequestTarget.MAX_LENGTH);
    assertThatCode(() -> TOKEN.verify(at(longest))).doesNotThrowAnyException();
  }

  @Test
  void targetOverTheMaximumLength_isMalformed() {
    String prefix = "/hooks?token=" + SECRET + "&pad=";
    assertRefused(
        prefix + "p".repeat(RequestTarget.MAX_LENGTH + 1 - prefix.length()),
        Reason.MALFORMED_TARGET);
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "\u007f", "\u0080", "\u001f", "#"})
  void targetWithAForbiddenCharacter_isMalformed(String character) {
    assertRefused("/hooks?token=" + SECRET + "&x=" + character, Reason.MALFORMED_TARGET);
  }

  @Test
  void targetWithTheHighestAndLowestVisibleCharacters_isRead() {
    assertThatCode(() -> TOKEN.verify(at("/hooks?x=!~&token=" + SECRET)))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.com?token=s3cret",
        "https://example.com/hooks?token=s3cret",
        "svn+ssh.x-1://example.com/hooks?token=s3cret"
      })
  void absoluteFormTarget_isReadAfterItsAuthority(String target) {
    assertThatCode(() -> TOKEN.verify(at(target))).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "://example.com/hooks?token=s3cret",
        "1https://example.com/hooks?token=s3cret",
        "ht_tp://example.com/hooks?token=s3cret",
        "hooks?token=s3cret"
      })
  void targetThatIsNeitherAPathNorAnAbsoluteUri_isMalformed(String target) {
    assertRefused(target, Reason.MALFORMED_TARGET);
  }

  @Test
  void escapeWithAZeroDigit_isDecoded() {
    // %30 is '0', %09 a tab: either digit of an escape may be 0.
    SharedSecretVerifier verifier = SharedSecretVerifier.queryParameter("token", "a0s");
    assertThatCode(() -> verifier.verify(at("/hooks?token=a%30%73"))).doesNotThrowAnyException();
    SharedSecretVerifier tab = SharedSecretVerifier.queryParameter("token", "a\tb");
    assertThatCode(() -> tab.verify(at("/hooks?token=a%09b"))).doesNotThrowAnyException();
    SharedSecretVerifier inPath = SharedSecretVerifier.lastPathSegment("0a");
    assertThatCode(() -> inPath.verify(at("/hooks/%30a"))).doesNotThrowAnyException();
  }
}
