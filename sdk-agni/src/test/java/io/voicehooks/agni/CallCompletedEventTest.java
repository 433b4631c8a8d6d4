package io.voicehooks.agni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.voicehooks.core.CallSummary;
import io.voicehooks.core.FinishedCallEvent;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.WebhookParseException;
import io.voicehooks.fixtures.Fixtures;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class CallCompletedEventTest {
  private static final AgniWebhookParser PARSER =
      AgniWebhookParser.builder().expectedOrgId(Fixtures.AGNI_ORG_ID).build();

  private static CallCompletedEvent parse(String fixture) {
    AgniEvent event = PARSER.parse(Fixtures.bytes("agni", fixture));
    assertThat(event).isInstanceOf(CallCompletedEvent.class);
    return (CallCompletedEvent) event;
  }

  @Test
  void parse_callCompleted_mapsEveryField() {
    CallCompletedEvent event = parse("call.completed.json");

    assertThat(event.eventType()).isEqualTo("call.completed");
    assertThat(event.eventType()).isEqualTo("call.completed");
    assertThat(event.orgId()).isEqualTo("1268c1f0-19f3-47db-aefb-c16a7c3ace6e");
    assertThat(event.sessionId()).isEqualTo("019d2b3c-8e9f-7a0b-1c2d-4e5f6a7b8c9d");
    assertThat(event.idempotencyKey())
        .isEqualTo("agni:call.completed:019d2b3c-8e9f-7a0b-1c2d-4e5f6a7b8c9d");

    CallData data = event.data();
    assertThat(data.campaignId()).isEqualTo("019d2a1b-4c5e-7f8a-9b0c-1d2e3f4a5b6c");
    assertThat(data.contactId()).isEqualTo("019d2a1b-5d6f-7a8b-9c0d-2e3f4a5b6c7d");
    assertThat(data.phone()).isEqualTo("+14155550100");
    assertThat(data.status()).isEqualTo(new OpenEnum<>(CallStatus.COMPLETED, "completed"));
    assertThat(data.duration()).isEqualTo(Duration.ofSeconds(125));
    assertThat(data.callSessionId()).isEqualTo("019d2b3c-8e9f-7a0b-1c2d-4e5f6a7b8c9d");
    assertThat(data.callId()).isNull();
    assertThat(data.attempt()).isEqualTo(1);
    assertThat(data.summary())
        .isEqualTo(
            "Customer called about their order #4521. Agent confirmed the order shipped"
                + " yesterday and provided the tracking number. Customer was satisfied.");
    assertThat(data.recordingUrl()).isEqualTo("https://storage.agniai.com/rec/019d2b3c-8e9f.mp3");
    assertThat(data.callerNumber()).isEqualTo("+18881234567");
    assertThat(data.calleeNumber()).isEqualTo("+14155550100");
    assertThat(data.callerName()).isEqualTo("John Doe");
    assertThat(data.callerEmail()).isEqualTo("john@example.com");
    assertThat(data.agentName()).isEqualTo("Support Agent");
    assertThat(data.channel()).isEqualTo(new OpenEnum<>(Channel.VOICE, "voice"));
    assertThat(data.disconnectReason())
        .isEqualTo(new OpenEnum<>(DisconnectReason.CUSTOMER_HANGUP, "customer_hangup"));
    assertThat(data.costTotal()).isEqualTo(new BigDecimal("0.42"));
    assertThat(data.callLatency()).isEqualTo(Duration.ofMillis(150));
    assertThat(data.startedAt()).isEqualTo(Instant.parse("2026-03-24T18:30:00Z"));
    assertThat(data.endedAt()).isEqualTo(Instant.parse("2026-03-24T18:32:05Z"));
    assertThat(data.createdAt()).isEqualTo(Instant.parse("2026-03-24T18:30:00Z"));

    PostCallAnalysis analysis = data.postCallAnalysis();
    assertThat(analysis).isNotNull();
    assertThat(analysis.sentiment()).isEqualTo(new OpenEnum<>(SentimentLabel.POSITIVE, "positive"));
    assertThat(analysis.disposition())
        .isEqualTo(new OpenEnum<>(Disposition.ISSUE_RESOLVED, "issue_resolved"));
    assertThat(analysis.goalsMet()).isTrue();
    assertThat(analysis.nextSteps())
        .isEqualTo("No follow-up needed. Customer issue fully resolved.");
    assertThat(analysis.extraFields()).isEmpty();

    assertThat(data.transcripts())
        .containsExactly(
            entry(
                "t-001",
                0,
                MessageRole.AGENT,
                "agent",
                "Hello! Thanks for calling Acme Support. How can I help you today?",
                "2026-03-24T18:30:00Z"),
            entry(
                "t-002",
                3200,
                MessageRole.USER,
                "user",
                "Hi, I wanted to check on my order number 4521.",
                "2026-03-24T18:30:03Z"),
            entry(
                "t-003",
                5800,
                MessageRole.AGENT,
                "agent",
                "Of course! Let me look that up for you. Order 4521 shipped yesterday and the"
                    + " tracking number is TRK-98765. It should arrive by Friday.",
                "2026-03-24T18:30:05Z"));
    assertThat(data.transcripts().get(0).content())
        .isEqualTo("Hello! Thanks for calling Acme Support. How can I help you today?");
    assertThat(data.transcripts().get(0).message().role()).isNull();
  }

  private static TranscriptEntry entry(
      String id, long ms, MessageRole role, String rawRole, String content, String createdAt) {
    return new TranscriptEntry(
        id,
        Duration.ofMillis(ms),
        new OpenEnum<>(role, rawRole),
        new TranscriptMessage(content, new OpenEnum<>(ContentFormat.TEXT, "text"), null, Map.of()),
        Instant.parse(createdAt),
        Map.of());
  }

  @Test
  void callSummary_documentedExample_mapsToTheNeutralView() {
    CallCompletedEvent event = parse("call.completed.json");
    assertThat(event).isInstanceOf(FinishedCallEvent.class);

    CallSummary call = event.callSummary();
    assertThat(call.provider()).isEqualTo("agni");
    assertThat(call.callId()).isEqualTo("019d2b3c-8e9f-7a0b-1c2d-4e5f6a7b8c9d");
    assertThat(call.outcome()).isEqualTo(CallSummary.Outcome.COMPLETED);
    assertThat(call.providerStatus()).isEqualTo("completed");
    assertThat(call.businessOutcome()).isEqualTo("issue_resolved");
    assertThat(call.startedAt()).isEqualTo(Instant.parse("2026-03-24T18:30:00Z"));
    assertThat(call.endedAt()).isEqualTo(Instant.parse("2026-03-24T18:32:05Z"));
    assertThat(call.duration()).isEqualTo(Duration.ofSeconds(125));
    assertThat(call.summary()).startsWith("Customer called about their order #4521.");
    assertThat(call.sentiment()).isEqualTo(CallSummary.Sentiment.POSITIVE);
    assertThat(call.recordingUrl()).isEqualTo("https://storage.agniai.com/rec/019d2b3c-8e9f.mp3");
    assertThat(call.transcript())
        .extracting(CallSummary.Turn::role, CallSummary.Turn::offset)
        .containsExactly(
            tuple(CallSummary.Role.AGENT, Duration.ZERO),
            tuple(CallSummary.Role.USER, Duration.ofMillis(3200)),
            tuple(CallSummary.Role.AGENT, Duration.ofMillis(5800)));
    assertThat(call.transcript().get(1).text())
        .isEqualTo("Hi, I wanted to check on my order number 4521.");
    assertThat(call.customerPhoneNumber()).isEqualTo("+14155550100");
    assertThat(call.agentPhoneNumber()).isEqualTo("+18881234567");
    assertThat(call.correlation())
        .containsExactly(
            Map.entry("campaign_id", "019d2a1b-4c5e-7f8a-9b0c-1d2e3f4a5b6c"),
            Map.entry("contact_id", "019d2a1b-5d6f-7a8b-9c0d-2e3f4a5b6c7d"),
            Map.entry("attempt", 1));
  }

  @ParameterizedTest
  @CsvSource({
    "completed, COMPLETED",
    "failed, FAILED",
    "no_answer, NO_ANSWER",
    "busy, BUSY",
    "voicemail, VOICEMAIL",
    "NO_ANSWER, NO_ANSWER",
    "transferred, UNKNOWN",
    "'', UNKNOWN"
  })
  void callSummary_everyDocumentedStatus_mapsToItsOutcomeKeepingTheText(
      String status, CallSummary.Outcome expected) {
    String json =
        new String(Fixtures.bytes("agni", "call.completed.json"), StandardCharsets.UTF_8)
            .replace("\"status\": \"completed\"", "\"status\": \"" + status + "\"");
    CallSummary call = ((CallCompletedEvent) PARSER.parse(json)).callSummary();
    assertThat(call.outcome()).isEqualTo(expected);
    assertThat(call.providerStatus()).isEqualTo(status);
    assertThat(call.businessOutcome()).isEqualTo("issue_resolved");
  }

  @Test
  void parse_minimal_readsAbsentFieldsAsNull() {
    CallCompletedEvent event = parse("call.completed.minimal.json");
    CallData data = event.data();
    assertThat(event.sessionId()).isEqualTo("019d2b3c-0000-7a0b-1c2d-000000000001");
    assertThat(data)
        .extracting(
            CallData::campaignId,
            CallData::contactId,
            CallData::phone,
            CallData::status,
            CallData::duration,
            CallData::callId,
            CallData::attempt,
            CallData::summary,
            CallData::recordingUrl,
            CallData::callerNumber,
            CallData::calleeNumber,
            CallData::callerName,
            CallData::callerEmail,
            CallData::agentName,
            CallData::channel,
            CallData::disconnectReason,
            CallData::costTotal,
            CallData::callLatency,
            CallData::startedAt,
            CallData::endedAt,
            CallData::createdAt,
            CallData::postCallAnalysis)
        .containsOnlyNulls();
    assertThat(data.transcripts()).isEmpty();

    CallSummary call = event.callSummary();
    assertThat(call.outcome()).isEqualTo(CallSummary.Outcome.UNKNOWN);
    assertThat(call.providerStatus()).isNull();
    assertThat(call.businessOutcome()).isNull();
    assertThat(call.duration()).isNull();
    assertThat(call.sentiment()).isEqualTo(CallSummary.Sentiment.UNKNOWN);
    assertThat(call.transcript()).isEmpty();
    assertThat(call.customerPhoneNumber()).isNull();
    assertThat(call.agentPhoneNumber()).isNull();
    assertThat(call.correlation()).isEmpty();
  }

  @Test
  void parse_inboundCall_hasNullCampaignAndContact() {
    CallCompletedEvent event = parse("call.completed.inbound.json");
    CallData data = event.data();
    assertThat(data.campaignId()).isNull();
    assertThat(data.contactId()).isNull();
    assertThat(data.callerName()).isNull();
    assertThat(data.callerEmail()).isNull();
    assertThat(data.disconnectReason().value()).isEqualTo(DisconnectReason.AGENT_HANGUP);
    assertThat(data.postCallAnalysis().sentiment().value()).isEqualTo(SentimentLabel.NEUTRAL);

    CallSummary call = event.callSummary();
    assertThat(call.customerPhoneNumber()).isEqualTo("+14155550177");
    // The customer called in, so the agent was reached on the callee number.
    assertThat(call.agentPhoneNumber()).isEqualTo("+18881234567");
    assertThat(call.sentiment()).isEqualTo(CallSummary.Sentiment.NEUTRAL);
    assertThat(call.businessOutcome()).isEqualTo("issue_resolved");
    assertThat(call.correlation()).containsExactly(Map.entry("attempt", 1));
  }

  @Test
  void parse_webCall_hasNoPhoneNumbers() {
    CallCompletedEvent event = parse("call.completed.web.json");
    assertThat(event.data().channel().value()).isEqualTo(Channel.WEB);
    assertThat(event.data().phone()).isNull();
    CallSummary call = event.callSummary();
    assertThat(call.customerPhoneNumber()).isNull();
    assertThat(call.agentPhoneNumber()).isNull();
    assertThat(call.duration()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void parse_longCall_keepsEveryTurnInOrder() {
    CallCompletedEvent event = parse("call.completed.long.json");
    List<TranscriptEntry> transcripts = event.data().transcripts();
    assertThat(transcripts).hasSize(400);
    assertThat(transcripts)
        .extracting(TranscriptEntry::offset)
        .isSortedAccordingTo(Duration::compareTo);
    assertThat(transcripts.get(0).id()).isEqualTo("t-001");
    assertThat(transcripts.get(399).id()).isEqualTo("t-400");
    assertThat(transcripts.get(399).offset()).isEqualTo(Duration.ofMillis(1_795_500));
    assertThat(transcripts.get(399).role().value()).isEqualTo(MessageRole.USER);
    assertThat(event.data().channel().value()).isEqualTo(Channel.SIP);
    assertThat(event.data().duration()).isEqualTo(Duration.ofMinutes(30));
    assertThat(event.data().costTotal()).isEqualByComparingTo("3.85");

    CallSummary call = event.callSummary();
    assertThat(call.transcript()).hasSize(400);
    assertThat(call.transcript())
        .extracting(CallSummary.Turn::role)
        .containsOnly(CallSummary.Role.AGENT, CallSummary.Role.USER);
    assertThat(call.transcript().get(399).text()).endsWith("(turn 400)");
    assertThat(call.businessOutcome()).isEqualTo("meeting_booked");
    assertThat(call.correlation()).doesNotContainKey("disposition");
  }

  @Test
  void parse_unknownEnumValues_readAsUnknownKeepingRaw() {
    CallData data = parse("call.completed.unknown-values.json").data();
    assertThat(data.status()).isEqualTo(new OpenEnum<>(CallStatus.UNKNOWN, "transferred"));
    assertThat(data.channel()).isEqualTo(new OpenEnum<>(Channel.UNKNOWN, "whatsapp"));
    assertThat(data.disconnectReason())
        .isEqualTo(new OpenEnum<>(DisconnectReason.UNKNOWN, "silence_timeout"));
    PostCallAnalysis analysis = data.postCallAnalysis();
    assertThat(analysis.sentiment()).isEqualTo(new OpenEnum<>(SentimentLabel.UNKNOWN, "mixed"));
    assertThat(analysis.disposition())
        .isEqualTo(new OpenEnum<>(Disposition.UNKNOWN, "wrong_number"));
    assertThat(analysis.goalsMet()).isFalse();
    assertThat(analysis.nextSteps()).isNull();
    TranscriptEntry entry = data.transcripts().get(0);
    assertThat(entry.role()).isEqualTo(new OpenEnum<>(MessageRole.UNKNOWN, "supervisor"));
    assertThat(entry.message().format())
        .isEqualTo(new OpenEnum<>(ContentFormat.UNKNOWN, "markdown"));

    CallSummary call = parse("call.completed.unknown-values.json").callSummary();
    assertThat(call.outcome()).isEqualTo(CallSummary.Outcome.UNKNOWN);
    assertThat(call.providerStatus()).isEqualTo("transferred");
    assertThat(call.businessOutcome()).isEqualTo("wrong_number");
    assertThat(call.sentiment()).isEqualTo(CallSummary.Sentiment.UNKNOWN);
    assertThat(call.transcript().get(0).role()).isEqualTo(CallSummary.Role.OTHER);
    assertThat(call.correlation()).isEmpty();
  }

  @Test
  void parse_unknownExtraFields_ignoredButAnalysisExtrasKept() {
    CallCompletedEvent event = parse("call.completed.extra-fields.json");
    CallData data = event.data();
    assertThat(event.sessionId()).isEqualTo("019d2b3c-4444-7a0b-1c2d-4e5f6a7b8c9d");
    assertThat(data.status().value()).isEqualTo(CallStatus.COMPLETED);
    assertThat(data.transcripts())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.content()).isEqualTo("Hello!");
              assertThat(e.role().value()).isEqualTo(MessageRole.AGENT);
            });

    PostCallAnalysis analysis = data.postCallAnalysis();
    assertThat(analysis.sentiment().value()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(analysis.disposition().value()).isEqualTo(Disposition.CALLBACK_REQUESTED);
    assertThat(analysis.goalsMet()).isFalse(); // sent as the string "false"
    assertThat(analysis.nextSteps()).isNull(); // sent as an array: kept raw in extra
    assertThat(analysis.extraFields())
        .containsExactly(
            Map.entry("next_steps", List.of("Call back on Monday", "Send the price list")),
            Map.entry("budget", 5000),
            Map.entry("preferred_time", "Monday morning"),
            Map.entry("decision_maker", true),
            Map.entry("products", List.of("basic", "pro")),
            new SimpleEntry<>("notes", null));
    assertThatThrownBy(() -> analysis.extraFields().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(io.voicehooks.core.internal.Json.mapper().valueToTree(analysis).toString())
        .as("serialised in the wire's shape, extras beside the documented keys")
        .startsWith("{\"sentiment\":\"negative\",")
        .contains("\"budget\":5000")
        .doesNotContain("\"extra\"");

    assertThat(event.callSummary().businessOutcome()).isEqualTo("callback_requested");
    Map<String, Object> correlation = event.callSummary().correlation();
    assertThat(correlation)
        .containsEntry("budget", 5000)
        .containsEntry("products", List.of("basic", "pro"))
        .containsKey("notes");
  }

  @Test
  void parse_eventFieldLast_bindsTheSameRecord() {
    CallCompletedEvent event = parse("call.completed.event-last.json");
    assertThat(event.eventType()).isEqualTo("call.completed");
    assertThat(event.orgId()).isEqualTo(Fixtures.AGNI_ORG_ID);
    assertThat(event.sessionId()).isEqualTo("019d2b3c-5555-7a0b-1c2d-4e5f6a7b8c9d");
    assertThat(event.data().status().value()).isEqualTo(CallStatus.NO_ANSWER);
    assertThat(event.callSummary().outcome()).isEqualTo(CallSummary.Outcome.NO_ANSWER);
    assertThat(event.data().duration()).isEqualTo(Duration.ZERO);
    assertThat(event.data().attempt()).isEqualTo(3);
  }

  @Test
  void parse_costTotalAsString_readsExactDecimal() {
    CallData data = parse("call.completed.cost-string.json").data();
    assertThat(data.costTotal()).isEqualTo(new BigDecimal("0.4200"));
    assertThat(data.duration()).isEqualTo(Duration.ofSeconds(125));
    assertThat(data.callLatency()).isEqualTo(Duration.ofMillis(150));
  }

  @Test
  void parse_callIdOnly_fallsBackForIdentity() {
    CallCompletedEvent event = parse("call.completed.call-id-only.json");
    assertThat(event.data().callSessionId()).isNull();
    assertThat(event.data().callId()).isEqualTo("call_7Hq2x9");
    assertThat(event.sessionId()).isEqualTo("call_7Hq2x9");
    assertThat(event.idempotencyKey()).isEqualTo("agni:call.completed:call_7Hq2x9");
    assertThat(event.callSummary().callId()).isEqualTo("call_7Hq2x9");
    assertThat(event.data().status().value()).isEqualTo(CallStatus.BUSY);
    assertThat(event.callSummary().outcome()).isEqualTo(CallSummary.Outcome.BUSY);
  }

  @Test
  void parse_bothTranscriptShapes_readRolesAndOrderByTimestamp() {
    CallCompletedEvent event = parse("call.completed.transcript-shapes.json");
    List<TranscriptEntry> transcripts = event.data().transcripts();
    assertThat(transcripts)
        .extracting(TranscriptEntry::id)
        .containsExactly("t-001", "t-002", "t-003", "t-004", "t-006", "t-005");
    assertThat(transcripts)
        .extracting(e -> e.role() == null ? null : e.role().raw())
        .containsExactly("agent", "user", "agent", "assistant", "tool", "user");
    TranscriptEntry insideShape = transcripts.get(1);
    assertThat(insideShape.role().value()).isEqualTo(MessageRole.USER);
    assertThat(insideShape.message().role().value()).isEqualTo(MessageRole.USER);
    assertThat(insideShape.message().format()).isNull();
    assertThat(insideShape.content()).isEqualTo("Where is my order?");
    // Both given: the top-level role wins; the message's stays reachable.
    assertThat(transcripts.get(2).role().value()).isEqualTo(MessageRole.AGENT);
    assertThat(transcripts.get(2).message().role().value()).isEqualTo(MessageRole.USER);
    assertThat(transcripts.get(5).offset()).isNull();

    CallSummary call = event.callSummary();
    assertThat(call.transcript())
        .extracting(CallSummary.Turn::text, CallSummary.Turn::role, CallSummary.Turn::offset)
        .containsExactly(
            tuple("Hello!", CallSummary.Role.AGENT, Duration.ZERO),
            tuple("Where is my order?", CallSummary.Role.USER, Duration.ofSeconds(3)),
            tuple("It shipped yesterday.", CallSummary.Role.AGENT, Duration.ofSeconds(3)),
            tuple("Anything else?", CallSummary.Role.AGENT, Duration.ofSeconds(9)),
            tuple("No, thanks.", CallSummary.Role.USER, null));
  }

  @Test
  void parse_wrongValueTypes_readAsNullWithoutFailing() {
    CallCompletedEvent event = parse("call.completed.wrong-types.json");
    CallData data = event.data();
    assertThat(event.sessionId()).isEqualTo("019d2b3c-bbbb-7a0b-1c2d-4e5f6a7b8c9d");
    assertThat(data.status()).isNull();
    assertThat(data.duration()).isNull();
    assertThat(data.attempt()).isNull();
    assertThat(data.costTotal()).isNull();
    assertThat(data.callLatency()).isNull();
    assertThat(data.startedAt()).isNull();
    assertThat(data.postCallAnalysis()).isNull();
    assertThat(data.transcripts()).isEmpty();
  }

  @Test
  void callSummary_epochTimestamps_becomeOffsetsFromStart() {
    Instant start = Instant.parse("2026-03-24T18:30:00Z");
    TranscriptEntry epoch =
        new TranscriptEntry(
            "t-1",
            Duration.ofMillis(start.toEpochMilli() + 2_500),
            OpenEnum.of(MessageRole.USER),
            new TranscriptMessage("Hi", null, null, Map.of()),
            null,
            Map.of());
    CallCompletedEvent withStart = event(callData("s-1", start, null, null, null, List.of(epoch)));
    assertThat(withStart.callSummary().transcript())
        .containsExactly(
            new CallSummary.Turn(CallSummary.Role.USER, "Hi", Duration.ofMillis(2_500)));

    CallCompletedEvent noStart = event(callData("s-1", null, null, null, null, List.of(epoch)));
    assertThat(noStart.callSummary().transcript())
        .containsExactly(new CallSummary.Turn(CallSummary.Role.USER, "Hi", null));
  }

  @Test
  void callSummary_agentPhone_isTheNumberThatIsNotTheCustomers() {
    String phone = "+1 (415) 555-0100";
    assertThat(agentPhone(phone, "+18881234567", "+14155550100")).isEqualTo("+18881234567");
    assertThat(agentPhone(phone, "+14155550100", "+18881234567")).isEqualTo("+18881234567");
    assertThat(agentPhone(phone, "+15550000001", "+15550000002")).isNull();
    assertThat(agentPhone(phone, "+14155550100", "+14155550100")).isNull();
    assertThat(agentPhone(phone, null, "+14155550100")).isNull();
    assertThat(agentPhone(null, "+18881234567", "+14155550100")).isNull();
  }

  private static @Nullable String agentPhone(
      @Nullable String phone, @Nullable String caller, @Nullable String callee) {
    return event(callData("s-1", null, phone, caller, callee, List.of()))
        .callSummary()
        .agentPhoneNumber();
  }

  @Test
  void newEvent_nullEventType_readsAsCallCompleted() {
    CallCompletedEvent event = event(callData("s-1", null, null, null, null, List.of()));
    assertThat(event.eventType()).isEqualTo("call.completed");
    assertThat(event.eventType()).isEqualTo(CallCompletedEvent.EVENT_TYPE);
  }

  @Test
  void newEvent_withoutIdentity_throwsNamingTheField() {
    CallData noIds = callData(" ", null, null, null, null, List.of());
    assertThatThrownBy(() -> event(noIds))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage("Missing required field 'data.call_session_id' in 'call.completed' event");
  }

  @Test
  void newCallData_unorderedTranscript_sortsStablyWithMissingTimestampsLast() {
    TranscriptEntry a =
        new TranscriptEntry("a", Duration.ofMillis(500), null, null, null, Map.of());
    TranscriptEntry b = new TranscriptEntry("b", null, null, null, null, Map.of());
    TranscriptEntry c =
        new TranscriptEntry("c", Duration.ofMillis(100), null, null, null, Map.of());
    TranscriptEntry d =
        new TranscriptEntry("d", Duration.ofMillis(500), null, null, null, Map.of());
    List<TranscriptEntry> mutable = new java.util.ArrayList<>(List.of(a, b, c, d));
    CallData data = callData("s-1", null, null, null, null, mutable);
    mutable.clear();
    assertThat(data.transcripts()).containsExactly(c, a, d, b);
    assertThatThrownBy(() -> data.transcripts().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static CallCompletedEvent event(CallData data) {
    return new CallCompletedEvent(null, data, Map.of());
  }

  private static CallData callData(
      @Nullable String sessionId,
      @Nullable Instant startedAt,
      @Nullable String phone,
      @Nullable String callerNumber,
      @Nullable String calleeNumber,
      List<TranscriptEntry> transcripts) {
    return new CallData(
        null,
        null,
        phone,
        null,
        null,
        sessionId,
        null,
        null,
        null,
        null,
        callerNumber,
        calleeNumber,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        startedAt,
        null,
        null,
        null,
        transcripts,
        Map.of());
  }
}
