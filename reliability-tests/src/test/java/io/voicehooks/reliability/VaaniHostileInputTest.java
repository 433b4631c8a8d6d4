package io.voicehooks.reliability;

import static io.voicehooks.reliability.HostileCase.event;
import static io.voicehooks.reliability.HostileCase.rejected;
import static io.voicehooks.reliability.HostileCase.unknown;
import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.core.WebhookParseException;
import io.voicehooks.vaani.CallEndedEvent;
import io.voicehooks.vaani.CallFailedEvent;
import io.voicehooks.vaani.CallNoAnswerEvent;
import io.voicehooks.vaani.CallPostprocessingEvent;
import io.voicehooks.vaani.CallRejectedEvent;
import io.voicehooks.vaani.CallRingingEvent;
import io.voicehooks.vaani.CallStartedEvent;
import io.voicehooks.vaani.EndReason;
import io.voicehooks.vaani.HumanTransferFailedEvent;
import io.voicehooks.vaani.HumanTransferInitiatedEvent;
import io.voicehooks.vaani.HumanTransferSucceededEvent;
import io.voicehooks.vaani.UnknownVaaniEvent;
import io.voicehooks.vaani.UserPickedUpEvent;
import io.voicehooks.vaani.VaaniEvent;
import io.voicehooks.vaani.VaaniWebhookParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hostile-input catalogue for {@link VaaniWebhookParser}. */
final class VaaniHostileInputTest {
  private static final VaaniWebhookParser PARSER = VaaniWebhookParser.create();

  static final String VALID = "{\"event\":\"call_started\",\"room_name\":\"room_1\"}";

