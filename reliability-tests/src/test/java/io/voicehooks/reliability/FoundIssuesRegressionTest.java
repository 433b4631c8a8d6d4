package io.voicehooks.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.agni.AgniWebhookParser;
import io.voicehooks.agni.CallCompletedEvent;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.cllr.CllrWebhookParser;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookParseException;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.fixtures.Fixtures;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import io.voicehooks.vaani.VaaniWebhookParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The library bugs this module's catalogue found, each written as the behaviour it must have; all
 * are fixed and kept here as regression tests. Numbers refer to the module README's list. The
 * privacy one is {@link
 * SecretsAndPrivacyTest#unknownEventTypeText_neverReachesMessagesBodiesOrLogs}.
 */
final class FoundIssuesRegressionTest {
  private static final AgniWebhookParser AGNI =
      AgniWebhookParser.builder().expectedOrgId(Fixtures.AGNI_ORG_ID).build();

  private static String agni(String dataFields) {
    return "{\"event\":\"call.completed\",\"org_id\":\""
        + Fixtures.AGNI_ORG_ID
        + "\",\"data\":{\"call_session_id\":\"s1\","
        + dataFields
        + "}}";
  }

  @Test
  void agntixBlankId_isRejectedLikeEveryOtherProvider() {
    AgntixWebhookParser parser = AgntixWebhookParser.withoutVerification();

    assertThatThrownBy(() -> parser.parse("{\"eventType\":\"session.ended\",\"id\":\" \"}"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("Missing required field 'id' in 'session.ended' event");
    for (String id : new String[] {"\\n", "\\t "}) {
      assertThatThrownBy(
              () -> parser.parse("{\"eventType\":\"session.ended\",\"id\":\"" + id + "\"}"))
          .isInstanceOf(WebhookParseException.class)
          .hasMessageContaining("Field 'id' contains a control character in 'session.ended' event");
    }
  }

  @Test
  void outOfRangeNumericTimestamp_readsAsNull() {
    CallCompletedEvent event = (CallCompletedEvent) AGNI.parse(agni("\"started_at\":1e20"));

    assertThat(event.data().startedAt()).isNull();
  }

  @Test
  void outOfRangeInteger_readsAsNull() {
    CallCompletedEvent event = (CallCompletedEvent) AGNI.parse(agni("\"attempt\":2147483648"));

    assertThat(event.data().attempt()).isNull();
  }

  @Test
  void hugeExponentTimestamp_readsAsNullNotEpoch() {
    CallCompletedEvent event = (CallCompletedEvent) AGNI.parse(agni("\"started_at\":1e999999999"));

    assertThat(event.data().startedAt()).isNull();
  }

  /**
   * JSON on the wire is UTF-8 (RFC 8259): a UTF-16 body is rejected as such by every parser, never
   * misread, and never taken for a delivery of another organisation (the found issue was an Agni
   * delivery of the expected organisation answered 401).
   */
  @Test
  void utf16Body_isRejectedAsNotUtf8() {
    byte[] vaani =
        "{\"event\":\"call_recording_ready\",\"room_name\":\"r1\"}"
            .getBytes(StandardCharsets.UTF_16);
    assertThatThrownBy(() -> VaaniWebhookParser.create().parse(vaani))
        .isExactlyInstanceOf(WebhookParseException.class)
        .hasMessageContaining("Body is not UTF-8 encoded JSON");

    byte[] agni =
        ("{\"event\":\"call.started\",\"org_id\":\"" + Fixtures.AGNI_ORG_ID + "\"}")
            .getBytes(StandardCharsets.UTF_16);
    assertThatThrownBy(() -> AGNI.parse(agni))
        .isExactlyInstanceOf(WebhookParseException.class)
        .hasMessageContaining("Body is not UTF-8 encoded JSON");
  }

  @Test
  void undeclaredFieldName_isLoggedWithoutLineBreaks() {
    LogCapture.start();
    VaaniWebhookParser.create()
        .parse(
            "{\"event\":\"call_started\",\"room_name\":\"r\",\"x\\r\\nERROR forged line\":1,"
                + "\"status\":{\"a\\nb\":1}}");
    List<LogCapture.Entry> logs = LogCapture.stop();

    assertThat(logs).isNotEmpty();
    assertThat(logs)
        .allSatisfy(e -> assertThat(e.message()).doesNotContain("\n").doesNotContain("\r"));
  }

  @Test
  void executorFailure_isAnsweredUnavailable_andLeavesNothingClaimed() {
    AtomicBoolean broken = new AtomicBoolean(true);
    WebhookHandler handler =
        WebhookHandler.builder(CllrWebhookParser.create())
            .listener(e -> {})
            .executor(
                task -> {
                  if (broken.get()) {
                    throw new IllegalStateException("executor shut down");
                  }
                  task.run();
                })
            .maxPending(1)
            .build();
    WebhookRequest delivery = WebhookRequest.of(Payloads.utf8("{\"callId\":\"c1\"}"));

    assertThat(handler.handle(delivery).status()).isEqualTo(503);
    assertThat(handler.pending()).isZero();
    broken.set(false);
    assertThat(handler.handle(delivery).outcome()).isEqualTo(WebhookResponse.Outcome.ACCEPTED);
  }

  /**
   * Issue 14.3: a cllr callId with U+0000 was 200 in memory mode and 503 forever in durable mode.
   * Every provider's identity refuses control characters while parsing, before any store.
   */
  @Test
  void identityWithAControlCharacter_isRefusedByEveryProviderNamingTheField() {
    for (Sample sample : Samples.all()) {
      WebhookParser<?> parser =
          switch (sample.provider()) {
            case AGNI -> AgniWebhookParser.create();
            case VAANI -> VaaniWebhookParser.create();
            case AGNTIX -> AgntixWebhookParser.withoutVerification();
            case CLLR -> CllrWebhookParser.create();
          };
      String quoted = "\"" + sample.id() + "\"";
      assertThat(sample.bodyAsString()).as(sample.eventType()).contains(quoted);
      byte[] body =
          sample
              .bodyAsString()
              .replace(quoted, "\"" + sample.id() + "\\u0000\"")
              .getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> parser.parse(WebhookRequest.of(body)))
          .as(sample.provider() + " " + sample.eventType())
          .isInstanceOf(WebhookParseException.class)
          .hasMessageContaining("contains a control character")
          .hasMessageNotContaining(sample.id());
    }
  }
}
