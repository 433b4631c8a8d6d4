package io.voicehooks.reliability;

import static io.voicehooks.reliability.GenericHostileCases.with;
import static io.voicehooks.reliability.HostileCase.event;
import static io.voicehooks.reliability.HostileCase.rejected;
import static io.voicehooks.reliability.HostileCase.unknown;
import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.agni.AgniWebhookParser;
import io.voicehooks.agni.CallCompletedEvent;
import io.voicehooks.agni.CallData;
import io.voicehooks.agni.CallStatus;
import io.voicehooks.agni.Channel;
import io.voicehooks.agni.DisconnectReason;
import io.voicehooks.agni.SentimentLabel;
import io.voicehooks.agni.UnknownAgniEvent;
import io.voicehooks.core.WebhookParseException;
import io.voicehooks.core.WebhookVerificationException;
import io.voicehooks.fixtures.Fixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hostile-input catalogue for {@link AgniWebhookParser}, with an expected organisation. */
final class AgniHostileInputTest {
  private static final AgniWebhookParser PARSER =
      AgniWebhookParser.builder().expectedOrgId(Fixtures.AGNI_ORG_ID).build();

  private static final String ORG = "\"org_id\":\"" + Fixtures.AGNI_ORG_ID + "\"";
  static final String VALID =
      "{\"event\":\"call.completed\"," + ORG + ",\"data\":{\"call_session_id\":\"s1\"}}";

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parse_hostileBody_hasExactOutcome(HostileCase hostile) {
    hostile.assertOutcome(PARSER);
  }

  static Stream<HostileCase> cases() {
    List<HostileCase> cases =
        new ArrayList<>(
            GenericHostileCases.cases(
                VALID,
                CallCompletedEvent.class,
                "event",
                UnknownAgniEvent.class,
                e -> assertValidIdentity((CallCompletedEvent) e)));
    identity(cases);
    organisation(cases);
    timestamps(cases);
    numbers(cases);
    enumsAndShapes(cases);
    return cases.stream();
  }

  private static void identity(List<HostileCase> cases) {
    String missing = "Missing required field 'data.call_session_id' in 'call.completed' event";
    for (String id : List.of("\"\"", "\"   \"", "null")) {
      cases.add(
          HostileCase.of(
              "call_session_id " + id,
              dataOnly("\"call_session_id\":" + id),
              rejected(WebhookParseException.class, missing)));
    }
    String notAnId =
        "Field 'data.call_session_id' must be a string or an integer in 'call.completed' event";
    for (String id : List.of("true", "12.5", "1e400", "{}", "{\"id\":\"s1\"}", "[\"s1\"]")) {
      cases.add(
          HostileCase.of(
              "call_session_id " + id,
              dataOnly("\"call_session_id\":" + id),
              rejected(WebhookParseException.class, notAnId)));
    }
    cases.add(
        HostileCase.of(
            "call_id of the wrong type",
            dataOnly("\"call_session_id\":\"s1\",\"call_id\":[]"),
            rejected(
                WebhookParseException.class,
                "Field 'data.call_id' must be a string or an integer in 'call.completed' event")));
    cases.add(
        HostileCase.of(
            "call_session_id as an integer is its text",
            dataOnly("\"call_session_id\":0"),
            completed(e -> assertThat(e.idempotencyKey()).isEqualTo("agni:call.completed:0"))));
    // No store can hold every control character (PostgreSQL text refuses NUL): refused in every
    // mode, so a delivery gets the same answer whatever the store.
    String control =
        "Field 'data.call_session_id' contains a control character in 'call.completed' event";
    for (String id : List.of("\"\\n\"", "\"s\\u0000\"", "\"s\\u001f1\"", "\"s\\u007f\"")) {
      cases.add(
          HostileCase.of(
              "call_session_id " + id,
              dataOnly("\"call_session_id\":" + id),
              rejected(WebhookParseException.class, control)));
    }
    cases.add(
        HostileCase.of(
            "call_session_id with U+0080 (not a C0 control) is kept as sent",
            dataOnly("\"call_session_id\":\"s\\u0080\""),
            completed(
                e -> assertThat(e.idempotencyKey()).isEqualTo("agni:call.completed:s\u0080"))));
    cases.add(
        HostileCase.of(
            "call_id alone identifies the call",
            dataOnly("\"call_id\":\"c7\""),
            completed(e -> assertThat(e.sessionId()).isEqualTo("c7"))));
    cases.add(
        HostileCase.of(
            "blank call_session_id falls back to call_id",
            dataOnly("\"call_session_id\":\" \",\"call_id\":\"c7\""),
            completed(e -> assertThat(e.idempotencyKey()).isEqualTo("agni:call.completed:c7"))));
    String noData =
        "Missing required field 'data' (or not a JSON object) in 'call.completed' event";
    cases.add(
        HostileCase.of(
            "data absent",
            "{\"event\":\"call.completed\"," + ORG + "}",
            rejected(WebhookParseException.class, noData)));
    for (String data : List.of("null", "[]", "\"s1\"", "7")) {
      cases.add(
          HostileCase.of(
              "data as " + data,
              "{\"event\":\"call.completed\"," + ORG + ",\"data\":" + data + "}",
              rejected(WebhookParseException.class, noData)));
    }
  }

