package io.voicehooks.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.WebhookVerificationException.Reason;
import java.util.Base64;
import java.util.List;
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

  // --- secrets in the URL -----------------------------------------------------------------------

  private static final String SECRET = "q8V3-rT_0aZ9xY7wK2mN4pL6jH1gF5dS8cB0vE3uI9o";

  private static WebhookRequest at(String target) {
    return WebhookRequest.of(target, WebhookHeaders.empty(), BODY);
  }

  private static WebhookVerificationException refusal(SignatureVerifier verifier, String target) {
    try {
      verifier.verify(at(target));
    } catch (WebhookVerificationException e) {
      assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("guess-xyz");
      return e;
    }
    throw new AssertionError("accepted " + target);
  }

  @Test
  void queryParameter_rightSecret_accepts() {
    SharedSecretVerifier verifier = SharedSecretVerifier.queryParameter("token", SECRET);
    assertThatCode(() -> verifier.verify(at("/hooks/vaani?token=" + SECRET)))
        .doesNotThrowAnyException();
    assertThatCode(() -> verifier.verify(at("/hooks/vaani?a=1&token=" + SECRET + "&b=")))
        .doesNotThrowAnyException();
    assertThatCode(() -> verifier.verify(at("https://example.com:8443/h?token=" + SECRET)))
        .doesNotThrowAnyException();
  }

  @Test
  void queryParameter_percentEncoding_isDecodedBeforeComparing() {
    SharedSecretVerifier verifier = SharedSecretVerifier.queryParameter("token", "a+b/c=d é");
    assertThatCode(() -> verifier.verify(at("/h?token=a%2Bb%2Fc%3Dd%20%C3%A9")))
        .doesNotThrowAnyException();
    assertThatCode(() -> verifier.verify(at("/h?to%6Ben=a+b%2fc%3dd%20%c3%a9")))
        .doesNotThrowAnyException();
    // "+" is itself, not a space.
    assertThat(refusal(verifier, "/h?token=a+b/c=d+%C3%A9").reason())
        .isEqualTo(Reason.BAD_CREDENTIALS);
  }

  @Test
  void queryParameter_wrongSecret_rejectsNamingTheParameterOnly() {
    SharedSecretVerifier verifier = SharedSecretVerifier.queryParameter("token", SECRET);
    WebhookVerificationException e = refusal(verifier, "/hooks/vaani?token=guess-xyz");
    assertThat(e.reason()).isEqualTo(Reason.BAD_CREDENTIALS);
    assertThat(e).hasMessage("Wrong credentials in the token query parameter");
    assertThat(refusal(verifier, "/hooks/vaani?token=" + SECRET.substring(1)).reason())
        .isEqualTo(Reason.BAD_CREDENTIALS);
    assertThat(refusal(verifier, "/hooks/vaani?token=" + SECRET + "x").reason())
        .isEqualTo(Reason.BAD_CREDENTIALS);
    assertThat(refusal(verifier, "/hooks/vaani?token=").reason()).isEqualTo(Reason.BAD_CREDENTIALS);
    assertThat(refusal(verifier, "/hooks/vaani?TOKEN=" + SECRET).reason())
        .isEqualTo(Reason.BAD_CREDENTIALS);
    assertThat(refusal(verifier, "/hooks/vaani/" + SECRET).reason())
        .isEqualTo(Reason.BAD_CREDENTIALS);
  }

  @Test
  void queryParameter_missing_rejects() {
    SharedSecretVerifier verifier = SharedSecretVerifier.queryParameter("token", SECRET);
    for (String target : new String[] {"/hooks/vaani", "/hooks/vaani?", "/h?tokens=" + SECRET}) {
      WebhookVerificationException e = refusal(verifier, target);
      assertThat(e.reason()).as(target).isEqualTo(Reason.BAD_CREDENTIALS);
      assertThat(e).hasMessage("Missing credentials: no token query parameter");
    }
  }

  @Test
  void queryParameter_rotation_acceptsEverySecretGiven() {
    SharedSecretVerifier verifier = SharedSecretVerifier.queryParameter("token", "old-1", SECRET);
    assertThatCode(() -> verifier.verify(at("/h?token=old-1"))).doesNotThrowAnyException();
    assertThatCode(() -> verifier.verify(at("/h?token=" + SECRET))).doesNotThrowAnyException();
    SharedSecretVerifier dropped = SharedSecretVerifier.queryParameter("token", SECRET);
    assertThat(refusal(dropped, "/h?token=old-1").reason()).isEqualTo(Reason.BAD_CREDENTIALS);
  }

  @Test
  void queryParameter_duplicated_isRefusedEvenWhenOneIsRight() {
    SharedSecretVerifier verifier = SharedSecretVerifier.queryParameter("token", SECRET);
    for (String target :
        new String[] {
          "/h?token=" + SECRET + "&token=x",
          "/h?token=x&token=" + SECRET,
          "/h?token=" + SECRET + "&token=" + SECRET,
          "/h?token=" + SECRET + "&t%6Fken=" + SECRET,
          "/h?token=" + SECRET + "&token"
        }) {
      WebhookVerificationException e = refusal(verifier, target);
      assertThat(e.reason()).as(target).isEqualTo(Reason.MALFORMED_TARGET);
      assertThat(e.getMessage()).contains("the token query parameter 2 times");
    }
  }

  @Test
  void queryParameter_badPercentEncoding_isRefused() {
    SharedSecretVerifier verifier = SharedSecretVerifier.queryParameter("token", SECRET);
    for (String target :
        new String[] {
          "/h?token=" + SECRET + "%",
          "/h?token=" + SECRET + "%2",
          "/h?token=%zz" + SECRET,
          "/h?to%ken=" + SECRET + "&token=" + SECRET,
          "/h?token=" + SECRET + " ",
          "/h?token=" + SECRET + "#frag",
          "/h?token=" + SECRET + "é",
          "*",
          "token=" + SECRET,
          "/h?token=" + SECRET + "&pad=" + "x".repeat(RequestTarget.MAX_LENGTH)
        }) {
      WebhookVerificationException e = refusal(verifier, target);
      assertThat(e.reason()).as(target).isEqualTo(Reason.MALFORMED_TARGET);
      assertThat(e.getMessage()).startsWith("Malformed request target: it ");
    }
  }

  @Test
  void urlChecks_unknownTarget_failClosed() {
    WebhookRequest noTarget = WebhookRequest.of(WebhookHeaders.of("token", SECRET), BODY);
    for (SharedSecretVerifier verifier :
        List.of(
            SharedSecretVerifier.queryParameter("token", SECRET),
            SharedSecretVerifier.lastPathSegment(SECRET))) {
      assertThatThrownBy(() -> verifier.verify(noTarget))
          .isInstanceOf(WebhookVerificationException.class)
          .hasMessageStartingWith("Missing request target: the adapter passed no path and query")
          .extracting(e -> ((WebhookVerificationException) e).reason())
          .isEqualTo(Reason.MISSING_TARGET);
    }
  }

  @Test
  void lastPathSegment_rightWrongMissingRotated() {
    SharedSecretVerifier verifier = SharedSecretVerifier.lastPathSegment("old-1", SECRET);
    assertThatCode(() -> verifier.verify(at("/hooks/cllr/" + SECRET))).doesNotThrowAnyException();
    assertThatCode(() -> verifier.verify(at("/hooks/cllr/old-1?x=1"))).doesNotThrowAnyException();
    assertThatCode(() -> verifier.verify(at("http://h/hooks/cllr/" + SECRET)))
        .doesNotThrowAnyException();
    assertThatCode(() -> verifier.verify(at("/hooks/cllr/old%2D1"))).doesNotThrowAnyException();

    assertThat(refusal(verifier, "/hooks/cllr/guess-xyz"))
        .hasMessage("Wrong credentials in the last path segment")
        .extracting(WebhookVerificationException::reason)
        .isEqualTo(Reason.BAD_CREDENTIALS);
    assertThat(refusal(verifier, "/hooks/" + SECRET + "/cllr").reason())
        .isEqualTo(Reason.BAD_CREDENTIALS);
    assertThat(refusal(verifier, "/hooks/cllr?token=" + SECRET).reason())
        .isEqualTo(Reason.BAD_CREDENTIALS);
    for (String target : new String[] {"/hooks/cllr/" + SECRET + "/", "/", "http://h"}) {
      assertThat(refusal(verifier, target))
          .as(target)
          .hasMessageStartingWith("Missing credentials: the request path has no last segment")
          .extracting(WebhookVerificationException::reason)
          .isEqualTo(Reason.BAD_CREDENTIALS);
    }
    assertThat(refusal(verifier, "/hooks/cllr/" + SECRET + "%G0").reason())
        .isEqualTo(Reason.MALFORMED_TARGET);
  }

  @Test
  void urlFactories_rejectEmptySecretsAndNames_withoutEchoingThem() {
    assertThatThrownBy(() -> SharedSecretVerifier.queryParameter("token", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("URL secret for query parameter token is blank");
    assertThatThrownBy(() -> SharedSecretVerifier.queryParameter("", SECRET))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain(SECRET);
    assertThatThrownBy(() -> SharedSecretVerifier.queryParameter("token", (String) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("URL secret for query parameter token is not set (null)");
    assertThatThrownBy(() -> SharedSecretVerifier.lastPathSegment())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("At least one URL secret for the last path segment is required");
  }

  @Test
  void toString_namesWhereButNeverTheSecrets() {
    assertThat(SharedSecretVerifier.queryParameter("token", SECRET, "old-1"))
        .hasToString("SharedSecretVerifier[queryParameter=token, secrets=2]");
    assertThat(SharedSecretVerifier.lastPathSegment(SECRET))
        .hasToString("SharedSecretVerifier[lastPathSegment=true, secrets=1]");
    assertThat(SharedSecretVerifier.bearer(SECRET))
        .hasToString("SharedSecretVerifier[header=Authorization, secrets=1]");
  }

  @Test
  void request_toString_redactsTheTarget() {
    WebhookRequest request = at("/hooks/" + SECRET + "?token=" + SECRET);
    assertThat(request.target()).isEqualTo("/hooks/" + SECRET + "?token=" + SECRET);
    assertThat(request.toString()).contains("target=<redacted>").doesNotContain(SECRET);
    assertThat(WebhookRequest.of(BODY).toString()).contains("target=unknown");
    assertThat(WebhookRequest.of(BODY).target()).isNull();
  }
}
