package io.voicehooks.vaani;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.voicehooks.core.CallSummary;
import io.voicehooks.core.CallSummary.Role;
import io.voicehooks.core.CallSummary.Sentiment;
import io.voicehooks.core.FinishedCallEvent;
import io.voicehooks.core.JsonLimits;
import io.voicehooks.core.PayloadTooLargeException;
import io.voicehooks.core.SharedSecretVerifier;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookParseException;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookVerificationException;
import io.voicehooks.core.internal.Digests;
import io.voicehooks.fixtures.Fixtures;
import io.voicehooks.fixtures.StdErr;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

final class VaaniWebhookParserTest {
  private static final VaaniWebhookParser PARSER = VaaniWebhookParser.create();

  private VaaniEvent parseFixture(String name) {
    return PARSER.parse(WebhookRequest.of(Fixtures.bytes("vaani", name)));
  }

  @Test
  void parse_callStarted_mapsEveryField() {
    CallStartedEvent event = (CallStartedEvent) parseFixture("call_started.json");
    assertThat(event.roomName()).isEqualTo("room_123abc");
    assertThat(event.status().value()).isEqualTo(CallStatus.DIALING);
    assertThat(event.status().raw()).isEqualTo("dialing");
    assertThat(event.phoneNumber()).isEqualTo("+1234567890");
    assertThat(event.eventType()).isEqualTo("call_started");
    assertThat(event.idempotencyKey()).isEqualTo("vaani:call_started:room_123abc");
  }

  @Test
  void parse_callRinging_mapsEveryField() {
    CallRingingEvent event = (CallRingingEvent) parseFixture("call_ringing.json");
    assertThat(event.roomName()).isEqualTo("room_123abc");
    assertThat(event.status().value()).isEqualTo(CallStatus.RINGING);
    assertThat(event.status().raw()).isEqualTo("ringing");
    assertThat(event.eventType()).isEqualTo("call_ringing");
    assertThat(event.idempotencyKey()).isEqualTo("vaani:call_ringing:room_123abc");
  }

  @Test
  void parse_userPickedUp_mapsEveryField() {
    UserPickedUpEvent event = (UserPickedUpEvent) parseFixture("user_picked_up_at.json");
    assertThat(event.roomName()).isEqualTo("room_123abc");
    assertThat(event.status().value()).isEqualTo(CallStatus.ACTIVE);
    assertThat(event.status().raw()).isEqualTo("active");
    assertThat(event.eventType()).isEqualTo("user_picked_up_at");
    assertThat(event.idempotencyKey()).isEqualTo("vaani:user_picked_up_at:room_123abc");
  }

  @Test
  void parse_callRejected_mapsEveryField() {
    CallRejectedEvent event = (CallRejectedEvent) parseFixture("call_rejected.json");
    assertThat(event.roomName()).isEqualTo("room_123abc");
    assertThat(event.status().value()).isEqualTo(CallStatus.REJECTED);
    assertThat(event.status().raw()).isEqualTo("rejected");
    assertThat(event.eventType()).isEqualTo("call_rejected");
    assertThat(event.idempotencyKey()).isEqualTo("vaani:call_rejected:room_123abc");
  }

  @Test
  void parse_callNoAnswer_mapsEveryField() {
    CallNoAnswerEvent event = (CallNoAnswerEvent) parseFixture("call_no_answer.json");
    assertThat(event.roomName()).isEqualTo("room_123abc");
    assertThat(event.status().value()).isEqualTo(CallStatus.NO_ANSWER);
    assertThat(event.status().raw()).isEqualTo("no_answer");
    assertThat(event.eventType()).isEqualTo("call_no_answer");
    assertThat(event.idempotencyKey()).isEqualTo("vaani:call_no_answer:room_123abc");
  }

