package io.voicehooks.cllr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.JsonLimits;
import io.voicehooks.core.PayloadTooLargeException;
import io.voicehooks.core.SharedSecretVerifier;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookParseException;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookVerificationException;
import io.voicehooks.fixtures.Fixtures;
import io.voicehooks.fixtures.StdErr;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class CllrWebhookParserTest {
  private final CllrWebhookParser parser = CllrWebhookParser.create();

  private CllrEvent parse(String json) {
    return parser.parse(json);
  }

  /** Parses a Cllr fixture that is a post-call delivery. */
  static PostCallEvent postCall(String name) {
    return (PostCallEvent) CllrWebhookParser.create().parse(Fixtures.bytes("cllr", name));
  }

  @Test
  void parse_documentedExample_mapsEveryField() {
    CllrEvent parsed = parser.parse(WebhookRequest.of(Fixtures.bytes("cllr", "post_call.json")));

    assertThat(parsed).isInstanceOf(PostCallEvent.class);
    PostCallEvent event = (PostCallEvent) parsed;
    assertThat(event.eventType()).isEqualTo("post_call");
    assertThat(event.idempotencyKey()).isEqualTo("cllr:post_call:693bff62619c51fac21acf50");
    assertThat(event.callId()).isEqualTo("693bff62619c51fac21acf50");
    assertThat(event.recordingUri())
        .isEqualTo(
            "https://storage.example.com/recordings/693bff62619c51fac21acf50/call_recording.ogg");
    assertThat(event.transcriptUri())
        .isEqualTo(
            "https://storage.example.com/transcripts/transcript_693bff62619c51fac21acf50.json");
    assertThat(event.callerDetails())
        .isEqualTo(
            new CallerDetails(
                "John Smith",
                "+1-555-123-4567",
                "john.smith@example.com",
                "2025-01-20T10:00:00Z",
                "123 Main Street",
                null,
                "New York",
                "NY",
                "USA",
                null,
                null,
                null,
                null,
                null,
                null,
                "English",
                Map.of()));
    assertThat(event.callerDetails().scheduledTimeAsInstant())
        .isEqualTo(Instant.parse("2025-01-20T10:00:00Z"));
    assertThat(event.callerDetails().ageAsInteger()).isNull();

    CallAnalysis analysis = event.callAnalysis();
    assertThat(analysis.summary()).isEqualTo("Customer called to schedule a product demo...");
    assertThat(analysis.mood()).isEqualTo("Positive");
    assertThat(analysis.score()).isEqualTo(new BigDecimal("85"));
    assertThat(analysis.callOutcome()).isEqualTo("Demo Scheduled");
    assertThat(analysis.classification()).isEqualTo("Sales Inquiry");
    assertThat(analysis.interestsAndNeeds()).isNull();
    assertThat(analysis.actionItems()).isNull();
    assertThat(analysis.sentiment()).isNull();
    assertThat(analysis.interestsAndNeedsAsMap()).isEmpty();
    assertThat(analysis.actionItemsAsList()).isEmpty();
    assertThat(analysis.sentimentLabel()).isNull();
  }

  @Test
  void parse_curlTestPayload_keepsOnlyWhatWasSent() {
    PostCallEvent event = postCall("post_call.minimal.json");

    assertThat(event.callId()).isEqualTo("test-call-123");
    assertThat(event.idempotencyKey()).isEqualTo("cllr:post_call:test-call-123");
    assertThat(event.recordingUri()).isEqualTo("https://example.com/recording.ogg");
    assertThat(event.transcriptUri()).isNull();
    assertThat(event.callerDetails().name()).isEqualTo("Test User");
    assertThat(event.callerDetails().phoneNumber()).isEqualTo("+1-555-000-0000");
    assertThat(event.callerDetails().asMap())
        .containsExactly(
            Map.entry("name", "Test User"), Map.entry("phoneNumber", "+1-555-000-0000"));
    assertThat(event.callAnalysis()).isNull();
  }

  @Test
  void parse_fullPayload_mapsEveryField() {
    PostCallEvent event = postCall("post_call.full.json");

    assertThat(event.callId()).isEqualTo("6790a1c4e2b7f81d3c5a9e12");
    assertThat(event.idempotencyKey()).isEqualTo("cllr:post_call:6790a1c4e2b7f81d3c5a9e12");
    assertThat(event.eventType()).isEqualTo(PostCallEvent.EVENT_TYPE);
    assertThat(event.recordingUri())
        .isEqualTo(
            "https://storage.example.com/recordings/6790a1c4e2b7f81d3c5a9e12/call_recording.ogg");
    assertThat(event.transcriptUri())
        .isEqualTo(
            "https://storage.example.com/transcripts/transcript_6790a1c4e2b7f81d3c5a9e12.json");

    CallerDetails caller = event.callerDetails();
    assertThat(caller.name()).isEqualTo("Priya Sharma");
    assertThat(caller.phoneNumber()).isEqualTo("+91-98765-43210");
    assertThat(caller.email()).isEqualTo("priya.sharma@example.in");
    assertThat(caller.scheduledTime()).isEqualTo("2025-01-22T15:30:00+05:30");
    assertThat(caller.scheduledTimeAsInstant()).isEqualTo(Instant.parse("2025-01-22T10:00:00Z"));
    assertThat(caller.address()).isEqualTo("42, 3rd Cross, Indiranagar");
    assertThat(caller.pincode()).isEqualTo("560038");
    assertThat(caller.city()).isEqualTo("Bengaluru");
    assertThat(caller.state()).isEqualTo("Karnataka");
    assertThat(caller.country()).isEqualTo("India");
    assertThat(caller.age()).isEqualTo("34");
    assertThat(caller.ageAsInteger()).isEqualTo(34);
    assertThat(caller.gender()).isEqualTo("Female");
    assertThat(caller.occupation()).isEqualTo("Product Manager");
    assertThat(caller.company()).isEqualTo("Acme Fintech Pvt Ltd");
    assertThat(caller.preferredContactMethod()).isEqualTo("WhatsApp");
    assertThat(caller.bestTimeToCall()).isEqualTo("Weekdays after 6 PM");
    assertThat(caller.language()).isEqualTo("Hindi");
    assertThat(caller.asMap()).hasSize(16);

    CallAnalysis analysis = event.callAnalysis();
    assertThat(analysis.summary())
        .startsWith("Caller asked about moving her home loan")
        .endsWith("booked for Wednesday 3:30 PM.");
    assertThat(analysis.mood()).isEqualTo("Interested");
    assertThat(analysis.score()).isEqualTo(new BigDecimal("78.5"));
    assertThat(analysis.callOutcome()).isEqualTo("Appointment Scheduled");
    assertThat(analysis.classification()).isEqualTo("Home Loan Inquiry");
    assertThat(analysis.interestsAndNeeds())
        .isEqualTo(
            Map.of(
                "interests",
                List.of("home loan balance transfer", "top-up loan"),
                "needs",
                List.of("lower EMI", "quick approval"),
                "budget",
                "50 lakh",
                "urgency",
                "high",
                "existingCustomer",
                false));
    assertThat(analysis.interestsAndNeedsAsMap()).isSameAs(analysis.interestsAndNeeds());
    assertThat(analysis.actionItems())
        .isEqualTo(
            Map.of(
                "followUp", "Send the eligibility checklist on WhatsApp",
                "assignee", "Relationship Manager",
                "dueBy", "2025-01-21",
                "items",
                    List.of(
                        Map.of("task", "Share document checklist", "done", false),
                        Map.of("task", "Confirm appointment by SMS", "done", true))));
    assertThat(analysis.actionItemsAsList()).containsExactly(analysis.actionItems());
    Map<String, Object> sentiment = analysis.sentimentAsMap();
    assertThat(sentiment)
        .containsOnlyKeys("overall", "score", "trend", "byTurn", "notes")
        .containsEntry("overall", "Positive")
        .containsEntry("score", new BigDecimal("0.72"))
        .containsEntry("trend", "improving")
        .containsEntry("notes", null)
        .containsEntry(
            "byTurn",
            List.of(Map.of("turn", 1, "label", "Neutral"), Map.of("turn", 6, "label", "Positive")));
    assertThat(analysis.sentimentLabel()).isEqualTo("Positive");
  }

  @Test
  void parse_fullPayload_freeFormValuesAreDeeplyUnmodifiable() {
    CallAnalysis analysis = postCall("post_call.full.json").callAnalysis();

    Map<String, Object> actionItems = analysis.actionItemsAsMap();
    assertThatThrownBy(() -> actionItems.put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> items = (List<Object>) actionItems.get("items");
    assertThatThrownBy(() -> items.add("x")).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> first = (Map<String, Object>) items.get(0);
    assertThatThrownBy(() -> first.put("done", true))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void parse_scoreAsIntegerDecimalOrNumericString_readsBigDecimal() {
    assertThat(postCall("post_call.json").callAnalysis().score()).isEqualTo(new BigDecimal("85"));
    assertThat(postCall("post_call.full.json").callAnalysis().score())
        .isEqualTo(new BigDecimal("78.5"));
    assertThat(postCall("post_call.odd-values.json").callAnalysis().score())
        .isEqualTo(new BigDecimal("92.5"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"high\"", "\"\"", "true", "{\"value\": 80}", "[80]"})
  void parse_scoreNotANumber_readsAsNullAndKeepsTheDelivery(String score) {
    PostCallEvent event =
        (PostCallEvent)
            parse(
                "{\"callId\": \"c-1\", \"callAnalysis\": {\"mood\": \"Calm\", \"score\": "
                    + score
                    + "}}");

    assertThat(event.callAnalysis().score()).isNull();
    assertThat(event.callAnalysis().mood()).isEqualTo("Calm");
  }

  @Test
  void parse_actionItemsAsArray_keepsTheArray() {
    PostCallEvent event = postCall("post_call.action-items-array.json");
    CallAnalysis analysis = event.callAnalysis();

    assertThat(event.callId()).isEqualTo("693c0a1e619c51fac21ad102");
    assertThat(analysis.score()).isEqualTo(new BigDecimal("64"));
    assertThat(analysis.actionItems())
        .isEqualTo(
            List.of(
                "Email the team plan pricing sheet",
                Map.of("task", "Call back", "when", "next Tuesday")));
    assertThat(analysis.actionItemsAsList()).isSameAs(analysis.actionItems());
    assertThat(analysis.actionItemsAsMap()).isEmpty();
    assertThat(analysis.interestsAndNeeds()).isEqualTo(List.of("team plan", "annual billing"));
    assertThat(analysis.interestsAndNeedsAsList()).containsExactly("team plan", "annual billing");
    assertThat(analysis.interestsAndNeedsAsMap()).isEmpty();
    assertThat(analysis.sentiment()).isEqualTo("neutral");
    assertThat(analysis.sentimentAsMap()).isEmpty();
    assertThat(analysis.sentimentLabel()).isEqualTo("neutral");
  }

  @Test
  void parse_extraFields_areKeptAtEveryLevel() {
    PostCallEvent event = postCall("post_call.extra-fields.json");

    assertThat(event.callId()).isEqualTo("693c11b7619c51fac21ad1f9");
    assertThat(event.recordingUri())
        .isEqualTo(
            "https://storage.example.com/recordings/693c11b7619c51fac21ad1f9/call_recording.ogg");
    assertThat(event.transcriptUri())
        .isEqualTo(
            "https://storage.example.com/transcripts/transcript_693c11b7619c51fac21ad1f9.json");
    assertThat(event.callerDetails().asMap())
        .containsExactly(
            Map.entry("name", "Ahmed Khan"), Map.entry("phoneNumber", "+971-50-123-4567"));
    assertThat(event.callAnalysis())
        .isEqualTo(
            new CallAnalysis(
                "Caller booked a service appointment.",
                "Happy",
                new BigDecimal("90"),
                "Service Booked",
                "Service Request",
                null,
                null,
                null,
                Map.of(
                    "keywords",
                    List.of("service", "brakes"),
                    "confidence",
                    new BigDecimal("0.93"))));
    assertThat(event.callerDetails().extraFields())
        .containsExactly(
            Map.entry("loyaltyTier", "gold"),
            Map.entry("vehicle", Map.of("make", "Toyota", "model", "Camry")));
    assertThat(event.extraFields())
        .containsExactly(
            Map.entry("agentId", "ag_7f3c2d"),
            Map.entry("direction", "inbound"),
            Map.entry("durationSeconds", 184),
            Map.entry("metadata", Map.of("campaign", "winter-service", "attempt", 1)));
  }

  @Test
  void parse_valuesOfUnexpectedTypes_keepTheDelivery() {
    PostCallEvent event = postCall("post_call.odd-values.json");

    assertThat(event.callId()).isEqualTo("693c2f04619c51fac21ad388");
    assertThat(event.recordingUri()).isNull();
    assertThat(event.transcriptUri()).isEmpty();
    CallerDetails caller = event.callerDetails();
    assertThat(caller.name()).as("an array is not a name").isNull();
    assertThat(caller.phoneNumber()).as("numbers keep their text").isEqualTo("8613800138000");
    assertThat(caller.scheduledTime()).isEqualTo("2025-01-24 16:00");
    assertThat(caller.scheduledTimeAsInstant()).as("no offset, not ISO").isNull();
    assertThat(caller.pincode()).isEqualTo("100020");
    assertThat(caller.age()).isEqualTo("41");
    assertThat(caller.ageAsInteger()).isEqualTo(41);
    assertThat(caller.gender()).isEqualTo("true");
    assertThat(caller.company()).as("an object is not a company name").isNull();
    assertThat(caller.language()).isNull();
    CallAnalysis analysis = event.callAnalysis();
    assertThat(analysis.summary()).as("an object is not a summary").isNull();
    assertThat(analysis.mood()).isEqualTo("Curious");
    assertThat(analysis.score()).isEqualTo(new BigDecimal("92.5"));
    assertThat(analysis.callOutcome()).isEqualTo("Quote Requested");
    assertThat(analysis.classification()).isEqualTo("3");
    assertThat(analysis.interestsAndNeeds()).isEqualTo("bulk pricing for 200 units");
    assertThat(analysis.interestsAndNeedsAsMap()).isEmpty();
    assertThat(analysis.interestsAndNeedsAsList()).containsExactly("bulk pricing for 200 units");
    assertThat(analysis.actionItems()).isEqualTo("Send a quote by Friday");
    assertThat(analysis.actionItemsAsList()).containsExactly("Send a quote by Friday");
    assertThat(analysis.sentiment())
        .isEqualTo(Map.of("label", "NEGATIVE", "score", new BigDecimal("-0.4")));
    assertThat(analysis.sentimentLabel()).isEqualTo("NEGATIVE");
  }

  @Test
  void parse_callerDetailsOrAnalysisNotAnObject_readsAsNull() {
    PostCallEvent event =
        (PostCallEvent)
            parse("{\"callId\": \"c-1\", \"callerDetails\": \"John\", \"callAnalysis\": []}");

    assertThat(event.callerDetails()).isNull();
    assertThat(event.callAnalysis()).isNull();
  }

  @Test
  void parse_callIdAsInteger_keepsItsDecimalText() {
    CllrEvent event = parse("{\"callId\": 12345678901234567890, \"recordingUri\": \"x\"}");

    assertThat(((PostCallEvent) event).callId()).isEqualTo("12345678901234567890");
    assertThat(event.idempotencyKey()).isEqualTo("cllr:post_call:12345678901234567890");
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false", "1.5", "1.5e3", "{\"id\": \"c-1\"}", "[\"c-1\"]"})
  void parse_callIdOfAnotherType_isRejectedByName(String callId) {
    assertThatThrownBy(() -> parse("{\"callId\": " + callId + ", \"recordingUri\": \"x\"}"))
        .isInstanceOfSatisfying(
            WebhookParseException.class,
            e -> {
              assertThat(e.fieldPath()).isEqualTo("callId");
              assertThat(e.eventType()).isEqualTo("post_call");
            })
        .hasMessage("Field 'callId' must be a string or an integer in 'post_call' event");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"recordingUri\": \"https://example.com/r.ogg\"}",
        "{\"callId\": null}",
        "{\"callId\": \"\"}",
        "{\"callId\": \"   \"}",
        "{}"
      })
  void parse_missingOrEmptyCallId_isRejectedByName(String json) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(
            WebhookParseException.class,
            e -> {
              assertThat(e.fieldPath()).isEqualTo("callId");
              assertThat(e.eventType()).isEqualTo("post_call");
            })
        .hasMessage("Missing required field 'callId' in 'post_call' event");
  }

  @Test
  void parse_documentedExampleWithoutCallId_isRejectedByName() {
    String json =
        new String(
                Fixtures.bytes("cllr", "post_call.json"), java.nio.charset.StandardCharsets.UTF_8)
            .replace("\"callId\": \"693bff62619c51fac21acf50\",", "");

    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("'callId'");
  }

  @Test
  void parse_notJson_isRejected() {
    assertThatThrownBy(() -> parse("callId=693bff62619c51fac21acf50"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageStartingWith("Malformed JSON");
  }

  @Test
  void parse_truncatedJson_isRejected() {
    // Core names either the syntax error or the field it cut short; never the value.
    assertThatThrownBy(() -> parse("{\"callId\": \"c-1\", \"callerDetails\": {\"name\": \"Jo"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("'post_call' event")
        .hasMessageNotContaining("Jo");
    assertThatThrownBy(() -> parse("{\"callId\": \"c-1\", "))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageStartingWith("Malformed JSON");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[{\"callId\": \"c-1\"}]", "\"c-1\"", "42", "null", ""})
  void parse_bodyNotAnObject_isRejected(String body) {
    assertThatThrownBy(() -> parse(body))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage("Body is not a JSON object");
  }

  @Test
  void parse_duplicateKey_isRejected() {
    assertThatThrownBy(() -> parse("{\"callId\": \"c-1\", \"callId\": \"c-2\"}"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("post_call");
  }

  @Test
  void parse_trailingContent_isRejected() {
    assertThatThrownBy(() -> parse("{\"callId\": \"c-1\"} {\"callId\": \"c-2\"}"))
        .isInstanceOf(WebhookParseException.class);
  }

  @Test
  void parse_messagesNeverQuoteValues() {
    assertThatThrownBy(() -> parse("{\"callId\": \"c-1\", \"callerDetails\": {\"name\": Jo}}"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageNotContaining("Jo");
  }

  @Test
  void builder_limits_areEnforced() {
    CllrWebhookParser small =
        CllrWebhookParser.builder().limits(JsonLimits.defaults().withMaxBodyBytes(64)).build();
    byte[] documented = Fixtures.bytes("cllr", "post_call.json");

    assertThatThrownBy(() -> small.parse(documented)).isInstanceOf(PayloadTooLargeException.class);

    CllrWebhookParser shallow =
        CllrWebhookParser.builder().limits(JsonLimits.defaults().withMaxDepth(3)).build();
    assertThat(shallow.parse(documented).idempotencyKey())
        .isEqualTo("cllr:post_call:693bff62619c51fac21acf50");
    assertThatThrownBy(() -> shallow.parse(Fixtures.bytes("cllr", "post_call.full.json")))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void builder_nullLimits_isRejected() {
    assertThatThrownBy(() -> CllrWebhookParser.builder().limits(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("limits == null");
  }

  @Test
  void verifier_checksTheUrlSecretFirst_andStoredDeliveriesSkipIt() {
    CllrWebhookParser parser =
        CllrWebhookParser.builder()
            .verifier(SharedSecretVerifier.queryParameter("token", "a-url-secret-of-some-length"))
            .build();
    byte[] body = Fixtures.bytes("cllr", "post_call.json");

    assertThat(
            parser.parse(
                WebhookRequest.of(
                    "/webhooks/cllr?token=a-url-secret-of-some-length",
                    WebhookHeaders.empty(),
                    body)))
        .isInstanceOf(PostCallEvent.class);
    assertThatThrownBy(
            () ->
                parser.parse(
                    WebhookRequest.of("/webhooks/cllr?token=wrong", WebhookHeaders.empty(), body)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageNotContaining("wrong");
    assertThatThrownBy(() -> parser.parse(body))
        .as("no request target, so no secret")
        .isInstanceOf(WebhookVerificationException.class);
    assertThat(parser.forStoredDeliveries().parse(body)).isInstanceOf(PostCallEvent.class);
    assertThat(parser.verifies()).isTrue();
    assertThat(parser.forStoredDeliveries().verifies()).isFalse();
    assertThat(parser)
        .hasToString(
            "CllrWebhookParser[verifier=SharedSecretVerifier[queryParameter=token, secrets=1]]");
  }

  @Test
  void create_withoutVerifier_warnsOncePerParserAtItsFirstParse() {
    String log =
        StdErr.during(
            () -> {
              CllrWebhookParser unverified = CllrWebhookParser.create();
              CllrWebhookParser.create(); // built, never used: silent
              unverified.parse(Fixtures.bytes("cllr", "post_call.json"));
              unverified.parse(Fixtures.bytes("cllr", "post_call.json"));
              unverified.forStoredDeliveries().parse(Fixtures.bytes("cllr", "post_call.json"));
              CllrWebhookParser.create().parse(Fixtures.bytes("cllr", "post_call.json"));
            });
    assertThat(log.lines().filter(line -> line.contains("has no verifier")))
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).contains("WARN").contains("CllrWebhookParser"));
  }
}
