package io.voicehooks.agntix;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.SvixSignatureVerifier;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookParseException;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.core.WebhookVerificationException;
import io.voicehooks.core.WebhookVerificationException.Reason;
import io.voicehooks.fixtures.Fixtures;
import io.voicehooks.fixtures.StdErr;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class AgntixWebhookParserTest {
  private static final String SECRET =
      "whsec_"
          + Base64.getEncoder().encodeToString("agntix-test-secret-0123456789ab".getBytes(UTF_8));
  private static final String OTHER_SECRET =
      "whsec_"
          + Base64.getEncoder().encodeToString("another-secret-abcdefghijklmnop".getBytes(UTF_8));
  private static final Instant NOW = Instant.parse("2026-04-08T05:00:11Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String MSG_ID = "msg_2dQpK8vDqK5g";

  private static final AgntixWebhookParser PARSER =
      AgntixWebhookParser.builder().secret(SECRET).clock(CLOCK).build();

  private static WebhookRequest signed(String secret, long timestamp, byte[] body) {
    return WebhookRequest.of(
        WebhookHeaders.of(
            "svix-id", MSG_ID,
            "svix-timestamp", Long.toString(timestamp),
            "svix-signature", SvixSignatureVerifier.sign(secret, MSG_ID, timestamp, body)),
        body);
  }

  private static WebhookRequest signed(byte[] body) {
    return signed(SECRET, NOW.getEpochSecond(), body);
  }

  @Test
  void parse_validSignature_returnsTypedEvent() {
    AgntixEvent event = PARSER.parse(signed(Fixtures.bytes("agntix", "session.ended.json")));

    assertThat(event).isInstanceOf(SessionEndedEvent.class);
    assertThat(event.idempotencyKey())
        .isEqualTo("agntix:session.ended:4981804c-2658-4893-84ff-9c2fa90fb3c2");
  }

  @Test
  void publicKey_acceptsV1aSignedWithItsPrivateKeyAndRejectsAnotherKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
    KeyPair key = generator.generateKeyPair();
    KeyPair other = generator.generateKeyPair();
    AgntixWebhookParser parser =
        AgntixWebhookParser.builder()
            .publicKey("whpk_" + Base64.getEncoder().encodeToString(key.getPublic().getEncoded()))
            .clock(CLOCK)
            .build();
    byte[] body = Fixtures.bytes("agntix", "session.created.json");

    assertThat(parser.parse(v1aSigned(key, body)))
        .isInstanceOf(SessionCreatedEvent.class)
        .extracting(AgntixEvent::sessionId)
        .isNotNull();
    assertThatThrownBy(() -> parser.parse(v1aSigned(other, body)))
        .isInstanceOf(WebhookVerificationException.class)
        .satisfies(e -> assertReason(e, Reason.NO_MATCHING_SIGNATURE));
    assertThatThrownBy(() -> parser.parse(signed(body)))
        .as("a v1 signature with a secret the parser was not given")
        .isInstanceOf(WebhookVerificationException.class);
    assertThat(parser)
        .hasToString("AgntixWebhookParser[verification=svix, secrets=0, publicKeys=1]");
  }

  private static WebhookRequest v1aSigned(KeyPair key, byte[] body) throws Exception {
    long timestamp = NOW.getEpochSecond();
    Signature ed25519 = Signature.getInstance("Ed25519");
    ed25519.initSign(key.getPrivate());
    ed25519.update((MSG_ID + "." + timestamp + ".").getBytes(UTF_8));
    ed25519.update(body);
    String signature = "v1a," + Base64.getEncoder().encodeToString(ed25519.sign());
    return WebhookRequest.of(
        WebhookHeaders.of(
            "svix-id", MSG_ID,
            "svix-timestamp", Long.toString(timestamp),
            "svix-signature", signature),
        body);
  }

  @Test
  void parse_tamperedBody_throwsNoMatchingSignature() {
    byte[] body = Fixtures.bytes("agntix", "session.ended.json");
    WebhookRequest original = signed(body);
    byte[] tampered = new String(body, UTF_8).replace("CRM-7728", "CRM-6666").getBytes(UTF_8);

    assertThatThrownBy(() -> PARSER.parse(WebhookRequest.of(original.headers(), tampered)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("svix-signature")
        .satisfies(e -> assertReason(e, Reason.NO_MATCHING_SIGNATURE));
  }

  @Test
  void parse_wrongSecret_throwsNoMatchingSignature() {
    byte[] body = Fixtures.bytes("agntix", "session.created.json");

    assertThatThrownBy(() -> PARSER.parse(signed(OTHER_SECRET, NOW.getEpochSecond(), body)))
        .isInstanceOf(WebhookVerificationException.class)
        .satisfies(e -> assertReason(e, Reason.NO_MATCHING_SIGNATURE));
  }

  @Test
  void parse_rotatedSecrets_acceptsOldAndNew() {
    AgntixWebhookParser rotating =
        AgntixWebhookParser.builder().secret(SECRET).secret(OTHER_SECRET).clock(CLOCK).build();
    byte[] body = Fixtures.bytes("agntix", "session.created.json");

    assertThat(rotating.parse(signed(SECRET, NOW.getEpochSecond(), body)))
        .isInstanceOf(SessionCreatedEvent.class);
    assertThat(rotating.parse(signed(OTHER_SECRET, NOW.getEpochSecond(), body)))
        .isInstanceOf(SessionCreatedEvent.class);
    assertThat(rotating)
        .hasToString("AgntixWebhookParser[verification=svix, secrets=2, publicKeys=0]");
  }

  @Test
  void parse_staleTimestamp_throwsTimestampTooOld() {
    long sixMinutesAgo = NOW.minus(Duration.ofMinutes(6)).getEpochSecond();
    byte[] body = Fixtures.bytes("agntix", "session.created.json");

    assertThatThrownBy(() -> PARSER.parse(signed(SECRET, sixMinutesAgo, body)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("svix-timestamp")
        .satisfies(e -> assertReason(e, Reason.TIMESTAMP_TOO_OLD));
  }

  @Test
  void forStoredDeliveries_readsAStoredDeliveryLongAfterItsTimestamp() {
    long yesterday = NOW.minus(Duration.ofDays(1)).getEpochSecond();
    WebhookRequest stored =
        signed(SECRET, yesterday, Fixtures.bytes("agntix", "session.created.json"));
    assertThatThrownBy(() -> PARSER.parse(stored)).isInstanceOf(WebhookVerificationException.class);
    assertThat(PARSER.forStoredDeliveries().parse(stored)).isInstanceOf(SessionCreatedEvent.class);
    assertThat(PARSER.forStoredDeliveries().verifiesSignatures()).isFalse();
    assertThat(PARSER.verifiesSignatures()).as("the original is unchanged").isTrue();
  }

  @Test
  void parse_futureTimestamp_throwsTimestampTooNew() {
    long sixMinutesAhead = NOW.plus(Duration.ofMinutes(6)).getEpochSecond();
    byte[] body = Fixtures.bytes("agntix", "session.created.json");

    assertThatThrownBy(() -> PARSER.parse(signed(SECRET, sixMinutesAhead, body)))
        .isInstanceOf(WebhookVerificationException.class)
        .satisfies(e -> assertReason(e, Reason.TIMESTAMP_TOO_NEW));
  }

  @Test
  void parse_timestampWithinWidenedTolerance_isAccepted() {
    AgntixWebhookParser lenient =
        AgntixWebhookParser.builder()
            .secret(SECRET)
            .clock(CLOCK)
            .tolerance(Duration.ofMinutes(10))
            .build();
    long sixMinutesAgo = NOW.minus(Duration.ofMinutes(6)).getEpochSecond();

    assertThat(
            lenient.parse(
                signed(SECRET, sixMinutesAgo, Fixtures.bytes("agntix", "session.created.json"))))
        .isInstanceOf(SessionCreatedEvent.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"svix-id", "svix-timestamp", "svix-signature"})
  void parse_missingHeader_throwsMissingHeaderNamingIt(String missing) {
    byte[] body = Fixtures.bytes("agntix", "session.created.json");
    WebhookHeaders all = signed(body).headers();
    List<String> pairs = new ArrayList<>();
    for (String name : List.of("svix-id", "svix-timestamp", "svix-signature")) {
      if (!name.equals(missing)) {
        pairs.add(name);
        pairs.add(all.first(name));
      }
    }
    WebhookRequest request =
        WebhookRequest.of(WebhookHeaders.of(pairs.toArray(String[]::new)), body);

    assertThatThrownBy(() -> PARSER.parse(request))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining(missing)
        .satisfies(e -> assertReason(e, Reason.MISSING_HEADER));
  }

  @Test
  void parse_bodyWithoutHeaders_throwsVerification() {
    assertThatThrownBy(() -> PARSER.parse(Fixtures.bytes("agntix", "session.created.json")))
        .isInstanceOf(WebhookVerificationException.class)
        .satisfies(e -> assertReason(e, Reason.MISSING_HEADER));
  }

  @Test
  void parse_webhookPrefixedHeaders_verifyLikeSvixHeaders() {
    byte[] body = Fixtures.bytes("agntix", "session.created.json");
    long ts = NOW.getEpochSecond();
    WebhookRequest request =
        WebhookRequest.of(
            WebhookHeaders.of(
                "webhook-id", MSG_ID,
                "webhook-timestamp", Long.toString(ts),
                "webhook-signature", SvixSignatureVerifier.sign(SECRET, MSG_ID, ts, body)),
            body);

    assertThat(PARSER.parse(request)).isInstanceOf(SessionCreatedEvent.class);
  }

  @Test
  void parse_badSignatureOnMalformedBody_failsVerificationBeforeParsing() {
    byte[] garbage = "{not json".getBytes(UTF_8);
    WebhookRequest request =
        WebhookRequest.of(
            signed(Fixtures.bytes("agntix", "session.created.json")).headers(), garbage);

    assertThatThrownBy(() -> PARSER.parse(request))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void parse_validSignatureOnMalformedBody_throwsParseException() {
    assertThatThrownBy(() -> PARSER.parse(signed("{\"eventType\":".getBytes(UTF_8))))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("Malformed JSON");
  }

  @Test
  void build_withoutSecret_throwsIllegalStateNamingTheAlternatives() {
    assertThatThrownBy(() -> AgntixWebhookParser.builder().clock(CLOCK).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("secret")
        .hasMessageContaining("withoutVerification()");
  }

  @Test
  void secret_notBase64_throwsWithoutEchoingIt() {
    String bad = "whsec_***not-base64***";

    assertThatThrownBy(() -> AgntixWebhookParser.builder().secret(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Agntix signing secret is not a whsec_<base64> value: pass ")
        .hasMessageContaining("Agntix dashboard")
        .hasMessageNotContaining("not-base64***");
  }

  @Test
  void secret_unsetOrEmpty_saysWhichSettingAndWhereItComesFrom() {
    assertThatThrownBy(() -> AgntixWebhookParser.builder().secret(System.getenv("VH_UNSET_VAR")))
        .isInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("Agntix signing secret is not set (null): pass the whsec_")
        .hasMessageContaining("Agntix dashboard")
        .hasMessageContaining("AGNTIX_WEBHOOK_SECRET");
    assertThatThrownBy(() -> AgntixWebhookParser.builder().secret(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Agntix signing secret is empty: pass the whsec_");
    assertThatThrownBy(() -> AgntixWebhookParser.builder().secret("whsec_"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Agntix signing secret is not a whsec_<base64> value");
  }

  @Test
  void create_withSecret_verifies() {
    AgntixWebhookParser parser = AgntixWebhookParser.create(SECRET);

    assertThat(parser.verifiesSignatures()).isTrue();
    assertThat(parser.toString()).doesNotContain(SECRET).doesNotContain(SECRET.substring(6));
    assertThatThrownBy(() -> parser.parse(Fixtures.bytes("agntix", "session.created.json")))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void withoutVerification_parsesUnsignedBodies() {
    AgntixWebhookParser parser = AgntixWebhookParser.withoutVerification();

    assertThat(parser.verifiesSignatures()).isFalse();
    assertThat(parser).hasToString("AgntixWebhookParser[verification=DISABLED]");
    assertThat(parser.parse(Fixtures.bytes("agntix", "session.created.json")))
        .isInstanceOf(SessionCreatedEvent.class);
  }

  @Test
  void withoutVerification_warnsOncePerParserAtItsFirstParse() {
    String log =
        StdErr.during(
            () -> {
              AgntixWebhookParser unverified = AgntixWebhookParser.withoutVerification();
              AgntixWebhookParser.withoutVerification(); // built, never used: silent
              unverified.parse(Fixtures.bytes("agntix", "session.created.json"));
              unverified.parse(Fixtures.bytes("agntix", "session.ended.json"));
              PARSER.parse(signed(Fixtures.bytes("agntix", "session.ended.json")));
            });

    assertThat(log).contains("WARN").contains("WITHOUT signature verification");
    assertThat(log.split("WITHOUT signature verification", -1)).hasSize(2);
  }

  @Test
  void handler_verifiesDeduplicatesAndDispatches() {
    List<SessionEndedEvent> ended = new ArrayList<>();
    WebhookHandler handler =
        PARSER.handler(
            new AgntixEventListener() {
              @Override
              public void onSessionEnded(SessionEndedEvent event) {
                ended.add(event);
              }
            });
    WebhookRequest delivery = signed(Fixtures.bytes("agntix", "session.ended.json"));

    WebhookResponse first = handler.handle(delivery);
    WebhookResponse retry = handler.handle(delivery);
    WebhookResponse forged =
        handler.handle(
            WebhookRequest.of(
                WebhookHeaders.empty(), Fixtures.bytes("agntix", "session.ended.minimal.json")));

    assertThat(first.status()).isEqualTo(200);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(forged.status()).isEqualTo(401);
    assertThat(ended).hasSize(1);
    assertThat(ended.get(0).sessionId()).isEqualTo("4981804c-2658-4893-84ff-9c2fa90fb3c2");
  }

  private static void assertReason(Throwable e, Reason reason) {
    assertThat(((WebhookVerificationException) e).reason()).isEqualTo(reason);
  }
}