  @Test
  void parse_callFailed_mapsEveryField() {
    CallFailedEvent event = (CallFailedEvent) parseFixture("call_failed.json");
    assertThat(event.roomName()).isEqualTo("room_123abc");
    assertThat(event.status().value()).isEqualTo(CallStatus.FAILED);
    assertThat(event.status().raw()).isEqualTo("failed");
    assertThat(event.error()).isEqualTo("SIP_404_NOT_FOUND");
    assertThat(event.sipCode()).isEqualTo(404);
    assertThat(event.eventType()).isEqualTo("call_failed");
    assertThat(event.idempotencyKey()).isEqualTo("vaani:call_failed:room_123abc");
  }

  @Test
  void parse_humanTransferInitiated_mapsEveryField() {
    HumanTransferInitiatedEvent event =
        (HumanTransferInitiatedEvent) parseFixture("human_transfer_initiated.json");
    assertThat(event.roomName()).isEqualTo("room_123abc");
    assertThat(event.transferType().value()).isEqualTo(TransferType.WARM);
    assertThat(event.transferType().raw()).isEqualTo("warm");
    assertThat(event.phoneNumber()).isEqualTo("+919876543210");
    assertThat(event.eventType()).isEqualTo("human_transfer_initiated");
    assertThat(event.idempotencyKey())
        .isEqualTo("vaani:human_transfer_initiated:room_123abc:de9119acec39ea0a47ed0f9f4af104c1");
  }

  @Test
  void parse_humanTransferSuccessful_mapsEveryField() {
    HumanTransferSucceededEvent event =
        (HumanTransferSucceededEvent) parseFixture("human_transfer_successful.json");
    assertThat(event.roomName()).isEqualTo("room_123abc");
    assertThat(event.transferType().value()).isEqualTo(TransferType.WARM);
    assertThat(event.transferType().raw()).isEqualTo("warm");
    assertThat(event.phoneNumber()).isEqualTo("+919876543210");
    assertThat(event.agentIdentity()).isEqualTo("human_agent_1712485300");
    assertThat(event.eventType()).isEqualTo("human_transfer_successful");
    assertThat(event.idempotencyKey())
        .isEqualTo("vaani:human_transfer_successful:room_123abc:88f693315ec4fe3df12d32b6f14432d6");
  }

  @Test
  void parse_humanTransferFailed_mapsEveryField() {
    HumanTransferFailedEvent event =
        (HumanTransferFailedEvent) parseFixture("human_transfer_failed.json");
    assertThat(event.roomName()).isEqualTo("room_123abc");
    assertThat(event.transferType().value()).isEqualTo(TransferType.WARM);
    assertThat(event.transferType().raw()).isEqualTo("warm");
    assertThat(event.phoneNumber()).isEqualTo("+919876543210");
    assertThat(event.reason().value()).isEqualTo(TransferFailureReason.BUSY);
    assertThat(event.reason().raw()).isEqualTo("busy");
    assertThat(event.sipStatus()).isEqualTo("busy");
    assertThat(event.eventType()).isEqualTo("human_transfer_failed");
    assertThat(event.idempotencyKey())
        .isEqualTo("vaani:human_transfer_failed:room_123abc:ac8fc80fce3b004a68bb3049bdae361c");
  }

  @Test
  void parse_callEnded_mapsEveryFieldWithDurationInSeconds() {
    CallEndedEvent event = (CallEndedEvent) parseFixture("call_ended.json");
    assertThat(event.roomName()).isEqualTo("room_123abc");
    assertThat(event.callDuration()).isEqualTo(Duration.ofMillis(42_500));
    assertThat(event.endReason().value()).isEqualTo(EndReason.AGENT_REQUESTED_DISCONNECT);
    assertThat(event.endReason().raw()).isEqualTo("AGENT_REQUESTED_DISCONNECT");
    assertThat(event.eventType()).isEqualTo("call_ended");
    assertThat(event.idempotencyKey()).isEqualTo("vaani:call_ended:room_123abc");
  }