  private static void organisation(List<HostileCase> cases) {
    String body = "{\"event\":\"call.completed\",%s\"data\":{\"call_session_id\":\"s1\"}}";
    String notExpected = "Field 'org_id' in 'call.completed' event is not an expected organisation";
    String absent = "Missing field 'org_id' in 'call.completed' event";
    cases.add(
        HostileCase.of(
            "org_id of another organisation",
            String.format(body, "\"org_id\":\"9f2c7e5a-0b1d-4c3e-8f6a-2b4d6e8f0a1c\","),
            rejected(WebhookVerificationException.class, notExpected)));
    cases.add(
        HostileCase.of(
            "org_id absent",
            String.format(body, ""),
            rejected(WebhookVerificationException.class, absent)));
    for (String value :
        List.of("null", "\"\"", "\" \"", "{}", "[\"" + Fixtures.AGNI_ORG_ID + "\"]")) {
      cases.add(
          HostileCase.of(
              "org_id as " + value,
              String.format(body, "\"org_id\":" + value + ","),
              rejected(WebhookVerificationException.class, absent)));
    }
    cases.add(
        HostileCase.of(
            "org_id as a number",
            String.format(body, "\"org_id\":1268,"),
            rejected(WebhookVerificationException.class, notExpected)));
    cases.add(
        HostileCase.of(
            "org_id in upper case",
            String.format(body, "\"org_id\":\"" + Fixtures.AGNI_ORG_ID.toUpperCase() + "\","),
            completed(e -> assertThat(e.orgId()).isEqualTo(Fixtures.AGNI_ORG_ID.toUpperCase()))));
    cases.add(
        HostileCase.of(
            "org_id with surrounding spaces",
            String.format(body, "\"org_id\":\" " + Fixtures.AGNI_ORG_ID + " \","),
            completed(
                e -> {
                  // matched trimmed and case-blind; reported as sent, like the upper-case one
                  assertThat(e.orgId()).isEqualTo(" " + Fixtures.AGNI_ORG_ID + " ");
                  assertThat(e.sessionId()).isEqualTo("s1");
                  assertThat(e.idempotencyKey()).isEqualTo("agni:call.completed:s1");
                })));
    cases.add(
        HostileCase.of(
            "org_id duplicated, wrong then right",
            String.format(body, "\"org_id\":\"other\"," + ORG + ","),
            rejected(WebhookParseException.class, GenericHostileCases.DUPLICATE)));
    cases.add(
        HostileCase.of(
            "org_id only inside data",
            "{\"event\":\"call.completed\",\"data\":{\"call_session_id\":\"s1\"," + ORG + "}}",
            rejected(WebhookVerificationException.class, absent)));
    cases.add(
        HostileCase.of(
            "unknown event of the expected organisation",
            "{\"event\":\"call.started\"," + ORG + ",\"data\":{\"phone\":\"+14155550100\"}}",
            unknown(UnknownAgniEvent.class, "call.started")));
    cases.add(
        HostileCase.of(
            "unknown event without org_id",
            "{\"event\":\"call.started\",\"data\":{}}",
            rejected(
                WebhookVerificationException.class, "Missing field 'org_id' in an unknown event")));
  }

