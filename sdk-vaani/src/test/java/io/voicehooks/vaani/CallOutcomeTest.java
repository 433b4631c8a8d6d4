package io.voicehooks.vaani;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.CallSummary;
import io.voicehooks.core.CallSummary.Outcome;
import io.voicehooks.fixtures.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The outcome of a Vaani call, folded from Vaani's documented example payloads. */
final class CallOutcomeTest {
  private static final VaaniWebhookParser PARSER = VaaniWebhookParser.create();
  private static final String ROOM = "room_123abc";

  private static VaaniEvent fixture(String name) {
    return PARSER.parse(Fixtures.bytes("vaani", name));
  }

  private static CallState fold(String... fixtures) {
    VaaniCallTracker tracker = VaaniCallTracker.create(10);
    CallState state = null;
    for (String name : fixtures) {
      state = tracker.apply(fixture(name));
    }
    return state;
  }

  private static CallSummary summary(String... fixtures) {
    CallState state = fold(fixtures);
    return ((CallPostprocessingEvent) fixture("call_postprocessing.json")).callSummary(state);
  }

  @ParameterizedTest
  @CsvSource({
    // Every documented status, from the event that sends it; only the failures end a call.
    "call_started.json, dialing, UNKNOWN",
    "call_ringing.json, ringing, UNKNOWN",
    "user_picked_up_at.json, active, UNKNOWN",
    "call_rejected.json, rejected, BUSY",
    "call_no_answer.json, no_answer, NO_ANSWER",
    "call_failed.json, failed, FAILED"
  })
  void outcome_everyDocumentedStatus_mapsAndKeepsTheText(
      String fixture, String status, Outcome expected) {
    CallState state = fold("call_started.json", fixture);

    assertThat(state.status().raw()).isEqualTo(status);
    assertThat(state.outcome()).isEqualTo(expected);
  }

  @Test
  void callSummary_failedCallsThenEnded_keepTheFailureAndItsStatus() {
    assertThat(summary("call_started.json", "call_ringing.json", "call_rejected.json"))
        .extracting(CallSummary::outcome, CallSummary::providerStatus)
        .containsExactly(Outcome.BUSY, "rejected");
    assertThat(summary("call_started.json", "call_no_answer.json", "call_ended.json"))
        .extracting(CallSummary::outcome, CallSummary::providerStatus)
        .containsExactly(Outcome.NO_ANSWER, "no_answer");
    assertThat(summary("call_failed.json", "call_ended.json"))
        .extracting(CallSummary::outcome, CallSummary::providerStatus)
        .containsExactly(Outcome.FAILED, "failed");
  }

  @Test
  void callSummary_answeredAndEnded_isCompletedWithTheEndReason() {
    CallSummary call =
        summary(
            "call_started.json",
            "call_ringing.json",
            "user_picked_up_at.json",
            "call_ended.json",
            "call_postprocessing.json");

    assertThat(call.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(call.providerStatus()).isEqualTo("AGENT_REQUESTED_DISCONNECT");
    assertThat(call.businessOutcome()).isNull();
    assertThat(call.summary())
        .isEqualTo("Customer called to inquire about service availability in Mumbai.");
  }

  @Test
  void callSummary_anyOrder_givesTheSameOutcome() {
    List<String> events =
        List.of("call_postprocessing.json", "call_ended.json", "user_picked_up_at.json");
    assertThat(summary(events.toArray(String[]::new)).outcome()).isEqualTo(Outcome.COMPLETED);
  }

  @Test
  void callSummary_transferSucceeded_isTransferred() {
    CallSummary call =
        summary(
            "call_started.json",
            "user_picked_up_at.json",
            "human_transfer_initiated.json",
            "human_transfer_failed.json",
            "human_transfer_successful.json",
            "call_ended.json");

    assertThat(call.outcome()).isEqualTo(Outcome.TRANSFERRED);
    assertThat(call.providerStatus()).isEqualTo("AGENT_REQUESTED_DISCONNECT");
  }

  @Test
  void callSummary_transferOnlyFailed_isCompleted() {
    CallState state =
        fold(
            "call_started.json",
            "user_picked_up_at.json",
            "human_transfer_initiated.json",
            "human_transfer_failed.json",
            "call_ended.json");

    assertThat(state.transferred()).isFalse();
    assertThat(state.outcome()).isEqualTo(Outcome.COMPLETED);
  }

  @Test
  void callSummary_endedWithoutAPickUpSeen_isUnknown() {
    CallSummary call = summary("call_started.json", "call_ended.json");

    assertThat(call.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(call.providerStatus()).isEqualTo("AGENT_REQUESTED_DISCONNECT");
  }

  @Test
  void callSummary_unknownStatusOnAFailure_keepsTheTextAndTheEventsMeaning() {
    String body =
        "{\"event\":\"call_no_answer\",\"room_name\":\"" + ROOM + "\",\"status\":\"timeout\"}";
    VaaniCallTracker tracker = VaaniCallTracker.create(10);
    CallState state = tracker.apply(PARSER.parse(body.getBytes(StandardCharsets.UTF_8)));

    assertThat(state.status().isUnknown()).isTrue();
    assertThat(state.outcome()).isEqualTo(Outcome.NO_ANSWER);
    assertThat(((CallPostprocessingEvent) fixture("call_postprocessing.json")).callSummary(state))
        .extracting(CallSummary::outcome, CallSummary::providerStatus)
        .containsExactly(Outcome.NO_ANSWER, "timeout");
  }

  @Test
  void callSummary_unknownEndReason_isKeptAsTheProviderStatus() {
    String body =
        "{\"event\":\"call_ended\",\"room_name\":\""
            + ROOM
            + "\",\"call_duration\":3,"
            + "\"end_reason\":\"CARRIER_DROPPED\"}";
    VaaniCallTracker tracker = VaaniCallTracker.create(10);
    tracker.apply(fixture("user_picked_up_at.json"));
    CallState state = tracker.apply(PARSER.parse(body.getBytes(StandardCharsets.UTF_8)));
    CallSummary call =
        ((CallPostprocessingEvent) fixture("call_postprocessing.json")).callSummary(state);

    assertThat(call.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(call.providerStatus()).isEqualTo("CARRIER_DROPPED");
  }

  @Test
  void callSummary_withoutState_isUnknownWithNoStatus() {
    CallSummary call =
        ((CallPostprocessingEvent) fixture("call_postprocessing.json")).callSummary();

    assertThat(call.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(call.providerStatus()).isNull();
    assertThat(call.businessOutcome()).isNull();
  }

  @Test
  void callSummary_stateOfAnotherRoom_isRejected() {
    CallState other = VaaniCallTracker.create(1).apply(VaaniCallTrackerTest.started("room_other"));
    CallPostprocessingEvent event = (CallPostprocessingEvent) fixture("call_postprocessing.json");

    assertThatThrownBy(() -> event.callSummary(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another room");
  }
}