  @Test
  void parse_callPostprocessing_mapsEveryFieldWithDurationInMillis() {
    CallPostprocessingEvent event =
        (CallPostprocessingEvent) parseFixture("call_postprocessing.json");
    assertThat(event.roomName()).isEqualTo("room_123abc");
    assertThat(event.callDuration()).isEqualTo(Duration.ofMillis(42_500));
    assertThat(event.transcript()).isEqualTo("User: Hello. Agent: Hi, how can I help you? ...");
    assertThat(event.turns())
        .containsExactly(
            new CallSummary.Turn(Role.USER, "Hello.", null),
            new CallSummary.Turn(Role.AGENT, "Hi, how can I help you? ...", null));
    assertThat(event.summary())
        .isEqualTo("Customer called to inquire about service availability in Mumbai.");
    assertThat(event.entities())
        .containsExactly(Map.entry("location", "Mumbai"), Map.entry("intent", "service_inquiry"));
    assertThat(event.recordingUrl()).isEqualTo("https://storage.vaani.ai/recordings/call_123.mp3");
    assertThat(event.eventType()).isEqualTo("call_postprocessing");
    assertThat(event.idempotencyKey()).isEqualTo("vaani:call_postprocessing:room_123abc");
  }

  @Test
  void parse_callDuration_secondsAndMillisGiveTheSameDuration() {
    CallEndedEvent ended = (CallEndedEvent) parseFixture("call_ended.json");
    CallPostprocessingEvent processed =
        (CallPostprocessingEvent) parseFixture("call_postprocessing.json");
    assertThat(ended.callDuration()).isEqualTo(processed.callDuration());
    assertThat(ended.callDuration().toNanos() / 1e9).isEqualTo(42.5);
    assertThat(processed.callDuration().toMillis()).isEqualTo(42_500);
  }

