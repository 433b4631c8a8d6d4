package io.voicehooks.agntix;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicehooks.core.CallSummary;
import io.voicehooks.core.FinishedCallEvent;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.WebhookParseException;
import io.voicehooks.core.internal.Digests;
import io.voicehooks.fixtures.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class AgntixEventTest {
  private static final AgntixWebhookParser PARSER = AgntixWebhookParser.withoutVerification();
  private static final String SESSION_ID = "4981804c-2658-4893-84ff-9c2fa90fb3c2";
  private static final String AGENT_ID = "40235145-aa3d-443e-9d0c-841dd0716a2f";

  private static AgntixEvent parse(String fixture) {
    return PARSER.parse(Fixtures.bytes("agntix", fixture));
  }

  @Test
  void parse_sessionCreated_mapsEveryField() {
    SessionCreatedEvent event = (SessionCreatedEvent) parse("session.created.json");

    assertThat(event.sessionId()).isEqualTo(SESSION_ID);
    assertThat(event.eventType()).isEqualTo("session.created");
    assertThat(event.idempotencyKey()).isEqualTo("agntix:session.created:" + SESSION_ID);
    assertThat(event.type()).isEqualTo(new OpenEnum<>(SessionType.VOICE, "VOICE"));
    assertThat(event.platform()).isEqualTo(new OpenEnum<>(SessionPlatform.PHONE, "PHONE"));
    assertThat(event.direction()).isEqualTo(new OpenEnum<>(SessionDirection.OUTBOUND, "OUTBOUND"));
    assertThat(event.state()).isEqualTo(new OpenEnum<>(SessionState.OPEN, "OPEN"));
    assertThat(event.agentId()).isEqualTo(AGENT_ID);
    assertThat(event.createdAt()).isEqualTo(Instant.parse("2026-04-08T05:00:01.130Z"));
    assertThat(event.metadata().customerPhoneNumber()).isEqualTo("+971501234567");
    assertThat(event.metadata().roomName()).isEqualTo("outbound_sip_" + AGENT_ID + "^__^7yoamyb");
    assertThat(event.metadata().sessionVariables())
        .containsExactly(
            Map.entry("crmContactId", "CRM-7728"), Map.entry("customerName", "Alex Morgan"));
  }

  @Test
  void parse_sessionCreatedWithEventTypeLast_mapsEveryField() {
    SessionCreatedEvent event = (SessionCreatedEvent) parse("session.created.event-type-last.json");

    assertThat(event.sessionId()).isEqualTo("0b6f1c55-3a8e-4c1e-9f2d-6f1f0e2b7a41");
    assertThat(event.eventType()).isEqualTo("session.created");
    assertThat(event.type().value()).isEqualTo(SessionType.CHAT);
    assertThat(event.platform().value()).isEqualTo(SessionPlatform.WHATSAPP);
    assertThat(event.direction().value()).isEqualTo(SessionDirection.INBOUND);
    assertThat(event.state().value()).isEqualTo(SessionState.OPEN);
    assertThat(event.agentId()).isEqualTo(AGENT_ID);
    assertThat(event.createdAt()).isEqualTo(Instant.parse("2026-04-08T06:12:45.007Z"));
    assertThat(event.metadata().customerPhoneNumber()).isNull();
    assertThat(event.metadata().roomName()).isEqualTo("whatsapp_971501234567");
    assertThat(event.metadata().sessionVariables()).isEmpty();
  }

  @Test
  void parse_sessionEnded_mapsEveryField() {
    SessionEndedEvent event = (SessionEndedEvent) parse("session.ended.json");

    assertThat(event.sessionId()).isEqualTo(SESSION_ID);
    assertThat(event.eventType()).isEqualTo("session.ended");
    assertThat(event.idempotencyKey()).isEqualTo("agntix:session.ended:" + SESSION_ID);
    assertThat(event.type().value()).isEqualTo(SessionType.VOICE);
    assertThat(event.platform().value()).isEqualTo(SessionPlatform.PHONE);
    assertThat(event.direction().value()).isEqualTo(SessionDirection.OUTBOUND);
    assertThat(event.state()).isEqualTo(new OpenEnum<>(SessionState.CLOSED, "CLOSED"));
    assertThat(event.agentId()).isEqualTo(AGENT_ID);
    assertThat(event.createdAt()).isEqualTo(Instant.parse("2026-04-08T05:00:01.130Z"));
    assertThat(event.lastActivityAt()).isEqualTo(Instant.parse("2026-04-08T05:00:09.981Z"));
    assertThat(event.endedAt()).isEqualTo(Instant.parse("2026-04-08T05:00:10.546Z"));
    assertThat(event.updatedAt()).isEqualTo(Instant.parse("2026-04-08T05:00:10.602Z"));
    assertThat(event.duration()).isEqualTo(Duration.ofMillis(9_416));
    assertThat(event.metadata().customerPhoneNumber()).isEqualTo("+971501234567");
    assertThat(event.metadata().roomName()).isEqualTo("outbound_sip_" + AGENT_ID + "^__^7yoamyb");
    assertThat(event.metadata().sessionVariables())
        .containsExactly(
            Map.entry("crmContactId", "CRM-7728"), Map.entry("customerName", "Alex Morgan"));

    SessionAnalysis analysis = event.analysis();
    assertThat(analysis.isEmpty()).isFalse();
    assertThat(analysis.summary())
        .isEqualTo("Customer confirmed delivery slot for Wednesday afternoon.");
    assertThat(analysis.intent().conversation())
        .isEqualTo(
            new DetectedIntent(
                "Slot-Confirmed",
                0.92,
                "Customer agreed to Wednesday afternoon delivery.",
                Map.of()));
    assertThat(analysis.intent().message()).isEqualTo(new DetectedIntent(null, 0.0, "…", Map.of()));

    ResolutionAnalysis resolution = analysis.resolution();
    assertThat(resolution.classification().value()).isEqualTo(ResolutionClassification.RESOLVED);
    assertThat(resolution.confidenceScore()).isEqualTo(0.88);
    assertThat(resolution.status()).isEqualTo("Completed");
    assertThat(resolution.satisfiedChecklistItems()).containsExactly("delivery_slot_agreed");
    assertThat(resolution.evidence()).containsExactly("Customer: yes Wednesday afternoon works.");
    assertThat(resolution.explanation()).isEqualTo("Customer agreed to a specific slot.");

    SentimentAnalysis sentiment = analysis.sentiment();
    assertThat(sentiment.label()).isEqualTo(new OpenEnum<>(SentimentLabel.POSITIVE, "POSITIVE"));
    assertThat(sentiment.score()).isEqualTo(0.64);
    assertThat(sentiment.language()).isEqualTo("en");
    assertThat(sentiment.fields()).containsOnlyKeys("conversation");

    assertThat(analysis.extractedData())
        .containsEntry("deliverySlot", "Wednesday afternoon")
        .containsEntry("orderNumber", 55012)
        .containsEntry("confirmed", true)
        .hasSize(3);
  }

  @Test
  void parse_sessionEndedWithFlatSentimentKeys_readsThemLeniently() {
    SessionEndedEvent event = (SessionEndedEvent) parse("session.ended.sentiment-flat.json");
    SentimentAnalysis sentiment = event.analysis().sentiment();

    assertThat(sentiment.label()).isEqualTo(new OpenEnum<>(SentimentLabel.NEGATIVE, "negative"));
    assertThat(sentiment.score()).isEqualTo(-0.4);
    assertThat(sentiment.language()).isEqualTo("ar");
    assertThat(sentiment.toCallSentiment()).isEqualTo(CallSummary.Sentiment.NEGATIVE);
    assertThat(event.analysis().intent()).isNull();
    assertThat(event.analysis().extractedData()).isEmpty();
    assertThat(event.analysis().resolution().classification().value())
        .isEqualTo(ResolutionClassification.UNRESOLVED);
    assertThat(event.analysis().resolution().satisfiedChecklistItems()).isEmpty();
    assertThat(event.metadata().roomName()).isNull();
    assertThat(event.metadata().sessionVariables())
        .containsEntry("taskId", 9912)
        .containsEntry("campaignId", "spring-26")
        .containsEntry("vip", false);
    assertThat(event.metadata().sessionVariable("taskId")).isEqualTo("9912");
    assertThat(event.metadata().sessionVariable("vip")).isEqualTo("false");
    assertThat(event.metadata().sessionVariable("absent")).isNull();
    assertThat(event.lastActivityAt()).isNull();
    assertThat(event.updatedAt()).isNull();
    assertThat(event.duration()).isEqualTo(Duration.ofMillis(150_500));
  }

  @Test
  void parse_sessionEndedWithoutAnalysis_givesEmptyAnalysisAndMetadata() {
    SessionEndedEvent event = (SessionEndedEvent) parse("session.ended.minimal.json");

    assertThat(event.sessionId()).isEqualTo("c3f1a6e2-5d0b-4e71-8a9c-2b7e4f6d1a08");
    assertThat(event.state().value()).isEqualTo(SessionState.CLOSED);
    assertThat(event.type()).isNull();
    assertThat(event.platform()).isNull();
    assertThat(event.direction()).isNull();
    assertThat(event.agentId()).isNull();
    assertThat(event.createdAt()).isNull();
    assertThat(event.endedAt()).isNull();
    assertThat(event.duration()).isNull();
    assertThat(event.analysis().isEmpty()).isTrue();
    assertThat(event.analysis().summary()).isNull();
    assertThat(event.analysis().sentiment()).isNull();
    assertThat(event.metadata().sessionVariables()).isEmpty();
    assertThat(event.metadata().customerPhoneNumber()).isNull();

    CallSummary call = event.callSummary();
    assertThat(call.outcome()).isEqualTo(CallSummary.Outcome.UNKNOWN);
    assertThat(call.providerStatus()).isEqualTo("CLOSED");
    assertThat(call.businessOutcome()).isNull();
    assertThat(call.sentiment()).isEqualTo(CallSummary.Sentiment.UNKNOWN);
    assertThat(call.summary()).isNull();
    assertThat(call.duration()).isNull();
    assertThat(call.correlation()).isEmpty();
  }

  @Test
  void parse_sessionEndedWithSomeAnalysisPartsOff_leavesThemNull() {
    SessionEndedEvent event = (SessionEndedEvent) parse("session.ended.partial-analysis.json");

    assertThat(event.analysis().summary()).isEqualTo("Visitor asked about opening hours.");
    assertThat(event.analysis().intent()).isNull();
    assertThat(event.analysis().resolution()).isNull();
    assertThat(event.analysis().sentiment()).isNull();
    assertThat(event.analysis().extractedData())
        .containsExactly(Map.entry("topic", "opening hours"));
    assertThat(event.type().value()).isEqualTo(SessionType.CHAT);
    assertThat(event.platform().value()).isEqualTo(SessionPlatform.WEB);
    assertThat(event.metadata().sessionVariable("crmContactId")).isEqualTo("CRM-9001");
    assertThat(event.duration()).isEqualTo(Duration.ofMinutes(4));
  }

  @Test
  void parse_unknownEnumValuesAndWrongTypes_keepRawAndReadAsNull() {
    SessionEndedEvent event = (SessionEndedEvent) parse("session.ended.unknown-values.json");

    assertThat(event.type()).isEqualTo(new OpenEnum<>(SessionType.UNKNOWN, "VIDEO"));
    assertThat(event.platform()).isEqualTo(new OpenEnum<>(SessionPlatform.UNKNOWN, "TELEGRAM"));
    assertThat(event.direction().isUnknown()).isTrue();
    assertThat(event.direction().raw()).isEqualTo("TRANSFERRED");
    assertThat(event.state()).isEqualTo(new OpenEnum<>(SessionState.UNKNOWN, "ARCHIVED"));
    assertThat(event.createdAt()).isNull();
    assertThat(event.endedAt()).isEqualTo(Instant.parse("2026-04-11T09:30:00Z"));
    assertThat(event.duration()).isNull();
    assertThat(event.metadata()).isEqualTo(new SessionMetadata(null, null, Map.of(), Map.of()));
    assertThat(event.analysis().intent().conversation())
        .as("a value that is not a number reads as null and is kept as sent")
        .isEqualTo(
            new DetectedIntent(
                "Escalate", null, "Asked for a person.", Map.of("confidence", "high")));
    assertThat(event.extraFields())
        .containsExactly(
            Map.entry("createdAt", "yesterday at noon"),
            Map.entry("metadata", "not an object"),
            Map.entry("recordingUrl", "https://cdn.example.invalid/rec.mp3"));
    assertThat(event.analysis().resolution().classification())
        .isEqualTo(new OpenEnum<>(ResolutionClassification.UNKNOWN, "ESCALATED"));
    assertThat(event.analysis().resolution().evidence()).containsExactly("ok");
    assertThat(event.analysis().sentiment().label())
        .isEqualTo(new OpenEnum<>(SentimentLabel.UNKNOWN, "MIXED"));
    assertThat(event.analysis().sentiment().toCallSentiment())
        .isEqualTo(CallSummary.Sentiment.UNKNOWN);
    assertThat(event.analysis().extractedData()).isEmpty();

    CallSummary call = event.callSummary();
    assertThat(call.outcome()).isEqualTo(CallSummary.Outcome.UNKNOWN);
    assertThat(call.providerStatus()).isEqualTo("ARCHIVED");
    assertThat(call.businessOutcome()).isEqualTo("ESCALATED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"session.updated", "session.closed", "session.message.created"})
  void parse_undeliveredOrPlannedEventTypes_areUnknownEvents(String eventType) {
    byte[] body = Fixtures.bytes("agntix", eventType + ".json");
    UnknownAgntixEvent event = (UnknownAgntixEvent) PARSER.parse(body);

    assertThat(event.eventType()).isEqualTo(eventType);
    assertThat(event.rawJson()).isEqualTo(new String(body, UTF_8));
    assertThat(event.idempotencyKey())
        .isEqualTo("agntix:" + eventType + ":" + Digests.sha256Hex(new String(body, UTF_8)));
    assertThat(event.fields()).containsEntry("eventType", eventType).containsKey("id");
    assertThat(event.toString()).doesNotContain("\"id\"");
  }

  @Test
  void parse_unknownEventTypesOfOneSession_haveDistinctKeys() {
    String first = "{\"eventType\":\"session.updated\",\"id\":\"s-1\",\"state\":\"OPEN\"}";
    String second = "{\"eventType\":\"session.updated\",\"id\":\"s-1\",\"state\":\"CLOSED\"}";

    assertThat(PARSER.parse(first).idempotencyKey())
        .isNotEqualTo(PARSER.parse(second).idempotencyKey());
  }

  @Test
  void parse_createdAndEndedOfOneSession_haveDistinctKeysSharingTheId() {
    AgntixEvent created = parse("session.created.json");
    AgntixEvent ended = parse("session.ended.json");

    assertThat(created.idempotencyKey()).isNotEqualTo(ended.idempotencyKey());
    assertThat(created.idempotencyKey()).endsWith(":" + SESSION_ID);
    assertThat(ended.idempotencyKey()).endsWith(":" + SESSION_ID);
  }

  @Test
  void parse_missingId_throwsNamingId() {
    assertThatThrownBy(() -> parse("session.ended.missing-id.json"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("'id'")
        .hasMessageContaining("session.ended")
        .satisfies(e -> assertThat(((WebhookParseException) e).fieldPath()).isEqualTo("id"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "null"})
  void parse_emptyOrNullId_throwsNamingId(String id) {
    String body = "{\"eventType\":\"session.created\",\"id\":" + id + ",\"type\":\"VOICE\"}";

    assertThatThrownBy(() -> PARSER.parse(body))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("'id'")
        .hasMessageContaining("session.created");
  }

  @Test
  void parse_sessionTypeWithoutEventType_throwsNamingEventType() {
    String body = "{\"id\":\"s-1\",\"type\":\"VOICE\",\"state\":\"OPEN\"}";

    assertThatThrownBy(() -> PARSER.parse(body))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("eventType");
  }

  @Test
  void parse_notAnObject_throwsParseException() {
    assertThatThrownBy(() -> PARSER.parse("[{\"eventType\":\"session.ended\"}]"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("not a JSON object");
  }

  @Test
  void callSummary_sessionEnded_mapsTheNeutralView() {
    FinishedCallEvent event = (FinishedCallEvent) parse("session.ended.json");
    CallSummary call = event.callSummary();

    assertThat(call.provider()).isEqualTo("agntix");
    assertThat(call.callId()).isEqualTo(SESSION_ID);
    assertThat(call.outcome()).isEqualTo(CallSummary.Outcome.UNKNOWN);
    assertThat(call.providerStatus()).isEqualTo("CLOSED");
    assertThat(call.businessOutcome()).isEqualTo("RESOLVED");
    assertThat(call.startedAt()).isEqualTo(Instant.parse("2026-04-08T05:00:01.130Z"));
    assertThat(call.endedAt()).isEqualTo(Instant.parse("2026-04-08T05:00:10.546Z"));
    assertThat(call.duration()).isEqualTo(Duration.ofMillis(9_416));
    assertThat(call.summary())
        .isEqualTo("Customer confirmed delivery slot for Wednesday afternoon.");
    assertThat(call.sentiment()).isEqualTo(CallSummary.Sentiment.POSITIVE);
    assertThat(call.recordingUrl()).isNull();
    assertThat(call.transcript()).isEmpty();
    assertThat(call.customerPhoneNumber()).isEqualTo("+971501234567");
    assertThat(call.agentPhoneNumber()).isNull();
    assertThat(call.correlation())
        .containsExactly(
            Map.entry("crmContactId", "CRM-7728"), Map.entry("customerName", "Alex Morgan"));
  }

  @Test
  void parse_sessionEnded_keepsUndeclaredKeysInExtraFieldsAndWritesThemBack() throws Exception {
    // session.ended's shape is inferred: a field Agntix puts elsewhere must not be lost.
    String body =
        new String(Fixtures.bytes("agntix", "session.ended.json"), UTF_8)
            .replaceFirst(
                "\\{",
                "{\"recordingUrl\": \"https://rec.example/4981.mp3\", \"durationMs\": 9416,");
    SessionEndedEvent event = (SessionEndedEvent) PARSER.parse(body);

    assertThat(event.extraFields())
        .containsExactly(
            Map.entry("recordingUrl", "https://rec.example/4981.mp3"),
            Map.entry("durationMs", 9416));
    assertThatThrownBy(() -> event.extraFields().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(event.toString()).contains("extraFields=<2 entries>").doesNotContain("rec.example");
    ObjectMapper json = new ObjectMapper();
    JsonNode written = json.readTree(event.toJson());
    JsonNode sent = json.readTree(body);
    assertThat(written.get("recordingUrl").textValue()).isEqualTo("https://rec.example/4981.mp3");
    assertThat(written.get("durationMs").intValue()).isEqualTo(9416);
    assertThat(written.get("eventType").textValue()).isEqualTo("session.ended");
    assertThat(written.get("metadata")).isEqualTo(sent.get("metadata"));
    assertThat(written.get("analysis").get("extractedData"))
        .isEqualTo(sent.get("analysis").get("extractedData"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"CLOSED", "OPEN", "closed", "ARCHIVED"})
  void callSummary_everyState_isAnUnknownOutcomeKeepingTheText(String state) {
    String body = "{\"eventType\":\"session.ended\",\"id\":\"s-1\",\"state\":\"" + state + "\"}";
    CallSummary call = ((SessionEndedEvent) PARSER.parse(body)).callSummary();

    // A closed session says nothing about whether anyone answered: Agntix documents no outcome.
    assertThat(call.outcome()).isEqualTo(CallSummary.Outcome.UNKNOWN);
    assertThat(call.providerStatus()).isEqualTo(state);
  }

  @Test
  void callSummary_withMessages_buildsTurnsWithOffsets() {
    SessionEndedEvent event = (SessionEndedEvent) parse("session.ended.json");
    List<SessionMessage> messages =
        List.of(
            new SessionMessage(
                "m1",
                "Hello, this is Acme deliveries.",
                OpenEnum.of(MessageRole.class, "ASSISTANT"),
                Instant.parse("2026-04-08T05:00:02.130Z"),
                Map.of()),
            new SessionMessage(
                "m2",
                "Hi",
                OpenEnum.of(MessageRole.class, "USER"),
                Instant.parse("2026-04-08T05:00:03.630Z"),
                Map.of()),
            new SessionMessage("m3", null, OpenEnum.of(MessageRole.class, "TOOL"), null, Map.of()));

    List<CallSummary.Turn> turns = event.callSummary(messages).transcript();

    assertThat(turns)
        .containsExactly(
            new CallSummary.Turn(
                CallSummary.Role.AGENT, "Hello, this is Acme deliveries.", Duration.ofSeconds(1)),
            new CallSummary.Turn(CallSummary.Role.USER, "Hi", Duration.ofMillis(2_500)),
            new CallSummary.Turn(CallSummary.Role.OTHER, "", null));
  }

  @Test
  void listener_dispatchesEachEventToItsMethod() {
    List<String> calls = new ArrayList<>();
    AgntixEventListener listener =
        new AgntixEventListener() {
          @Override
          public void onSessionCreated(SessionCreatedEvent event) {
            calls.add("created:" + event.sessionId());
          }

          @Override
          public void onSessionEnded(SessionEndedEvent event) {
            calls.add("ended:" + event.sessionId());
          }

          @Override
          public void onUnknown(UnknownAgntixEvent event) {
            calls.add("unknown:" + event.eventType());
          }
        };

    listener.accept(parse("session.created.json"));
    listener.accept(parse("session.ended.json"));
    listener.accept(parse("session.updated.json"));

    assertThat(calls)
        .containsExactly("created:" + SESSION_ID, "ended:" + SESSION_ID, "unknown:session.updated");
  }

  @Test
  void listener_defaultMethods_ignoreEvents() {
    AgntixEventListener listener = new AgntixEventListener() {};

    assertThatCode(() -> listener.accept(parse("session.ended.json"))).doesNotThrowAnyException();
    assertThatCode(() -> listener.accept(parse("session.closed.json"))).doesNotThrowAnyException();
  }

  @Test
  void sessionVariables_areUnmodifiable() {
    SessionCreatedEvent event = (SessionCreatedEvent) parse("session.created.json");

    assertThatThrownBy(() -> event.metadata().sessionVariables().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
