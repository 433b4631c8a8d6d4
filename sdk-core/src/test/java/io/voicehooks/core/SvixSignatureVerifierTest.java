package io.voicehooks.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.WebhookVerificationException.Reason;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class SvixSignatureVerifierTest {
  // Published Standard Webhooks / Svix test vectors.
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long TS = 1614265330L;
  private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(UTF_8);
  private static final String V1 = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
  private static final String PUBLIC_KEY = "whpk_1SiA4o9hyqTCpIqC5V9HUakiiaeACeqfZTInDBbOir4=";
  private static final String V1A =
      "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg==";

  private static final String X509_ID = "7a2486b3-31cf-4bd3-a460-df8845d16cd5";
  private static final long X509_TS = 1737987215L;
  private static final byte[] X509_BODY = "{\"greetings\": \"Hello World\"}".getBytes(UTF_8);
  private static final String X509_SECRET = "whsec_b6Ovv5eS7H5seJrGSStBYDivs8v2/KrFjfMaVZYsi7w=";
  private static final String X509_V1 = "v1,iayM3VaiYCEDP/CxWUFWcxUCJk2YmBDQHtHTsaHzrwo=";
  private static final String X509_PUBLIC_KEY =
      "whpk_MCowBQYDK2VwAyEAkp3dScDPIzT1CwUFUMdzyPbWOAQaCF9z4ucuKuZD7Io=";
  private static final String X509_V1A =
      "v1a,XVbiOe+IzCKsXBuhb52iHLroqxFJofJNMQRL80I2kWO0+kXu2gcqgXAzontxDDgpMDw6SMh4sjzr+67EmUUzDg==";

  private static Clock clockAt(long seconds) {
    return Clock.fixed(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
  }

  private static SvixSignatureVerifier.Builder verifier(long now) {
    return SvixSignatureVerifier.builder().clock(clockAt(now));
  }

  private static WebhookRequest request(String id, long ts, String signature, byte[] body) {
    return WebhookRequest.of(
        WebhookHeaders.of(
            "svix-id", id, "svix-timestamp", Long.toString(ts), "svix-signature", signature),
        body);
  }

  @Test
  void sign_publishedVector_matches() {
    assertThat(SvixSignatureVerifier.sign(SECRET, ID, TS, BODY)).isEqualTo(V1);
    assertThat(SvixSignatureVerifier.sign(X509_SECRET, X509_ID, X509_TS, X509_BODY))
        .isEqualTo(X509_V1);
  }

  @Test
  void verify_v1PublishedVector_accepts() {
    SvixSignatureVerifier verifier = verifier(TS).secret(SECRET).build();
    assertThatCode(() -> verifier.verify(request(ID, TS, V1, BODY))).doesNotThrowAnyException();
  }

  @Test
  void verify_secretWithoutPrefix_accepts() {
    SvixSignatureVerifier verifier =
        verifier(TS).secret(SECRET.substring("whsec_".length())).build();
    assertThatCode(() -> verifier.verify(request(ID, TS, V1, BODY))).doesNotThrowAnyException();
  }

  @Test
  void verify_secretWithoutPadding_accepts() {
    String unpadded = X509_SECRET.substring(0, X509_SECRET.length() - 1);
    SvixSignatureVerifier verifier = verifier(X509_TS).secret(unpadded).build();
    assertThatCode(() -> verifier.verify(request(X509_ID, X509_TS, X509_V1, X509_BODY)))
        .doesNotThrowAnyException();
  }

  @Test
  void verify_v1aRawPublicKeyVector_accepts() {
    SvixSignatureVerifier verifier = verifier(TS).publicKey(PUBLIC_KEY).build();
    assertThatCode(() -> verifier.verify(request(ID, TS, V1A, BODY))).doesNotThrowAnyException();
  }

  @Test
  void verify_x509Vectors_acceptV1AndV1a() {
    SvixSignatureVerifier v1 = verifier(X509_TS).secret(X509_SECRET).build();
    SvixSignatureVerifier v1a = verifier(X509_TS).publicKey(X509_PUBLIC_KEY).build();
    assertThatCode(() -> v1.verify(request(X509_ID, X509_TS, X509_V1, X509_BODY)))
        .doesNotThrowAnyException();
    assertThatCode(() -> v1a.verify(request(X509_ID, X509_TS, X509_V1A, X509_BODY)))
        .doesNotThrowAnyException();
  }

  @Test
  void verify_v1aSignatureWithOnlySecretConfigured_rejects() {
    SvixSignatureVerifier verifier = verifier(TS).secret(SECRET).build();
    assertThatThrownBy(() -> verifier.verify(request(ID, TS, V1A, BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .extracting(e -> ((WebhookVerificationException) e).reason())
        .isEqualTo(Reason.NO_MATCHING_SIGNATURE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=",
        "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OF=",
        "v1,invalid_signature",
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=x",
        "v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
      })
  void verify_wrongSignature_rejectsWithNoMatch(String signature) {
    SvixSignatureVerifier verifier = verifier(TS).secret(SECRET).publicKey(PUBLIC_KEY).build();
    assertThatThrownBy(() -> verifier.verify(request(ID, TS, signature, BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessage("No matching signature in svix-signature")
        .extracting(e -> ((WebhookVerificationException) e).reason())
        .isEqualTo(Reason.NO_MATCHING_SIGNATURE);
  }

  @Test
  void verify_lastCharacterChanged_rejects() {
    String tampered = V1.substring(0, V1.length() - 2) + "A=";
    SvixSignatureVerifier verifier = verifier(TS).secret(SECRET).build();
    assertThatThrownBy(() -> verifier.verify(request(ID, TS, tampered, BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("No matching signature");
  }

  @Test
  void verify_signatureWithoutVersion_rejectsAsMalformed() {
    SvixSignatureVerifier verifier = verifier(TS).secret(SECRET).build();
    assertThatThrownBy(() -> verifier.verify(request(ID, TS, "invalid_signature", BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessage("Malformed header: svix-signature holds no versioned signature")
        .extracting(e -> ((WebhookVerificationException) e).reason())
        .isEqualTo(Reason.MALFORMED_HEADER);
  }

  @Test
  void verify_wrongThenRightSignature_accepts() {
    SvixSignatureVerifier verifier = verifier(TS).secret(SECRET).build();
    String wrong = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";
    assertThatCode(() -> verifier.verify(request(ID, TS, wrong + " " + V1, BODY)))
        .doesNotThrowAnyException();
    assertThatCode(() -> verifier.verify(request(ID, TS, V1 + " " + wrong, BODY)))
        .doesNotThrowAnyException();
  }

  @Test
  void verify_rightSignatureUnderSecondSecret_accepts() {
    SvixSignatureVerifier verifier =
        verifier(TS).secret("whsec_" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").secret(SECRET).build();
    assertThatCode(() -> verifier.verify(request(ID, TS, V1, BODY))).doesNotThrowAnyException();
  }

  @Test
  void verify_timestampSixMinutesOld_rejects() {
    SvixSignatureVerifier verifier = verifier(TS + 360).secret(SECRET).build();
    assertThatThrownBy(() -> verifier.verify(request(ID, TS, V1, BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageStartingWith("Timestamp too old")
        .extracting(e -> ((WebhookVerificationException) e).reason())
        .isEqualTo(Reason.TIMESTAMP_TOO_OLD);
  }

  @Test
  void verify_timestampSixMinutesAhead_rejects() {
    SvixSignatureVerifier verifier = verifier(TS - 360).secret(SECRET).build();
    assertThatThrownBy(() -> verifier.verify(request(ID, TS, V1, BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageStartingWith("Timestamp too new")
        .extracting(e -> ((WebhookVerificationException) e).reason())
        .isEqualTo(Reason.TIMESTAMP_TOO_NEW);
  }

  @Test
  void verify_timestampWithinCustomTolerance_accepts() {
    SvixSignatureVerifier verifier =
        verifier(TS + 360).tolerance(Duration.ofMinutes(10)).secret(SECRET).build();
    assertThatCode(() -> verifier.verify(request(ID, TS, V1, BODY))).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "1614265330.5",
        "-1614265330",
        " 1614265330",
        "1614265330 ",
        "1e9",
        "+1614265330"
      })
  void verify_nonNumericTimestamp_rejectsAsMalformed(String timestamp) {
    SvixSignatureVerifier verifier = verifier(TS).secret(SECRET).build();
    WebhookRequest request =
        WebhookRequest.of(
            WebhookHeaders.of("svix-id", ID, "svix-timestamp", timestamp, "svix-signature", V1),
            BODY);
    assertThatThrownBy(() -> verifier.verify(request))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessage("Malformed header: svix-timestamp is not Unix seconds")
        .extracting(e -> ((WebhookVerificationException) e).reason())
        .isEqualTo(Reason.MALFORMED_HEADER);
  }

  @Test
  void verify_emptyTimestamp_rejectsAsMissing() {
    SvixSignatureVerifier verifier = verifier(TS).secret(SECRET).build();
    WebhookRequest request =
        WebhookRequest.of(
            WebhookHeaders.of("svix-id", ID, "svix-timestamp", "", "svix-signature", V1), BODY);
    assertThatThrownBy(() -> verifier.verify(request))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessage("Missing header: svix-timestamp (or webhook-timestamp)")
        .extracting(e -> ((WebhookVerificationException) e).reason())
        .isEqualTo(Reason.MISSING_HEADER);
  }

  @Test
  void verify_tamperedBody_rejects() {
    SvixSignatureVerifier verifier = verifier(TS).secret(SECRET).build();
    byte[] tampered = "{\"test\": 2432232315}".getBytes(UTF_8);
    assertThatThrownBy(() -> verifier.verify(request(ID, TS, V1, tampered)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("No matching signature");
  }

  @Test
  void verify_webhookHeadersInOddCase_accepts() {
    SvixSignatureVerifier verifier = verifier(TS).secret(SECRET).build();
    WebhookRequest request =
        WebhookRequest.of(
            WebhookHeaders.of(
                "Webhook-Id", ID, "WEBHOOK-TIMESTAMP", Long.toString(TS), "webhook-Signature", V1),
            BODY);
    assertThatCode(() -> verifier.verify(request)).doesNotThrowAnyException();
  }

  @Test
  void verify_missingHeaders_namesTheHeader() {
    SvixSignatureVerifier verifier = verifier(TS).secret(SECRET).build();
    assertThatThrownBy(() -> verifier.verify(WebhookRequest.of(BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessage("Missing header: svix-id (or webhook-id)");
    WebhookRequest noSignature =
        WebhookRequest.of(
            WebhookHeaders.of("svix-id", ID, "svix-timestamp", Long.toString(TS)), BODY);
    assertThatThrownBy(() -> verifier.verify(noSignature))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessage("Missing header: svix-signature (or webhook-signature)")
        .extracting(e -> ((WebhookVerificationException) e).reason())
        .isEqualTo(Reason.MISSING_HEADER);
  }

  @Test
  void verify_oversizedSignatureHeader_rejectsBeforeMacWork() {
    SvixSignatureVerifier verifier = verifier(TS).secret(SECRET).build();
    String huge = (V1 + " ").repeat(300);
    assertThatThrownBy(() -> verifier.verify(request(ID, TS, huge, BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .extracting(e -> ((WebhookVerificationException) e).reason())
        .isEqualTo(Reason.MALFORMED_HEADER);
  }

  @Test
  void verify_tooManyCandidates_rejects() {
    SvixSignatureVerifier verifier = verifier(TS).secret(SECRET).build();
    String many = "v1,AAAA ".repeat(SvixSignatureVerifier.MAX_SIGNATURES + 1) + V1;
    assertThatThrownBy(() -> verifier.verify(request(ID, TS, many, BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("more than 32 entries");
  }

  @Test
  void verify_failureMessages_neverContainSecretOrSignature() {
    SvixSignatureVerifier verifier = verifier(TS + 10_000).secret(SECRET).build();
    assertThatThrownBy(() -> verifier.verify(request(ID, TS, V1, BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .message()
        .doesNotContain(SECRET.substring(6))
        .doesNotContain(V1.substring(3))
        .doesNotContain(ID);
  }

  /**
   * One delivery per failure reason the verifier has, each carrying the real signatures (or, for
   * the no-match case, signatures whose expected values are the real ones): no message names the
   * secret, a presented signature, the signature the verifier computed, or a header value.
   */
  @Test
  void verify_everyFailureReason_messageContainsNoSecretSignatureOrHeaderValue() {
    SvixSignatureVerifier verifier = verifier(TS).secret(SECRET).publicKey(PUBLIC_KEY).build();
    String forgedV1 = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";
    String forgedV1a = "v1a," + Base64.getEncoder().encodeToString(new byte[64]);
    Map<Reason, WebhookRequest> deliveries = new EnumMap<>(Reason.class);
    deliveries.put(
        Reason.MISSING_HEADER,
        WebhookRequest.of(
            WebhookHeaders.of("svix-id", ID, "svix-signature", V1 + " " + V1A), BODY));
    deliveries.put(
        Reason.MALFORMED_HEADER, request(ID + "x".repeat(300), TS, V1 + " " + V1A, BODY));
    deliveries.put(Reason.TIMESTAMP_TOO_OLD, request(ID, TS - 301, V1 + " " + V1A, BODY));
    deliveries.put(Reason.TIMESTAMP_TOO_NEW, request(ID, TS + 301, V1 + " " + V1A, BODY));
    deliveries.put(Reason.NO_MATCHING_SIGNATURE, request(ID, TS, forgedV1 + " " + forgedV1a, BODY));
    List<String> forbidden =
        List.of(
            SECRET,
            SECRET.substring("whsec_".length()),
            PUBLIC_KEY.substring("whpk_".length()),
            V1.substring("v1,".length()),
            V1A.substring("v1a,".length()),
            forgedV1.substring("v1,".length()),
            forgedV1a.substring("v1a,".length()),
            ID,
            Long.toString(TS));

    for (Reason reason : Reason.values()) {
      if (reason == Reason.UNEXPECTED_ORGANIZATION
          || reason == Reason.BAD_CREDENTIALS
          || reason == Reason.MISSING_TARGET
          || reason == Reason.MALFORMED_TARGET) {
        continue; // a parser's and the shared-secret verifier's checks, never this verifier's
      }
      WebhookRequest delivery = deliveries.get(reason);
      assertThat(delivery).as("a delivery for %s", reason).isNotNull();
      assertThatThrownBy(() -> verifier.verify(delivery))
          .as(reason.toString())
          .isInstanceOfSatisfying(
              WebhookVerificationException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(reason);
                for (String text : forbidden) {
                  assertThat(e.getMessage()).doesNotContain(text);
                  assertThat(e.toString()).doesNotContain(text);
                }
              });
    }
  }

  // --- v1a (ed25519): only the real signature over this id, timestamp and body passes ---------

  private static final KeyPair KEYS = ed25519();
  private static final KeyPair OTHER_KEYS = ed25519();

  private static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String whpk(KeyPair keys) {
    return "whpk_" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
  }

  private static String v1a(KeyPair keys, String id, long ts, byte[] body) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(keys.getPrivate());
      signer.update((id + "." + ts + ".").getBytes(UTF_8));
      signer.update(body);
      return "v1a," + Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void verify_v1aSignedWithGeneratedKey_accepts() {
    SvixSignatureVerifier verifier = verifier(TS).publicKey(whpk(KEYS)).build();
    assertThatCode(() -> verifier.verify(request(ID, TS, v1a(KEYS, ID, TS, BODY), BODY)))
        .doesNotThrowAnyException();
  }

  static Stream<Arguments> forgedV1a() {
    byte[] zeros = new byte[64];
    byte[] random = new byte[64];
    new java.util.Random(7).nextBytes(random);
    byte[] flipped = Base64.getDecoder().decode(v1a(KEYS, ID, TS, BODY).substring(4));
    flipped[10] ^= 0x01;
    byte[] otherBody = "{\"test\": 2432232315}".getBytes(UTF_8);
    return Stream.of(
        Arguments.of("64 zero bytes", "v1a," + Base64.getEncoder().encodeToString(zeros)),
        Arguments.of("64 random bytes", "v1a," + Base64.getEncoder().encodeToString(random)),
        Arguments.of("one bit flipped", "v1a," + Base64.getEncoder().encodeToString(flipped)),
        Arguments.of("signed for another body", v1a(KEYS, ID, TS, otherBody)),
        Arguments.of("signed for another timestamp", v1a(KEYS, ID, TS - 1, BODY)),
        Arguments.of("signed for another id", v1a(KEYS, ID + "2", TS, BODY)),
        Arguments.of("signed with another key", v1a(OTHER_KEYS, ID, TS, BODY)),
        Arguments.of("the published vector, under another key", V1A),
        Arguments.of(
            "several forged entries",
            v1a(KEYS, ID, TS - 1, BODY) + " " + v1a(OTHER_KEYS, ID, TS, BODY)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgedV1a")
  void verify_v1aForgedOrSignedForOtherContent_rejectsWithNoMatch(String what, String signature) {
    SvixSignatureVerifier verifier = verifier(TS).publicKey(whpk(KEYS)).build();
    assertThat(Base64.getDecoder().decode(signature.split(" ")[0].substring(4))).hasSize(64);
    assertThatThrownBy(() -> verifier.verify(request(ID, TS, signature, BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessage("No matching signature in svix-signature")
        .extracting(e -> ((WebhookVerificationException) e).reason())
        .isEqualTo(Reason.NO_MATCHING_SIGNATURE);
  }

  @Test
  void verify_v1aPublishedVector_rejectsAnotherBodyTimestampOrId() {
    SvixSignatureVerifier verifier = verifier(TS).publicKey(PUBLIC_KEY).build();
    byte[] otherBody = "{\"test\": 2432232315}".getBytes(UTF_8);
    for (WebhookRequest request :
        List.of(
            request(ID, TS, V1A, otherBody),
            request(ID, TS - 1, V1A, BODY),
            request(ID + "2", TS, V1A, BODY))) {
      assertThatThrownBy(() -> verifier.verify(request))
          .isInstanceOf(WebhookVerificationException.class)
          .extracting(e -> ((WebhookVerificationException) e).reason())
          .isEqualTo(Reason.NO_MATCHING_SIGNATURE);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "whsec_", "whsec_   ", "whsec_not*base64!"})
  void build_emptyOrInvalidSecret_rejectsAtBuildTime(String secret) {
    assertThatThrownBy(() -> SvixSignatureVerifier.builder().secret(secret))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Svix signing secret is")
        .hasMessageContaining("whsec_<base64> value as the sender's dashboard shows it")
        .message()
        .doesNotContain("not*base64");
  }

  @Test
  void build_withoutSecretOrKey_rejects() {
    assertThatThrownBy(() -> SvixSignatureVerifier.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("SvixSignatureVerifier needs a signing secret: ");
  }

  @Test
  void build_invalidPublicKey_rejects() {
    assertThatThrownBy(() -> SvixSignatureVerifier.builder().publicKey("whpk_AAAA"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ed25519");
  }

  @Test
  void verify_concurrentCalls_allAccept() throws Exception {
    SvixSignatureVerifier verifier = verifier(TS).secret(SECRET).build();
    WebhookRequest good = request(ID, TS, V1, BODY);
    WebhookRequest bad = request(ID, TS, "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", BODY);
    Thread[] threads = new Thread[8];
    java.util.concurrent.atomic.AtomicInteger failures =
        new java.util.concurrent.atomic.AtomicInteger();
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 2_000; i++) {
                  try {
                    verifier.verify(good);
                  } catch (RuntimeException e) {
                    failures.incrementAndGet();
                  }
                  try {
                    verifier.verify(bad);
                    failures.incrementAndGet();
                  } catch (WebhookVerificationException expected) {
                    // the wrong signature must keep failing while the Macs are shared
                  }
                }
              });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(failures).hasValue(0);
  }
}