  private static final Map<String, Class<? extends VaaniEvent>> TYPES =
      Map.ofEntries(
          Map.entry("call_started", CallStartedEvent.class),
          Map.entry("call_ringing", CallRingingEvent.class),
          Map.entry("user_picked_up_at", UserPickedUpEvent.class),
          Map.entry("call_rejected", CallRejectedEvent.class),
          Map.entry("call_no_answer", CallNoAnswerEvent.class),
          Map.entry("call_failed", CallFailedEvent.class),
          Map.entry("human_transfer_initiated", HumanTransferInitiatedEvent.class),
          Map.entry("human_transfer_successful", HumanTransferSucceededEvent.class),
          Map.entry("human_transfer_failed", HumanTransferFailedEvent.class),
          Map.entry("call_ended", CallEndedEvent.class),
          Map.entry("call_postprocessing", CallPostprocessingEvent.class));

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
                CallStartedEvent.class,
                "event",
                UnknownVaaniEvent.class,
                e -> {
                  assertThat(e.eventType()).isEqualTo("call_started");
                  assertThat(((CallStartedEvent) e).roomName()).isEqualTo("room_1");
                  assertThat(e.idempotencyKey()).isEqualTo("vaani:call_started:room_1");
                }));
    identity(cases);
    durations(cases);
    shapes(cases);
    return cases.stream();
  }

  private static void identity(List<HostileCase> cases) {
    TYPES.forEach(
        (type, record) -> {
          cases.add(
              HostileCase.of(
                  type + " with only room_name",
                  "{\"event\":\"" + type + "\",\"room_name\":\"room_1\"}",
                  event(
                      record,
                      e ->
                          assertThat(e.idempotencyKey())
                              .matches(
                                  type.startsWith("human_transfer_")
                                      // a transfer attempt's key ends in a digest of its fields
                                      ? "vaani:" + type + ":room_1:[0-9a-f]{32}"
                                      : "vaani:" + type + ":room_1"))));
          cases.add(
              HostileCase.of(
                  type + " without room_name",
                  "{\"event\":\"" + type + "\"}",
                  rejected(
                      WebhookParseException.class,
                      "Missing required field 'room_name' in '" + type + "' event")));
        });
    String missing = "Missing required field 'room_name' in 'call_ended' event";
    for (String id : List.of("\"\"", "\"  \"", "null")) {
      cases.add(
          HostileCase.of(
              "room_name " + id,
              "{\"event\":\"call_ended\",\"room_name\":" + id + "}",
              rejected(WebhookParseException.class, missing)));
    }
    String control = "Field 'room_name' contains a control character in 'call_ended' event";
    for (String id : List.of("\"\\t\"", "\"room\\u0000\"")) {
      cases.add(
          HostileCase.of(
              "room_name " + id,
              "{\"event\":\"call_ended\",\"room_name\":" + id + "}",
              rejected(WebhookParseException.class, control)));
    }
    String notAnId = "Field 'room_name' must be a string or an integer in 'call_ended' event";
    for (String id : List.of("true", "42.5", "{}", "[\"room_1\"]")) {
      cases.add(
          HostileCase.of(
              "room_name " + id,
              "{\"event\":\"call_ended\",\"room_name\":" + id + "}",
              rejected(WebhookParseException.class, notAnId)));
    }
    cases.add(
        HostileCase.of(
            "room_name as an integer is its text",
            "{\"event\":\"call_ended\",\"room_name\":42}",
            event(CallEndedEvent.class, e -> assertThat(e.roomName()).isEqualTo("42"))));
    cases.add(
        HostileCase.of(
            "type with a leading space is another type",
            "{\"event\":\" call_started\",\"room_name\":\"room_1\"}",
            unknown(UnknownVaaniEvent.class, " call_started")));
    cases.add(
        HostileCase.of(
            "unknown event keeps its room",
            "{\"event\":\"call_recording_ready\",\"room_name\":\"room_1\",\"size\":1}",
            event(
                UnknownVaaniEvent.class,
                e -> {
                  assertThat(e.roomName()).isEqualTo("room_1");
                  assertThat(e.fields()).containsEntry("size", 1);
                })));
    cases.add(
        HostileCase.of(
            "2 MB string in an unknown event (string limit not applied to skipped values:"
                + " questionable)",
            () -> Payloads.repeat("{\"event\":\"brand.new\",\"x\":\"", 'x', 2 << 20, "\"}"),
            unknown(UnknownVaaniEvent.class, "brand.new")));
  }

  private static void durations(List<HostileCase> cases) {
    ended(cases, "42.5", Duration.ofMillis(42_500));
    ended(cases, "\"42\"", Duration.ofSeconds(42));
    for (String value : List.of("-1", "\"NaN\"", "1e999999999", "99999999999", "true", "{}")) {
      ended(cases, value, null);
    }
    postprocessing(cases, "42500", Duration.ofMillis(42_500));
    postprocessing(cases, "42500.9", Duration.ofNanos(42_500_900_000L));
    for (String value : List.of("-1", "\"x\"", "1e999999999", "[]")) {
      postprocessing(cases, value, null);
    }
  }

  private static void ended(List<HostileCase> cases, String value, Duration expected) {
    cases.add(
        HostileCase.of(
            "call_ended call_duration (seconds) " + value,
            "{\"event\":\"call_ended\",\"room_name\":\"r\",\"call_duration\":" + value + "}",
            event(CallEndedEvent.class, e -> assertThat(e.callDuration()).isEqualTo(expected))));
  }

  private static void postprocessing(List<HostileCase> cases, String value, Duration expected) {
    cases.add(
        HostileCase.of(
            "call_postprocessing call_duration (milliseconds) " + value,
            "{\"event\":\"call_postprocessing\",\"room_name\":\"r\",\"call_duration\":"
                + value
                + "}",
            event(
                CallPostprocessingEvent.class,
                e -> assertThat(e.callDuration()).isEqualTo(expected))));
  }

  private static void shapes(List<HostileCase> cases) {
    cases.add(
        HostileCase.of(
            "unknown end_reason keeps its text",
            "{\"event\":\"call_ended\",\"room_name\":\"r\",\"end_reason\":\"SOLAR_FLARE\"}",
            event(
                CallEndedEvent.class,
                e -> {
                  assertThat(e.endReason().value()).isEqualTo(EndReason.UNKNOWN);
                  assertThat(e.endReason().raw()).isEqualTo("SOLAR_FLARE");
                })));
    cases.add(
        HostileCase.of(
            "every call_postprocessing field of the wrong type",
            "{\"event\":\"call_postprocessing\",\"room_name\":\"r\",\"call_duration\":{},"
                + "\"transcript\":[],\"summary\":{},\"entities\":[1],\"recording_url\":{}}",
            event(
                CallPostprocessingEvent.class,
                e -> {
                  assertThat(e.callDuration()).isNull();
                  assertThat(e.transcript()).isNull();
                  assertThat(e.summary()).isNull();
                  assertThat(e.entities()).isEmpty();
                  assertThat(e.recordingUrl()).isNull();
                  assertThat(e.turns()).isEmpty();
                })));
    cases.add(
        HostileCase.of(
            "every human_transfer_failed field as an object",
            "{\"event\":\"human_transfer_failed\",\"room_name\":\"r\",\"transfer_type\":{},"
                + "\"phone_number\":[],\"reason\":{},\"sip_status\":{}}",
            event(
                HumanTransferFailedEvent.class,
                e -> {
                  assertThat(e.transferType()).isNull();
                  assertThat(e.phoneNumber()).isNull();
                  assertThat(e.reason()).isNull();
                  assertThat(e.sipStatus()).isNull();
                })));
    cases.add(
        HostileCase.of(
            "human_transfer_failed scalars of another type become text (questionable)",
            "{\"event\":\"human_transfer_failed\",\"room_name\":\"r\",\"transfer_type\":1,"
                + "\"phone_number\":5551234,\"reason\":true,\"sip_status\":486}",
            event(
                HumanTransferFailedEvent.class,
                e -> {
                  assertThat(e.transferType().raw()).isEqualTo("1");
                  assertThat(e.phoneNumber()).isEqualTo("5551234");
                  assertThat(e.reason().raw()).isEqualTo("true");
                  assertThat(e.sipStatus()).isEqualTo("486");
                })));
    cases.add(
        HostileCase.of(
            "call_failed with a SIP code in the error",
            "{\"event\":\"call_failed\",\"room_name\":\"r\",\"status\":\"exploded\","
                + "\"error\":\"SIP 486 Busy Here\"}",
            event(
                CallFailedEvent.class,
                e -> {
                  assertThat(e.sipCode()).isEqualTo(486);
                  assertThat(e.status().isUnknown()).isTrue();
                })));
    cases.add(
        HostileCase.of(
            "a transcript of 50,000 labels splits in bounded time",
            "{\"event\":\"call_postprocessing\",\"room_name\":\"r\",\"transcript\":\""
                + "user: a agent: b ".repeat(25_000)
                + "\"}",
            event(CallPostprocessingEvent.class, e -> assertThat(e.turns()).hasSize(50_000))));
  }
}
