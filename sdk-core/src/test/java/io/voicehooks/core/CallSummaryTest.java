package io.voicehooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class CallSummaryTest {
  @Test
  void callSummary_toString_hidesPersonalDataAndKeepsTheFacts() {
    CallSummary call =
        new CallSummary(
            "agni",
            "s-1",
            CallSummary.Outcome.COMPLETED,
            "completed",
            "issue_resolved",
            Instant.parse("2026-03-24T18:30:00Z"),
            null,
            Duration.ofSeconds(125),
            "Zelda wants to cancel",
            CallSummary.Sentiment.NEGATIVE,
            "https://rec.example/1.mp3?token=SECRET",
            List.of(new CallSummary.Turn(CallSummary.Role.USER, "I am Zelda", Duration.ZERO)),
            "+14155550199",
            null,
            Map.of("crmId", "CRM-1"));

    assertThat(call.toString())
        .isEqualTo(
            "CallSummary[provider=agni, callId=s-1, outcome=COMPLETED,"
                + " providerStatus=completed, businessOutcome=issue_resolved,"
                + " startedAt=2026-03-24T18:30:00Z, endedAt=null, duration=PT2M5S,"
                + " summary=<redacted, 21 chars>, sentiment=NEGATIVE,"
                + " recordingUrl=<redacted, 38 chars>, transcript=<1 item>,"
                + " customerPhoneNumber=<redacted, 12 chars>, agentPhoneNumber=null,"
                + " correlation=<1 entry>]");
    assertThat(call.transcript().get(0))
        .hasToString("Turn[role=USER, text=<redacted, 10 chars>, offset=PT0S]");
    assertThat(call.summary()).isEqualTo("Zelda wants to cancel");
    assertThat(call.customerPhoneNumber()).isEqualTo("+14155550199");
  }

  @Test
  void callSummary_withoutOutcome_isRejected() {
    assertThatThrownBy(
            () ->
                new CallSummary(
                    "agni",
                    "s-1",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    CallSummary.Sentiment.UNKNOWN,
                    null,
                    List.of(),
                    null,
                    null,
                    Map.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("outcome == null");
  }
}
