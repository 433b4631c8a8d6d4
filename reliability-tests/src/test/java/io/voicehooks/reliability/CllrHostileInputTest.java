package io.voicehooks.reliability;

import static io.voicehooks.reliability.HostileCase.event;
import static io.voicehooks.reliability.HostileCase.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.cllr.CllrWebhookParser;
import io.voicehooks.cllr.PostCallEvent;
import io.voicehooks.core.CallSummary;
import io.voicehooks.core.WebhookParseException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hostile-input catalogue for {@link CllrWebhookParser} (one event type, no type field). */
final class CllrHostileInputTest {
  private static final CllrWebhookParser PARSER = CllrWebhookParser.create();

  static final String VALID = "{\"callId\":\"693bff62619c51fac21acf50\"}";

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
                PostCallEvent.class,
                null,
                null,
                e -> {
                  assertThat(e.eventType()).isEqualTo("post_call");
                  assertThat(((PostCallEvent) e).callId()).isEqualTo("693bff62619c51fac21acf50");
                  assertThat(e.idempotencyKey())
                      .isEqualTo("cllr:post_call:693bff62619c51fac21acf50");
                }));
    identity(cases);
    shapes(cases);
    return cases.stream();
  }

  private static void identity(List<HostileCase> cases) {
    String missing = "Missing required field 'callId' in 'post_call' event";
    for (String id : List.of("\"\"", "\"   \"", "null")) {
      cases.add(
          HostileCase.of(
              "callId " + id,
              "{\"callId\":" + id + "}",
              rejected(WebhookParseException.class, missing)));
    }
    cases.add(
        HostileCase.of(
            "callId absent",
            "{\"recordingUri\":\"https://x\"}",
            rejected(WebhookParseException.class, missing)));
    String notAnId = "Field 'callId' must be a string or an integer";
    for (String id : List.of("1.0", "12.5", "1e400", "true", "{}", "[\"c\"]")) {
      cases.add(
          HostileCase.of(
              "callId " + id,
              "{\"callId\":" + id + "}",
              rejected(WebhookParseException.class, notAnId)));
    }
    for (String id : List.of("1", "-5", "12345678901234567890")) {
      cases.add(
          HostileCase.of(
              "callId integer " + id,
              "{\"callId\":" + id + "}",
              postCall(e -> assertThat(e.idempotencyKey()).isEqualTo("cllr:post_call:" + id))));
    }
    cases.add(
        HostileCase.of(
            "callId duplicated",
            "{\"callId\":\"a\",\"callId\":\"b\"}",
            rejected(WebhookParseException.class, GenericHostileCases.DUPLICATE)));
    cases.add(
        HostileCase.of(
            "a body with an event field is still a post_call",
            "{\"event\":\"something.else\",\"callId\":\"c1\"}",
            postCall(e -> assertThat(e.eventType()).isEqualTo("post_call"))));
  }

  private static void shapes(List<HostileCase> cases) {
    cases.add(
        HostileCase.of(
            "every field of the wrong type",
            "{\"callId\":\"c\",\"recordingUri\":{},\"transcriptUri\":[],\"callerDetails\":\"x\","
                + "\"callAnalysis\":[]}",
            postCall(
                e -> {
                  assertThat(e.recordingUri()).isNull();
                  assertThat(e.transcriptUri()).isNull();
                  assertThat(e.callerDetails()).isNull();
                  assertThat(e.callAnalysis()).isNull();
                })));
    cases.add(
        HostileCase.of(
            "caller details of the wrong types (scalars become text: questionable)",
            "{\"callId\":\"c\",\"callerDetails\":{\"name\":{},\"phoneNumber\":[],\"email\":1,"
                + "\"scheduledTime\":true,\"age\":34,\"pincode\":110001}}",
            postCall(
                e -> {
                  assertThat(e.callerDetails().name()).isNull();
                  assertThat(e.callerDetails().phoneNumber()).isNull();
                  assertThat(e.callerDetails().email()).isEqualTo("1");
                  assertThat(e.callerDetails().scheduledTime()).isEqualTo("true");
                  assertThat(e.callerDetails().scheduledTimeAsInstant()).isNull();
                  assertThat(e.callerDetails().ageAsInteger()).isEqualTo(34);
                  assertThat(e.callerDetails().pincode()).isEqualTo("110001");
                })));
    scheduled(cases, "2025-01-20T10:00:00Z", Instant.parse("2025-01-20T10:00:00Z"));
    scheduled(cases, "2025-01-22T15:30:00+05:30", Instant.parse("2025-01-22T10:00:00Z"));
    scheduled(cases, "2025-01-20T10:00:00", null);
    scheduled(cases, "tomorrow at ten", null);
    scheduled(
        cases, "+999999999-12-31T23:59:59-18:00", Instant.parse("+1000000000-01-01T17:59:59Z"));
    scheduled(cases, "x".repeat(81), null);
    cases.add(
        HostileCase.of(
            "age out of int range",
            "{\"callId\":\"c\",\"callerDetails\":{\"age\":\"99999999999\"}}",
            postCall(e -> assertThat(e.callerDetails().ageAsInteger()).isNull())));
    cases.add(
        HostileCase.of(
            "analysis of the wrong types",
            "{\"callId\":\"c\",\"callAnalysis\":{\"summary\":{},\"mood\":[],\"score\":\"high\","
                + "\"callOutcome\":1,\"classification\":{},"
                + "\"sentiment\":{\"label\":{\"overall\":\"positive\"}}}}",
            postCall(
                e -> {
                  assertThat(e.callAnalysis().summary()).isNull();
                  assertThat(e.callAnalysis().mood()).isNull();
                  assertThat(e.callAnalysis().score()).isNull();
                  assertThat(e.callAnalysis().callOutcome()).isEqualTo("1");
                  assertThat(e.callAnalysis().classification()).isNull();
                  assertThat(e.callAnalysis().sentimentLabel()).isEqualTo("positive");
                  assertThat(e.callSummary().sentiment()).isEqualTo(CallSummary.Sentiment.POSITIVE);
                })));
    cases.add(
        HostileCase.of(
            "score of 1e999999999 is kept as a BigDecimal",
            "{\"callId\":\"c\",\"callAnalysis\":{\"score\":1e999999999}}",
            postCall(
                e ->
                    assertThat(e.callAnalysis().score())
                        .isEqualTo(new BigDecimal("1e999999999")))));
    cases.add(
        HostileCase.of(
            "action items as an array of 1,000,000",
            "{\"callId\":\"c\",\"callAnalysis\":{\"actionItems\":"
                + Payloads.zeros(1_000_000)
                + "}}",
            postCall(e -> assertThat(e.callAnalysis().actionItemsAsList()).hasSize(1_000_000))));
  }

  private static void scheduled(List<HostileCase> cases, String value, Instant expected) {
    cases.add(
        HostileCase.of(
            "scheduledTime " + (value.length() > 40 ? value.length() + " characters" : value),
            "{\"callId\":\"c\",\"callerDetails\":{\"scheduledTime\":\"" + value + "\"}}",
            postCall(
                e -> assertThat(e.callerDetails().scheduledTimeAsInstant()).isEqualTo(expected))));
  }

  private static HostileCase.Expectation postCall(Consumer<PostCallEvent> checks) {
    return event(PostCallEvent.class, checks);
  }
}