  private static void timestamps(List<HostileCase> cases) {
    timestamp(cases, "\"2026-03-24T18:30:00Z\"", Instant.parse("2026-03-24T18:30:00Z"));
    timestamp(cases, "\"2026-03-24T18:30:00+05:30\"", Instant.parse("2026-03-24T13:00:00Z"));
    timestamp(cases, "\"2026-03-24T18:30:00z\"", Instant.parse("2026-03-24T18:30:00Z"));
    timestamp(cases, "\"2026-03-24T18:30:00\"", null); // no offset: ambiguous, so unread
    timestamp(cases, "\"2026-03-24\"", null);
    timestamp(cases, "\"2026-03-24 18:30:00Z\"", null);
    timestamp(cases, "\"yesterday\"", null);
    timestamp(cases, "\"2026-13-45T99:99:99Z\"", null);
    timestamp(cases, "\"2026-03-24T18:30:00+25:00\"", null);
    timestamp(cases, "\"2026-03-24T18:30:00.1234567891Z\"", null);
    timestamp(
        cases, "\"+1000000000-01-01T00:00:00Z\"", Instant.parse("+1000000000-01-01T00:00:00Z"));
    timestamp(cases, "\"+1000000001-01-01T00:00:00Z\"", null);
    timestamp(cases, "\"-999999999-01-01T00:00:00Z\"", Instant.parse("-999999999-01-01T00:00:00Z"));
    timestamp(cases, "1711305000", Instant.parse("2024-03-24T18:30:00Z"));
    timestamp(cases, "\"1711305000\"", Instant.parse("2024-03-24T18:30:00Z"));
    timestamp(cases, "1711305000.5", Instant.parse("2024-03-24T18:30:00.500Z"));
    timestamp(cases, "-1", Instant.parse("1969-12-31T23:59:59Z"));
    // A number of 10^11 or more is epoch milliseconds (as seconds it would be past the year 5000).
    timestamp(cases, "1711305000123", Instant.parse("2024-03-24T18:30:00.123Z"));
    timestamp(cases, "1e20", null); // no instant can hold it
    timestamp(cases, "1e999999999", null); // not 1970
    for (String value : List.of("true", "{}", "[]", "\"\"", "null")) {
      timestamp(cases, value, null);
    }
  }

  private static void timestamp(List<HostileCase> cases, String value, Instant expected) {
    cases.add(
        HostileCase.of(
            "started_at " + value,
            data("\"started_at\":" + value),
            completed(e -> assertThat(e.data().startedAt()).isEqualTo(expected))));
  }

  private static void numbers(List<HostileCase> cases) {
    duration(cases, "125", Duration.ofSeconds(125));
    duration(cases, "0", Duration.ZERO);
    duration(cases, "\"125\"", Duration.ofSeconds(125));
    duration(cases, "\"1e3\"", Duration.ofSeconds(1000));
    duration(cases, "12.123456789123", Duration.ofSeconds(12, 123_456_789));
    duration(cases, "3162240000", Duration.ofSeconds(3_162_240_000L)); // 100 years, the bound
    for (String value :
        List.of(
            "-5",
            "-0.001",
            "\"NaN\"",
            "\"Infinity\"",
            "\"-Infinity\"",
            "1e308",
            "1e999999999",
            "3162240001",
            "99999999999999999999",
            "true",
            "{}",
            "\"abc\"")) {
      duration(cases, value, null);
    }
    cases.add(
        HostileCase.of(
            "call_latency_ms in milliseconds",
            data("\"call_latency_ms\":150"),
            completed(e -> assertThat(e.data().callLatency()).isEqualTo(Duration.ofMillis(150)))));
    attempt(cases, "1", 1);
    attempt(cases, "-1", -1);
    attempt(cases, "2147483647", Integer.MAX_VALUE);
    attempt(cases, "\"3\"", 3);
    attempt(cases, "1.5", 1); // truncated silently (questionable)
    for (String value : List.of("\"x\"", "true", "{}", "[]")) {
      attempt(cases, value, null);
    }
    cost(cases, "0.42", new BigDecimal("0.42"));
    cost(cases, "\"0.42\"", new BigDecimal("0.42"));
    cost(cases, "-1", new BigDecimal("-1"));
    cost(cases, "1e999999999", new BigDecimal("1e999999999"));
    for (String value : List.of("\"1,000\"", "\"NaN\"", "true", "{}")) {
      cost(cases, value, null);
    }
  }

