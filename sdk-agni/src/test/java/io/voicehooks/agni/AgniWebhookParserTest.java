package io.voicehooks.agni;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.JsonLimits;
import io.voicehooks.core.PayloadTooLargeException;
import io.voicehooks.core.WebhookParseException;
import io.voicehooks.core.WebhookVerificationException;
import io.voicehooks.core.internal.Digests;
import io.voicehooks.fixtures.Fixtures;
import io.voicehooks.fixtures.StdErr;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class AgniWebhookParserTest {
  private static final String OTHER_ORG = "9f2c7e5a-0b1d-4c3e-8f6a-2b4d6e8f0a1c";

  private static final AgniWebhookParser PARSER =
      AgniWebhookParser.builder().expectedOrgId(Fixtures.AGNI_ORG_ID).build();

  @Test
  void parse_unknownEventType_keepsTypeAndRawJson() {
    byte[] body = Fixtures.bytes("agni", "unknown-event.json");
    AgniEvent event = PARSER.parse(body);

    assertThat(event).isInstanceOf(UnknownAgniEvent.class);
    UnknownAgniEvent unknown = (UnknownAgniEvent) event;
    assertThat(unknown.eventType()).isEqualTo("call.started");
    assertThat(unknown.rawJson()).isEqualTo(new String(body, UTF_8));
    assertThat(unknown.orgId()).isEqualTo(Fixtures.AGNI_ORG_ID);
    assertThat(unknown.idempotencyKey())
        .isEqualTo("agni:call.started:" + Digests.sha256Hex(new String(body, UTF_8)))
        .isEqualTo(PARSER.parse(body).idempotencyKey());
    assertThat(unknown.fields()).containsEntry("event", "call.started").containsKey("data");
  }

  @Test
  void parse_notJson_throwsParseException() {
    assertThatThrownBy(() -> PARSER.parse("call.completed for org 1268c1f0"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("Malformed JSON");
  }

  @Test
  void parse_truncatedJson_throwsParseExceptionNamingWhereItEnded() {
    assertThatThrownBy(() -> PARSER.parse("{\"event\":\"call.completed\",\"data\":{\"call_sess"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage("Malformed JSON at line 1, column 45 in 'call.completed' event");
  }

  @Test
  void parse_sessionIdAsBoolean_isRejectedNotTurnedIntoAKey() {
    assertThatThrownBy(
            () ->
                PARSER.parse("{\"event\":\"call.completed\",\"data\":{\"call_session_id\":true}}"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage(
            "Field 'data.call_session_id' must be a string or an integer in 'call.completed' event");
  }

  @Test
  void parse_jsonArray_throwsParseException() {
    assertThatThrownBy(() -> PARSER.parse("[{\"event\":\"call.completed\"}]"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("not a JSON object");
  }

  @Test
  void parse_missingEvent_namesTheField() {
    assertThatThrownBy(
            () -> PARSER.parse("{\"org_id\":\"" + Fixtures.AGNI_ORG_ID + "\",\"data\":{}}"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("'event'");
  }

  @Test
  void parse_dataNotAnObject_namesData() {
    assertThatThrownBy(
            () -> PARSER.parse(Fixtures.bytes("agni", "call.completed.data-not-object.json")))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("'data'")
        .hasMessageContaining("'call.completed'")
        .extracting(e -> ((WebhookParseException) e).fieldPath())
        .isEqualTo("data");
  }

  @Test
  void parse_dataMissing_namesData() {
    assertThatThrownBy(() -> PARSER.parse(Fixtures.bytes("agni", "call.completed.no-data.json")))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("'data'")
        .extracting(e -> ((WebhookParseException) e).eventType())
        .isEqualTo("call.completed");
  }

  @Test
  void parse_missingCallSessionId_namesTheField() {
    assertThatThrownBy(
            () -> PARSER.parse(Fixtures.bytes("agni", "call.completed.no-session-id.json")))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage("Missing required field 'data.call_session_id' in 'call.completed' event")
        .extracting(e -> ((WebhookParseException) e).fieldPath())
        .isEqualTo("data.call_session_id");
  }

  @Test
  void parse_messages_neverContainPayloadValues() {
    assertThatThrownBy(
            () -> PARSER.parse(Fixtures.bytes("agni", "call.completed.no-session-id.json")))
        .message()
        .doesNotContain("+14155550100")
        .doesNotContain(Fixtures.AGNI_ORG_ID);
    assertThatThrownBy(() -> PARSER.parse(Fixtures.bytes("agni", "call.completed.wrong-org.json")))
        .message()
        .doesNotContain(OTHER_ORG)
        .doesNotContain(Fixtures.AGNI_ORG_ID);
  }

  @Test
  void parse_bodyOverLimit_throwsPayloadTooLarge() {
    AgniWebhookParser small =
        AgniWebhookParser.builder()
            .expectedOrgId(Fixtures.AGNI_ORG_ID)
            .limits(JsonLimits.defaults().withMaxBodyBytes(1024))
            .build();
    assertThatThrownBy(() -> small.parse(Fixtures.bytes("agni", "call.completed.json")))
        .isInstanceOf(PayloadTooLargeException.class);
    assertThat(small.parse(Fixtures.bytes("agni", "call.completed.minimal.json")))
        .isInstanceOf(CallCompletedEvent.class);
  }

  @Test
  void parse_wrongOrg_failsVerification() {
    assertThatThrownBy(() -> PARSER.parse(Fixtures.bytes("agni", "call.completed.wrong-org.json")))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("'org_id'")
        .extracting(e -> ((WebhookVerificationException) e).reason())
        .isEqualTo(WebhookVerificationException.Reason.UNEXPECTED_ORGANIZATION);
  }

  @Test
  void parse_missingOrgWhenOrgsExpected_failsVerification() {
    assertThatThrownBy(() -> PARSER.parse(Fixtures.bytes("agni", "call.completed.no-org.json")))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("Missing field 'org_id'")
        .extracting(e -> ((WebhookVerificationException) e).reason())
        .isEqualTo(WebhookVerificationException.Reason.UNEXPECTED_ORGANIZATION);
  }

  @Test
  void parse_unknownEventFromWrongOrg_failsVerification() {
    String body = "{\"event\":\"call.started\",\"org_id\":\"" + OTHER_ORG + "\",\"data\":{}}";
    assertThatThrownBy(() -> PARSER.parse(body))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessage("Field 'org_id' in an unknown event is not an expected organisation");
    String noOrg =
        "{\"event\":\"call.started\",\"data\":{\"org_id\":\"" + Fixtures.AGNI_ORG_ID + "\"}}";
    assertThatThrownBy(() -> PARSER.parse(noOrg))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("Missing field 'org_id'");
  }

  @Test
  void parse_severalExpectedOrgs_acceptsEach() {
    AgniWebhookParser parser =
        AgniWebhookParser.builder()
            .expectedOrgId(Fixtures.AGNI_ORG_ID)
            .expectedOrgIds(List.of(OTHER_ORG))
            .build();
    assertThat(parser.parse(Fixtures.bytes("agni", "call.completed.json")).orgId())
        .isEqualTo(Fixtures.AGNI_ORG_ID);
    assertThat(parser.parse(Fixtures.bytes("agni", "call.completed.wrong-org.json")).orgId())
        .isEqualTo(OTHER_ORG);
    assertThat(parser).hasToString("AgniWebhookParser[expectedOrgIds=2]");
  }

  @Test
  void parse_orgIdInOtherCase_matches() {
    AgniWebhookParser parser =
        AgniWebhookParser.builder()
            .expectedOrgId(" " + Fixtures.AGNI_ORG_ID.toUpperCase(Locale.ROOT) + " ")
            .build();
    assertThat(parser.parse(Fixtures.bytes("agni", "call.completed.json"))).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void builder_blankOrgId_rejected(String orgId) {
    assertThatThrownBy(() -> AgniWebhookParser.builder().expectedOrgId(orgId))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Agni organisation id (expectedOrgId) is ")
        .hasMessageContaining("org_id")
        .hasMessageContaining("AGNI_ORG_ID");
  }

  @Test
  void builder_nulls_rejected() {
    assertThatThrownBy(() -> AgniWebhookParser.builder().expectedOrgId(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("Agni organisation id (expectedOrgId) is not set (null): pass ");
    assertThatThrownBy(() -> AgniWebhookParser.builder().limits(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("limits == null");
    assertThatThrownBy(() -> PARSER.handler(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("listener == null");
  }

  @Test
  void create_withoutExpectedOrg_acceptsAnyOrgAndWarnsOncePerParser() {
    AgniWebhookParser parser = AgniWebhookParser.create();
    String log =
        StdErr.during(
            () -> {
              assertThat(
                      parser.parse(Fixtures.bytes("agni", "call.completed.wrong-org.json")).orgId())
                  .isEqualTo(OTHER_ORG);
              assertThat(parser.parse(Fixtures.bytes("agni", "call.completed.no-org.json")).orgId())
                  .isNull();
              assertThat(parser.parse(Fixtures.bytes("agni", "call.completed.json"))).isNotNull();
              AgniWebhookParser.create().parse(Fixtures.bytes("agni", "call.completed.json"));
            });
    assertThat(log.lines().filter(line -> line.contains("no expected org_id")))
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).contains("WARN").doesNotContain(OTHER_ORG));
  }

  @Test
  void parse_withExpectedOrg_doesNotWarn() {
    String log = StdErr.during(() -> PARSER.parse(Fixtures.bytes("agni", "call.completed.json")));
    assertThat(log).doesNotContain("org_id");
  }
}