  @Test
  void parse_callDuration_readsIntegersNumericStringsAndSubMillisecondValues() {
    assertThat(ended("125").callDuration()).isEqualTo(Duration.ofSeconds(125));
    assertThat(ended("\"42.5\"").callDuration()).isEqualTo(Duration.ofMillis(42_500));
    assertThat(ended("0.000001").callDuration()).isEqualTo(Duration.ofNanos(1_000));
    assertThat(postprocessed("125").callDuration()).isEqualTo(Duration.ofMillis(125));
    assertThat(postprocessed("42500.5").callDuration())
        .isEqualTo(Duration.ofMillis(42_500).plusNanos(500_000));
    assertThat(postprocessed("\"61250\"").callDuration()).isEqualTo(Duration.ofMillis(61_250));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"\"n/a\"", "\"\"", "-1", "\"-42.5\"", "{}", "[1]", "true", "null", "1e30"})
  void parse_callDurationUnreadable_readsAsNullInBothEvents(String value) {
    CallEndedEvent ended = ended(value);
    CallPostprocessingEvent processed = postprocessed(value);
    assertThat(ended.callDuration()).isNull();
    assertThat(ended.roomName()).isEqualTo("r1");
    assertThat(processed.callDuration()).isNull();
    assertThat(processed.callSummary().duration()).isNull();
  }

  private static CallEndedEvent ended(String duration) {
    return (CallEndedEvent)
        PARSER.parse(
            "{\"event\":\"call_ended\",\"room_name\":\"r1\",\"call_duration\":" + duration + "}");
  }

  private static CallPostprocessingEvent postprocessed(String duration) {
    return (CallPostprocessingEvent)
        PARSER.parse(
            "{\"event\":\"call_postprocessing\",\"room_name\":\"r1\",\"call_duration\":"
                + duration
                + "}");
  }

  @Test
  void callSummary_postprocessing_isTheProviderNeutralView() {
    FinishedCallEvent finished = (FinishedCallEvent) parseFixture("call_postprocessing.json");
    CallSummary call = finished.callSummary();
    assertThat(call.provider()).isEqualTo("vaani");
    assertThat(call.callId()).isEqualTo("room_123abc");
    assertThat(call.outcome()).isEqualTo(CallSummary.Outcome.UNKNOWN);
    assertThat(call.providerStatus()).isNull();
    assertThat(call.businessOutcome()).isNull();
    assertThat(call.startedAt()).isNull();
    assertThat(call.endedAt()).isNull();
    assertThat(call.duration()).isEqualTo(Duration.ofMillis(42_500));
    assertThat(call.summary())
        .isEqualTo("Customer called to inquire about service availability in Mumbai.");
    assertThat(call.sentiment()).isEqualTo(Sentiment.UNKNOWN);
    assertThat(call.recordingUrl()).isEqualTo("https://storage.vaani.ai/recordings/call_123.mp3");
    assertThat(call.transcript())
        .extracting(CallSummary.Turn::role)
        .containsExactly(Role.USER, Role.AGENT);
    assertThat(call.customerPhoneNumber()).isNull();
    assertThat(call.agentPhoneNumber()).isNull();
    assertThat(call.correlation())
        .containsExactly(Map.entry("location", "Mumbai"), Map.entry("intent", "service_inquiry"));
  }

  @Test
  void parse_postprocessingWithRestLabels_splitsTurnsAndKeepsEveryEntityType() {
    CallPostprocessingEvent event =
        (CallPostprocessingEvent) parseFixture("call_postprocessing.rest-labels.json");
    assertThat(event.roomName()).isEqualTo("room-f5237622");
    assertThat(event.callDuration()).isEqualTo(Duration.ofMillis(61_250));
    assertThat(event.transcript()).startsWith("AGENT: Namaste!").contains("\n\n USER: ");
    assertThat(event.turns())
        .containsExactly(
            new CallSummary.Turn(
                Role.AGENT,
                "Namaste! This is Priya from Vaani Telecom. Am I speaking with Rahul?",
                null),
            new CallSummary.Turn(Role.USER, "Yes, speaking.", null),
            new CallSummary.Turn(
                Role.AGENT, "Your broadband plan renews on the 5th. Shall I renew it?", null),
            new CallSummary.Turn(Role.USER, "Not now, call me next week.", null));
    assertThat(event.summary())
        .isEqualTo("Customer asked to be called back next week about the renewal.");
    Map<String, Object> entities = event.entities();
    assertThat(entities).hasSize(8);
    assertThat(entities.get("callback_requested")).isEqualTo(true);
    assertThat(entities.get("callback_in_days")).isEqualTo(7);
    assertThat(entities.get("interested")).isEqualTo("No");
    assertThat(entities).containsKey("objection");
    assertThat(entities.get("objection")).isNull();
    assertThat((BigDecimal) entities.get("score")).isEqualByComparingTo("0.35");
    assertThat(entities.get("customer_sentiment")).isEqualTo("Neutral");
    assertThat(entities.get("products")).isEqualTo(List.of("broadband", "dth"));
    assertThat(entities.get("address")).isEqualTo(Map.of("city", "Pune", "pin", "411001"));
    assertThatThrownBy(() -> entities.put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<?>) entities.get("products")).clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(event.recordingUrl())
        .isEqualTo("https://storage.vaani.ai/recordings/room-f5237622.mp3");
    assertThat(event.callSummary().sentiment()).isEqualTo(Sentiment.NEUTRAL);
  }

  @Test
  void parse_postprocessingWithoutLabels_givesOneOtherTurnAndNulls() {
    CallPostprocessingEvent event =
        (CallPostprocessingEvent) parseFixture("call_postprocessing.no-labels.json");
    assertThat(event.roomName()).isEqualTo("room_456def");
    assertThat(event.callDuration()).isEqualTo(Duration.ZERO);
    assertThat(event.transcript()).isEqualTo("Caller disconnected before the greeting finished.");
    assertThat(event.turns())
        .containsExactly(
            new CallSummary.Turn(
                Role.OTHER, "Caller disconnected before the greeting finished.", null));
    assertThat(event.summary()).isNull();
    assertThat(event.entities()).isEmpty();
    assertThat(event.recordingUrl()).isNull();
  }

  @Test
  void parse_postprocessingWithOnlyRoomName_hasEmptyCollections() {
    CallPostprocessingEvent event =
        (CallPostprocessingEvent)
            PARSER.parse("{\"event\":\"call_postprocessing\",\"room_name\":\"r1\"}");
    assertThat(event.callDuration()).isNull();
    assertThat(event.transcript()).isNull();
    assertThat(event.turns()).isEmpty();
    assertThat(event.entities()).isEmpty();
    assertThat(event.callSummary().transcript()).isEmpty();
    assertThat(event.callSummary().correlation()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"Mumbai\"", "[1,2]", "42", "null"})
  void parse_entitiesNotAnObject_readAsEmpty(String value) {
    CallPostprocessingEvent event =
        (CallPostprocessingEvent)
            PARSER.parse(
                "{\"event\":\"call_postprocessing\",\"room_name\":\"r1\",\"entities\":"
                    + value
                    + "}");
    assertThat(event.entities()).isEmpty();
  }

  @Test
  void parse_eventLast_bindsTheSameRecord() {
    CallEndedEvent event = (CallEndedEvent) parseFixture("call_ended.event-last.json");
    assertThat(event.roomName()).isEqualTo("room_123abc");
    assertThat(event.callDuration()).isEqualTo(Duration.ofSeconds(125));
    assertThat(event.endReason().value()).isEqualTo(EndReason.CLIENT_INITIATED);
    assertThat(event.idempotencyKey()).isEqualTo("vaani:call_ended:room_123abc");
  }

  @Test
  void parse_extraFields_areKeptAsSent() {
    CallEndedEvent event = (CallEndedEvent) parseFixture("call_ended.extra-fields.json");
    Map<String, Object> metadata = new java.util.LinkedHashMap<>();
    metadata.put("crm_id", "C-1");
    metadata.put("tags", java.util.Arrays.asList("vip", null));
    assertThat(event)
        .isEqualTo(
            new CallEndedEvent(
                "room_123abc",
                Duration.ofMillis(42_500),
                io.voicehooks.core.OpenEnum.of(EndReason.class, "AGENT_REQUESTED_DISCONNECT"),
                Map.of(
                    "agent_id", "agent_42",
                    "metadata", metadata,
                    "direction", "outbound",
                    "ended_at", "2026-04-07T10:15:00Z")));
    assertThat(event.extraFields().keySet())
        .as("in the order sent")
        .containsExactly("agent_id", "metadata", "direction", "ended_at");
  }

  @Test
  void parse_roomNameAsObject_isRejectedByName() {
    assertThatThrownBy(() -> PARSER.parse("{\"event\":\"call_ended\",\"room_name\":{\"id\":1}}"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage("Field 'room_name' must be a string or an integer in 'call_ended' event");
  }

  @Test
  void parse_unknownEnumValues_keepTheRawString() {
    CallStartedEvent started = (CallStartedEvent) parseFixture("call_started.unknown-values.json");
    assertThat(started.status().value()).isEqualTo(CallStatus.UNKNOWN);
    assertThat(started.status().isUnknown()).isTrue();
    assertThat(started.status().raw()).isEqualTo("queued");
    assertThat(started.roomName()).isEqualTo("room_789ghi");
    assertThat(started.phoneNumber()).isEqualTo("+14155550123");

    HumanTransferFailedEvent failed =
        (HumanTransferFailedEvent)
            PARSER.parse(
                "{\"event\":\"human_transfer_failed\",\"room_name\":\"r1\","
                    + "\"transfer_type\":\"blind\",\"reason\":\"no-answer\",\"sip_status\":\"480\"}");
    assertThat(failed.transferType().value()).isEqualTo(TransferType.UNKNOWN);
    assertThat(failed.transferType().raw()).isEqualTo("blind");
    assertThat(failed.reason().value())
        .as("the event table's hyphenated spelling")
        .isEqualTo(TransferFailureReason.NO_ANSWER);
    assertThat(failed.reason().raw()).isEqualTo("no-answer");
    assertThat(failed.sipStatus()).isEqualTo("480");
    assertThat(failed.phoneNumber()).isNull();

    CallEndedEvent ended =
        (CallEndedEvent)
            PARSER.parse(
                "{\"event\":\"call_ended\",\"room_name\":\"r1\",\"end_reason\":\"CALLER_HUNG_UP\"}");
    assertThat(ended.endReason().value()).isEqualTo(EndReason.UNKNOWN);
    assertThat(ended.endReason().raw()).isEqualTo("CALLER_HUNG_UP");
    assertThat(ended.callDuration()).isNull();
  }

  @Test
  void parse_documentedEnumSpellings_matchTheirConstants() {
    HumanTransferFailedEvent failed =
        (HumanTransferFailedEvent)
            PARSER.parse(
                "{\"event\":\"human_transfer_failed\",\"room_name\":\"r1\","
                    + "\"transfer_type\":\"COLD\",\"reason\":\"no_answer\"}");
    assertThat(failed.transferType().value()).isEqualTo(TransferType.COLD);
    assertThat(failed.reason().value()).isEqualTo(TransferFailureReason.NO_ANSWER);
    for (EndReason reason : EndReason.values()) {
      CallEndedEvent ended =
          (CallEndedEvent)
              PARSER.parse(
                  "{\"event\":\"call_ended\",\"room_name\":\"r1\",\"end_reason\":\""
                      + reason.name()
                      + "\"}");
      assertThat(ended.endReason().value()).isEqualTo(reason);
    }
  }

  @Test
  void sipCode_readsOnlySipErrors() {
    assertThat(failed("\"SIP_503_SERVICE_UNAVAILABLE\"").sipCode()).isEqualTo(503);
    assertThat(failed("\"sip-486-busy-here\"").sipCode()).isEqualTo(486);
    assertThat(failed("\"SIP_4040\"").sipCode()).isNull();
    assertThat(failed("\"NETWORK_TIMEOUT\"").sipCode()).isNull();
    assertThat(failed("\"\"").sipCode()).isNull();
    assertThat(failed("null").sipCode()).isNull();
    assertThat(failed("null").error()).isNull();
  }

  private static CallFailedEvent failed(String error) {
    return (CallFailedEvent)
        PARSER.parse("{\"event\":\"call_failed\",\"room_name\":\"r1\",\"error\":" + error + "}");
  }

  @Test
  void parse_unknownEvent_keepsTypeRawJsonAndRoomName() {
    String raw = Fixtures.text("vaani", "unknown-event.json");
    UnknownVaaniEvent event = (UnknownVaaniEvent) PARSER.parse(raw);
    assertThat(event.eventType()).isEqualTo("call_recording_ready");
    assertThat(event.rawJson()).isEqualTo(raw);
    assertThat(event.roomName()).isEqualTo("room_123abc");
    assertThat(event.fields())
        .containsEntry("recording_url", "https://storage.vaani.ai/recordings/call_123.mp3")
        .containsEntry("size_bytes", 482133)
        .containsEntry("event", "call_recording_ready");
    assertThat(event.idempotencyKey())
        .isEqualTo("vaani:call_recording_ready:" + Digests.sha256Hex(raw))
        .matches("vaani:call_recording_ready:[0-9a-f]{64}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"event\":\"call_queued\"}",
        "{\"event\":\"call_queued\",\"room_name\":null}",
        "{\"event\":\"call_queued\",\"room_name\":\" \"}",
        "{\"event\":\"call_queued\",\"room_name\":{\"id\":\"r1\"}}"
      })
  void parse_unknownEventWithoutRoomName_parsesWithNullRoomName(String json) {
    UnknownVaaniEvent event = (UnknownVaaniEvent) PARSER.parse(json);
    assertThat(event.eventType()).isEqualTo("call_queued");
    assertThat(event.roomName()).isNull();
    assertThat(event.idempotencyKey()).startsWith("vaani:call_queued:").hasSize(18 + 64);
  }

  @Test
  void parse_unknownEvent_differentBodiesHaveDifferentKeys() {
    VaaniEvent a = PARSER.parse("{\"event\":\"x\",\"room_name\":\"r1\"}");
    VaaniEvent b = PARSER.parse("{\"event\":\"x\",\"room_name\":\"r2\"}");
    VaaniEvent again = PARSER.parse("{\"event\":\"x\",\"room_name\":\"r1\"}");
    assertThat(a.idempotencyKey()).isNotEqualTo(b.idempotencyKey());
    assertThat(a.idempotencyKey()).isEqualTo(again.idempotencyKey());
  }

  @Test
  void parse_bytesStringAndRequest_giveEqualEvents() {
    String json = Fixtures.text("vaani", "human_transfer_failed.json");
    assertThat(PARSER.parse(json))
        .isEqualTo(PARSER.parse(json.getBytes(UTF_8)))
        .isEqualTo(PARSER.parse(WebhookRequest.of(json.getBytes(UTF_8))));
  }

  @ParameterizedTest
  @FieldSource("io.voicehooks.fixtures.Fixtures#VAANI_EVENT_TYPES")
  void parse_knownEventWithoutRoomName_failsNamingTheField(String type) {
    for (String body :
        List.of(
            "{\"event\":\"" + type + "\"}",
            "{\"event\":\"" + type + "\",\"room_name\":null}",
            "{\"event\":\"" + type + "\",\"room_name\":\"\"}",
            "{\"event\":\"" + type + "\",\"room_name\":\"  \"}",
            "{\"event\":\"" + type + "\",\"room_name\":[\"r1\"]}",
            "{\"room_name\":{},\"status\":\"x\",\"event\":\"" + type + "\"}")) {
      WebhookParseException e =
          catchThrowableOfType(WebhookParseException.class, () -> PARSER.parse(body));
      assertThat(e).as(body).isNotNull();
      assertThat(e.getMessage()).contains("room_name").contains(type);
      assertThat(e.fieldPath()).isEqualTo("room_name");
      assertThat(e.eventType()).isEqualTo(type);
    }
  }

  @Test
  void parse_everyKnownTypeWithRoomName_parsesToItsRecord() {
    for (String type : Fixtures.VAANI_EVENT_TYPES) {
      VaaniEvent event = PARSER.parse("{\"event\":\"" + type + "\",\"room_name\":\"r1\"}");
      assertThat(event).isNotInstanceOf(UnknownVaaniEvent.class);
      assertThat(event.eventType()).isEqualTo(type);
      assertThat(event.roomName()).isEqualTo("r1");
      if (type.startsWith("human_transfer_")) {
        assertThat(event.idempotencyKey()).matches("vaani:" + type + ":r1:[0-9a-f]{32}");
      } else {
        assertThat(event.idempotencyKey()).isEqualTo("vaani:" + type + ":r1");
      }
    }
  }

  @Test
  void parse_missingEvent_failsNamingTheField() {
    assertThatThrownBy(() -> PARSER.parse("{\"room_name\":\"r1\",\"status\":\"dialing\"}"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("event");
    assertThatThrownBy(() -> PARSER.parse("{\"event\":\"\",\"room_name\":\"r1\"}"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("event");
    assertThatThrownBy(() -> PARSER.parse("{\"event\":null,\"room_name\":\"r1\"}"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("event");
    assertThatThrownBy(() -> PARSER.parse("{\"event\":42,\"room_name\":\"r1\"}"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("event");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "<xml/>",
        "[]",
        "[{\"event\":\"call_started\",\"room_name\":\"r1\"}]",
        "\"call_started\"",
        "42",
        "null",
        "{\"event\":\"call_started\",\"room_name\":\"r1\"",
        "{\"event\":\"call_started\",\"room_name\":\"r1\"} {}",
        "{\"event\":\"call_started\",\"room_name\":\"r1\",\"room_name\":\"r2\"}",
        "{\"event\":\"call_started\" \"room_name\":\"r1\"}",
        "{\"event\":\"brand_new\",\"room_name\":\"r1\",}"
      })
  void parse_notAJsonObject_failsWithParseException(String body) {
    assertThatThrownBy(() -> PARSER.parse(body)).isExactlyInstanceOf(WebhookParseException.class);
  }

  @Test
  void parse_malformedJson_messageNamesNoValue() {
    assertThatThrownBy(() -> PARSER.parse("{\"event\":\"call_started\",\"room_name\":\"+9198"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageNotContaining("+9198");
  }

  @Test
  void builder_limits_areEnforced() {
    VaaniWebhookParser small =
        VaaniWebhookParser.builder()
            .limits(JsonLimits.defaults().withMaxBodyBytes(100).withMaxDepth(3))
            .build();
    assertThat(small.parse("{\"event\":\"call_ringing\",\"room_name\":\"r1\"}"))
        .isInstanceOf(CallRingingEvent.class);
    assertThatThrownBy(() -> small.parse(Fixtures.text("vaani", "call_postprocessing.json")))
        .isInstanceOf(PayloadTooLargeException.class);
    assertThatThrownBy(
            () ->
                small.parse(
                    "{\"event\":\"call_postprocessing\",\"room_name\":\"r\","
                        + "\"entities\":{\"a\":{\"b\":[1]}}}"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("nesting depth");
    assertThatThrownBy(() -> VaaniWebhookParser.builder().limits(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("limits");
  }

  @Test
  void parse_nullRequest_isRejected() {
    assertThatThrownBy(() -> PARSER.parse((WebhookRequest) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("request");
  }

  @Test
  void verifier_checksTheUrlSecretFirst_andStoredDeliveriesSkipIt() {
    VaaniWebhookParser parser =
        VaaniWebhookParser.builder()
            .verifier(SharedSecretVerifier.queryParameter("token", "a-url-secret-of-some-length"))
            .build();
    byte[] body = Fixtures.bytes("vaani", "call_started.json");

    assertThat(
            parser.parse(
                WebhookRequest.of(
                    "/webhooks/vaani?token=a-url-secret-of-some-length",
                    WebhookHeaders.empty(),
                    body)))
        .isInstanceOf(CallStartedEvent.class);
    assertThatThrownBy(
            () ->
                parser.parse(
                    WebhookRequest.of("/webhooks/vaani?token=wrong", WebhookHeaders.empty(), body)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageNotContaining("wrong");
    assertThatThrownBy(() -> parser.parse(body))
        .as("no request target, so no secret")
        .isInstanceOf(WebhookVerificationException.class);
    assertThat(parser.forStoredDeliveries().parse(body)).isInstanceOf(CallStartedEvent.class);
    assertThat(parser.verifies()).isTrue();
    assertThat(parser.forStoredDeliveries().verifies()).isFalse();
    assertThat(parser)
        .hasToString(
            "VaaniWebhookParser[verifier=SharedSecretVerifier[queryParameter=token, secrets=1]]");
  }

  @Test
  void create_withoutVerifier_warnsOncePerParserAtItsFirstParse() {
    String log =
        StdErr.during(
            () -> {
              VaaniWebhookParser unverified = VaaniWebhookParser.create();
              VaaniWebhookParser.create(); // built, never used: silent
              unverified.parse(Fixtures.bytes("vaani", "call_started.json"));
              unverified.parse(Fixtures.bytes("vaani", "call_started.json"));
              unverified.forStoredDeliveries().parse(Fixtures.bytes("vaani", "call_started.json"));
              VaaniWebhookParser.create().parse(Fixtures.bytes("vaani", "call_started.json"));
            });
    assertThat(log.lines().filter(line -> line.contains("has no verifier")))
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).contains("WARN").contains("VaaniWebhookParser"));
  }
}