  private static void duration(List<HostileCase> cases, String value, Duration expected) {
    cases.add(
        HostileCase.of(
            "duration_sec " + value,
            data("\"duration_sec\":" + value),
            completed(e -> assertThat(e.data().duration()).isEqualTo(expected))));
  }

  private static void attempt(List<HostileCase> cases, String value, Integer expected) {
    cases.add(
        HostileCase.of(
            "attempt " + value,
            data("\"attempt\":" + value),
            completed(e -> assertThat(e.data().attempt()).isEqualTo(expected))));
  }

  private static void cost(List<HostileCase> cases, String value, BigDecimal expected) {
    cases.add(
        HostileCase.of(
            "cost_total " + value,
            data("\"cost_total\":" + value),
            completed(e -> assertThat(e.data().costTotal()).isEqualTo(expected))));
  }

  private static void enumsAndShapes(List<HostileCase> cases) {
    cases.add(
        HostileCase.of(
            "unknown enum values keep their raw text",
            data(
                "\"status\":\"brand_new\",\"channel\":\"telepathy\","
                    + "\"disconnect_reason\":\"cosmic_ray\","
                    + "\"post_call_analysis\":{\"sentiment\":\"ecstatic\"}"),
            completed(
                e -> {
                  CallData d = e.data();
                  assertThat(d.status().value()).isEqualTo(CallStatus.UNKNOWN);
                  assertThat(d.status().raw()).isEqualTo("brand_new");
                  assertThat(d.channel().value()).isEqualTo(Channel.UNKNOWN);
                  assertThat(d.disconnectReason().value()).isEqualTo(DisconnectReason.UNKNOWN);
                  assertThat(d.postCallAnalysis().sentiment().value())
                      .isEqualTo(SentimentLabel.UNKNOWN);
                })));
    cases.add(
        HostileCase.of(
            "enum spelt with hyphen and spaces",
            data("\"status\":\" No-Answer \""),
            completed(e -> assertThat(e.data().status().value()).isEqualTo(CallStatus.NO_ANSWER))));
    cases.add(
        HostileCase.of(
            "enum as a number keeps its text",
            data("\"status\":1"),
            completed(e -> assertThat(e.data().status().raw()).isEqualTo("1"))));
    cases.add(
        HostileCase.of(
            "enum as an object is null",
            data("\"status\":{\"code\":1}"),
            completed(e -> assertThat(e.data().status()).isNull())));
    cases.add(
        HostileCase.of(
            "every data field of the wrong JSON type",
            data(
                "\"campaign_id\":1,\"contact_id\":{},\"phone\":[],\"status\":{},"
                    + "\"duration_sec\":\"x\",\"attempt\":\"x\",\"summary\":{},"
                    + "\"recording_url\":1,\"caller_number\":true,\"callee_number\":{},"
                    + "\"caller_name\":[],\"caller_email\":1,\"agent_name\":{},\"channel\":[],"
                    + "\"disconnect_reason\":{},\"cost_total\":\"abc\",\"call_latency_ms\":\"x\","
                    + "\"started_at\":\"x\",\"ended_at\":{},\"created_at\":[],"
                    + "\"post_call_analysis\":[],\"transcripts\":{}"),
            completed(
                e -> {
                  CallData d = e.data();
                  // Scalars of another type become their text (questionable for booleans).
                  assertThat(d.campaignId()).isEqualTo("1");
                  assertThat(d.recordingUrl()).isEqualTo("1");
                  assertThat(d.callerNumber()).isEqualTo("true");
                  assertThat(d.callerEmail()).isEqualTo("1");
                  // Containers where a scalar belongs are null.
                  assertThat(d.contactId()).isNull();
                  assertThat(d.phone()).isNull();
                  assertThat(d.summary()).isNull();
                  assertThat(d.callerName()).isNull();
                  assertThat(d.agentName()).isNull();
                  assertThat(d.calleeNumber()).isNull();
                  assertThat(d.status()).isNull();
                  assertThat(d.channel()).isNull();
                  assertThat(d.disconnectReason()).isNull();
                  assertThat(d.duration()).isNull();
                  assertThat(d.attempt()).isNull();
                  assertThat(d.costTotal()).isNull();
                  assertThat(d.callLatency()).isNull();
                  assertThat(d.startedAt()).isNull();
                  assertThat(d.endedAt()).isNull();
                  assertThat(d.createdAt()).isNull();
                  assertThat(d.postCallAnalysis()).isNull();
                  assertThat(d.transcripts()).isEmpty();
                })));
    cases.add(
        HostileCase.of(
            "transcripts of mixed junk keep only objects",
            data("\"transcripts\":[1,\"a\",null,[],{}]"),
            completed(e -> assertThat(e.data().transcripts()).hasSize(1))));
    cases.add(
        HostileCase.of(
            "transcript entries out of order are sorted",
            data("\"transcripts\":[{\"timestamp_ms\":5},{\"timestamp_ms\":1},{}]"),
            completed(
                e ->
                    assertThat(e.data().transcripts())
                        .extracting(t -> t.offset())
                        .containsExactly(Duration.ofMillis(1), Duration.ofMillis(5), null))));
    cases.add(
        HostileCase.of(
            "post_call_analysis values of the wrong type stay in extraFields",
            data(
                "\"post_call_analysis\":{\"goals_met\":\"yes\",\"next_steps\":1,\"disposition\":7}"),
            completed(
                e -> {
                  assertThat(e.data().postCallAnalysis().goalsMet()).isNull();
                  assertThat(e.data().postCallAnalysis().disposition().raw()).isEqualTo("7");
                  assertThat(e.data().postCallAnalysis().nextSteps())
                      .as("a number where text is declared reads as its text, as everywhere")
                      .isEqualTo("1");
                  assertThat(e.data().postCallAnalysis().extraFields())
                      .containsOnly(Map.entry("goals_met", "yes"));
                })));
    cases.add(
        HostileCase.of(
            "undeclared fields everywhere are ignored",
            with(
                VALID.replace("{\"call_session_id\"", "{\"x\":[{}],\"call_session_id\""),
                "\"y\":1"),
            completed(AgniHostileInputTest::assertValidIdentity)));
  }

  private static String data(String fields) {
    return "{\"event\":\"call.completed\","
        + ORG
        + ",\"data\":{\"call_session_id\":\"s1\","
        + fields
        + "}}";
  }

  private static String dataOnly(String fields) {
    return "{\"event\":\"call.completed\"," + ORG + ",\"data\":{" + fields + "}}";
  }

  /** What {@link #VALID} parses to. */
  private static void assertValidIdentity(CallCompletedEvent e) {
    assertThat(e.eventType()).isEqualTo("call.completed");
    assertThat(e.orgId()).isEqualTo(Fixtures.AGNI_ORG_ID);
    assertThat(e.sessionId()).isEqualTo("s1");
    assertThat(e.idempotencyKey()).isEqualTo("agni:call.completed:s1");
  }

  private static HostileCase.Expectation completed(Consumer<CallCompletedEvent> checks) {
    return event(CallCompletedEvent.class, checks);
  }
}
