package io.voicehooks.cllr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.CallSummary;
import io.voicehooks.core.CallSummary.Sentiment;
import io.voicehooks.core.FinishedCallEvent;
import io.voicehooks.core.WebhookParseException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

final class PostCallEventTest {
  private static PostCallEvent withAnalysis(@Nullable Object sentiment, @Nullable String mood) {
    return new PostCallEvent(
        "c-1",
        null,
        null,
        null,
        new CallAnalysis(null, mood, null, null, null, null, null, sentiment, Map.of()),
        Map.of());
  }

  @Test
  void callSummary_fullPayload_mapsEveryField() {
    FinishedCallEvent event = CllrWebhookParserTest.postCall("post_call.full.json");

    CallSummary summary = event.callSummary();

    assertThat(summary.provider()).isEqualTo("cllr");
    assertThat(summary.callId()).isEqualTo("6790a1c4e2b7f81d3c5a9e12");
    assertThat(summary.outcome()).isEqualTo(CallSummary.Outcome.UNKNOWN);
    assertThat(summary.providerStatus()).isNull();
    assertThat(summary.businessOutcome()).isEqualTo("Appointment Scheduled");
    assertThat(summary.startedAt()).isNull();
    assertThat(summary.endedAt()).isNull();
    assertThat(summary.duration()).isNull();
    assertThat(summary.summary()).startsWith("Caller asked about moving her home loan");
    assertThat(summary.sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(summary.recordingUrl())
        .isEqualTo(
            "https://storage.example.com/recordings/6790a1c4e2b7f81d3c5a9e12/call_recording.ogg");
    assertThat(summary.transcript()).isEmpty();
    assertThat(summary.customerPhoneNumber()).isEqualTo("+91-98765-43210");
    assertThat(summary.agentPhoneNumber()).isNull();
    assertThat(summary.correlation())
        .hasSize(18)
        .containsEntry("name", "Priya Sharma")
        .containsEntry("pincode", "560038")
        .containsEntry("language", "Hindi")
        .containsEntry("classification", "Home Loan Inquiry")
        .containsEntry("score", new BigDecimal("78.5"));
  }

  @Test
  void callSummary_documentedExample_takesSentimentFromMood() {
    CallSummary summary = CllrWebhookParserTest.postCall("post_call.json").callSummary();

    assertThat(summary.sentiment()).isEqualTo(Sentiment.POSITIVE);
    // cllr sends a sales result, not how the call went: it is no call outcome.
    assertThat(summary.outcome()).isEqualTo(CallSummary.Outcome.UNKNOWN);
    assertThat(summary.providerStatus()).isNull();
    assertThat(summary.businessOutcome()).isEqualTo("Demo Scheduled");
    assertThat(summary.summary()).isEqualTo("Customer called to schedule a product demo...");
    assertThat(summary.customerPhoneNumber()).isEqualTo("+1-555-123-4567");
    assertThat(summary.correlation())
        .containsExactly(
            Map.entry("name", "John Smith"),
            Map.entry("phoneNumber", "+1-555-123-4567"),
            Map.entry("email", "john.smith@example.com"),
            Map.entry("scheduledTime", "2025-01-20T10:00:00Z"),
            Map.entry("address", "123 Main Street"),
            Map.entry("city", "New York"),
            Map.entry("state", "NY"),
            Map.entry("country", "USA"),
            Map.entry("language", "English"),
            Map.entry("classification", "Sales Inquiry"),
            Map.entry("score", new BigDecimal("85")));
  }

  @Test
  void callSummary_curlTestPayload_hasNoAnalysis() {
    CallSummary summary = CllrWebhookParserTest.postCall("post_call.minimal.json").callSummary();

    assertThat(summary.callId()).isEqualTo("test-call-123");
    assertThat(summary.outcome()).isEqualTo(CallSummary.Outcome.UNKNOWN);
    assertThat(summary.providerStatus()).isNull();
    assertThat(summary.businessOutcome()).isNull();
    assertThat(summary.summary()).isNull();
    assertThat(summary.sentiment()).isEqualTo(Sentiment.UNKNOWN);
    assertThat(summary.recordingUrl()).isEqualTo("https://example.com/recording.ogg");
    assertThat(summary.customerPhoneNumber()).isEqualTo("+1-555-000-0000");
    assertThat(summary.correlation())
        .containsExactly(
            Map.entry("name", "Test User"), Map.entry("phoneNumber", "+1-555-000-0000"));
  }

  @Test
  void callSummary_nothingButTheCallId_isEmpty() {
    CallSummary summary = new PostCallEvent("c-1", null, null, null, null, Map.of()).callSummary();

    assertThat(summary.callId()).isEqualTo("c-1");
    assertThat(summary.sentiment()).isEqualTo(Sentiment.UNKNOWN);
    assertThat(summary.customerPhoneNumber()).isNull();
    assertThat(summary.recordingUrl()).isNull();
    assertThat(summary.correlation()).isEmpty();
  }

  @Test
  void callSummary_sentimentLabel_winsOverMood() {
    assertThat(withAnalysis("Negative", "Positive").callSummary().sentiment())
        .isEqualTo(Sentiment.NEGATIVE);
    assertThat(withAnalysis(Map.of("label", "neutral"), "Angry").callSummary().sentiment())
        .isEqualTo(Sentiment.NEUTRAL);
    assertThat(withAnalysis(Map.of("sentiment", "POSITIVE"), null).callSummary().sentiment())
        .isEqualTo(Sentiment.POSITIVE);
    assertThat(
            withAnalysis(Map.of("overall", Map.of("label", "negative", "score", -0.6)), "Happy")
                .callSummary()
                .sentiment())
        .isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void callSummary_unrecognisedSentiment_fallsBackToMood() {
    assertThat(withAnalysis(Map.of("score", 0.8), "positive").callSummary().sentiment())
        .isEqualTo(Sentiment.POSITIVE);
    assertThat(withAnalysis("Delighted", "Neutral").callSummary().sentiment())
        .isEqualTo(Sentiment.NEUTRAL);
    assertThat(withAnalysis(List.of("positive"), "Negative").callSummary().sentiment())
        .isEqualTo(Sentiment.NEGATIVE);
    assertThat(withAnalysis(null, "Curious").callSummary().sentiment())
        .isEqualTo(Sentiment.UNKNOWN);
  }

  @Test
  void dispatch_callsOnPostCall() {
    PostCallEvent event = CllrWebhookParserTest.postCall("post_call.json");
    List<PostCallEvent> seen = new ArrayList<>();
    CllrEventListener listener =
        new CllrEventListener() {
          @Override
          public void onPostCall(PostCallEvent e) {
            seen.add(e);
          }
        };

    listener.accept(event);

    assertThat(seen).containsExactly(event);
  }

  @Test
  void constructor_blankCallId_isRejectedByName() {
    assertThatThrownBy(() -> new PostCallEvent(" ", null, null, null, null, Map.of()))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage("Missing required field 'callId' in 'post_call' event");
  }
}
