package io.voicehooks.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.WebhookVerificationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The verifier's limits at their exact edges (the last value accepted, the first refused) and the
 * header syntax it tolerates: each test pins a boundary a mutation test found unpinned.
 */
final class SvixSignatureVerifierEdgeTest {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long NOW = 1614265330L;
  private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(UTF_8);
  private static final String BASE64_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private static SvixSignatureVerifier verifier(Duration tolerance) {
    return SvixSignatureVerifier.builder()
        .secret(SECRET)
        .tolerance(tolerance)
        .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))
        .build();
  }

  private static WebhookRequest request(String id, String timestamp, String signatures) {
    return WebhookRequest.of(
        WebhookHeaders.of("svix-id", id, "svix-timestamp", timestamp, "svix-signature", signatures),
        BODY);
  }

  private static String sign(String id, long timestamp) {
    return SvixSignatureVerifier.sign(SECRET, id, timestamp, BODY);
  }

  private static Reason reasonOf(SvixSignatureVerifier verifier, WebhookRequest request) {
    try {
      verifier.verify(request);
    } catch (WebhookVerificationException e) {
      return e.reason();
    }
    throw new AssertionError("verify accepted the request");
  }

  @Test
  void verify_timestampExactlyAtTheTolerance_acceptsAndOneSecondPastRejects() {
    SvixSignatureVerifier verifier = verifier(Duration.ofSeconds(60));
    long oldest = NOW - 60;
    long newest = NOW + 60;
    assertThatCode(() -> verifier.verify(request(ID, Long.toString(oldest), sign(ID, oldest))))
        .doesNotThrowAnyException();
    assertThatCode(() -> verifier.verify(request(ID, Long.toString(newest), sign(ID, newest))))
        .doesNotThrowAnyException();
    assertThat(reasonOf(verifier, request(ID, Long.toString(oldest - 1), sign(ID, oldest - 1))))
        .isEqualTo(Reason.TIMESTAMP_TOO_OLD);
    assertThat(reasonOf(verifier, request(ID, Long.toString(newest + 1), sign(ID, newest + 1))))
        .isEqualTo(Reason.TIMESTAMP_TOO_NEW);
  }

  @Test
  void verify_zeroTolerance_acceptsOnlyTheClocksSecond() {
    SvixSignatureVerifier verifier = verifier(Duration.ZERO);
    assertThatCode(() -> verifier.verify(request(ID, Long.toString(NOW), sign(ID, NOW))))
        .doesNotThrowAnyException();
    assertThat(reasonOf(verifier, request(ID, Long.toString(NOW - 1), sign(ID, NOW - 1))))
        .isEqualTo(Reason.TIMESTAMP_TOO_OLD);
    assertThat(reasonOf(verifier, request(ID, Long.toString(NOW + 1), sign(ID, NOW + 1))))
        .isEqualTo(Reason.TIMESTAMP_TOO_NEW);
  }

  @Test
  void verify_timestampOfEighteenDigits_isReadAndNineteenAreMalformed() throws Exception {
    SvixSignatureVerifier verifier = verifier(Duration.ofMinutes(5));
    // Leading zeros keep the value; the signature covers the header's text as sent.
    String eighteen = String.format("%018d", NOW);
    assertThatCode(() -> verifier.verify(request(ID, eighteen, signText(ID, eighteen))))
        .doesNotThrowAnyException();
    String nineteen = String.format("%019d", NOW);
    assertThat(reasonOf(verifier, request(ID, nineteen, signText(ID, nineteen))))
        .isEqualTo(Reason.MALFORMED_HEADER);
  }

  @Test
  void verify_idOfExactlyTheMaximumLength_acceptsAndOneMoreRejects() {
    SvixSignatureVerifier verifier = verifier(Duration.ofMinutes(5));
    String longest = "m".repeat(SvixSignatureVerifier.MAX_ID_LENGTH);
    assertThatCode(() -> verifier.verify(request(longest, Long.toString(NOW), sign(longest, NOW))))
        .doesNotThrowAnyException();
    String tooLong = longest + "m";
    assertThatThrownBy(
            () -> verifier.verify(request(tooLong, Long.toString(NOW), sign(tooLong, NOW))))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessage("Malformed header: svix-id is longer than 256");
  }

  @Test
  void verify_signatureHeaderOfExactlyTheMaximumLength_acceptsAndOneMoreRejects() {
    SvixSignatureVerifier verifier = verifier(Duration.ofMinutes(5));
    String valid = sign(ID, NOW);
    String filler = " v2,";
    int fill = SvixSignatureVerifier.MAX_SIGNATURE_HEADER_LENGTH - valid.length() - filler.length();
    String longest = valid + filler + "A".repeat(fill);
    assertThat(longest).hasSize(SvixSignatureVerifier.MAX_SIGNATURE_HEADER_LENGTH);
    assertThatCode(() -> verifier.verify(request(ID, Long.toString(NOW), longest)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> verifier.verify(request(ID, Long.toString(NOW), longest + "A")))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessage("Malformed header: svix-signature is longer than 8192");
  }

  @Test
  void verify_exactlyTheMaximumNumberOfEntries_accepts() {
    SvixSignatureVerifier verifier = verifier(Duration.ofMinutes(5));
    String wrong = "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= ";
    String header = wrong.repeat(SvixSignatureVerifier.MAX_SIGNATURES - 1) + sign(ID, NOW);
    assertThatCode(() -> verifier.verify(request(ID, Long.toString(NOW), header)))
        .doesNotThrowAnyException();
    assertThat(reasonOf(verifier, request(ID, Long.toString(NOW), wrong + header)))
        .isEqualTo(Reason.MALFORMED_HEADER);
  }

  @Test
  void verify_extraSpacesAroundAndBetweenEntries_accepts() {
    SvixSignatureVerifier verifier = verifier(Duration.ofMinutes(5));
    String header = "   v1,bm90IGl0   " + sign(ID, NOW) + "   ";
    assertThatCode(() -> verifier.verify(request(ID, Long.toString(NOW), header)))
        .doesNotThrowAnyException();
  }

  @Test
  void verify_emptyCandidateBeforeTheRightOne_accepts() {
    SvixSignatureVerifier verifier = verifier(Duration.ofMinutes(5));
    String header = "v1, " + sign(ID, NOW);
    assertThatCode(() -> verifier.verify(request(ID, Long.toString(NOW), header)))
        .doesNotThrowAnyException();
  }

  @Test
  void verify_entryWithoutVersionBeforeItsComma_isNotCounted() {
    SvixSignatureVerifier verifier = verifier(Duration.ofMinutes(5));
    assertThatThrownBy(() -> verifier.verify(request(ID, Long.toString(NOW), ",abc")))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessage("Malformed header: svix-signature holds no versioned signature");
  }

  @Test
  void isCanonical_agreesWithReEncodingForEveryLastCharacter() {
    Base64.Decoder decoder = Base64.getDecoder();
    Base64.Encoder encoder = Base64.getEncoder();
    // Lengths 2 and 3 modulo 4 leave unused bits in the last character; 0 leaves none.
    for (String stem : new String[] {"Q", "QU", "QUJ"}) {
      for (char last : BASE64_ALPHABET.toCharArray()) {
        String text = stem + last;
        String padded = text + "=".repeat((4 - text.length() % 4) % 4);
        boolean canonical = encoder.encodeToString(decoder.decode(padded)).equals(padded);
        assertThat(SvixSignatureVerifier.isCanonical(padded)).as(padded).isEqualTo(canonical);
        assertThat(SvixSignatureVerifier.isCanonical(text)).as(text).isEqualTo(canonical);
      }
    }
  }

  /** Signs the header's timestamp text as sent, where sign(...) formats a long. */
  private static String signText(String id, String timestamp) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    byte[] key = Base64.getDecoder().decode(SECRET.substring("whsec_".length()));
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    mac.update((id + "." + timestamp + ".").getBytes(UTF_8));
    return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(BODY));
  }
}
