package io.voicehooks.vaani;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transfer events, which a call sends once per attempt: their keys tell attempts apart and
 * re-deliveries not, and the tracker follows several attempts.
 */
final class RepeatableEventsTest {
  private static final VaaniWebhookParser PARSER = VaaniWebhookParser.create();

  private static final String INITIATED_TO_A =
      "{\"event\":\"human_transfer_initiated\",\"room_name\":\"room_9\","
          + "\"transfer_type\":\"warm\",\"phone_number\":\"+919876543210\"}";
  private static final String INITIATED_TO_B =
      "{\"event\":\"human_transfer_initiated\",\"room_name\":\"room_9\","
          + "\"transfer_type\":\"warm\",\"phone_number\":\"+919800000000\"}";
  private static final String FAILED_A =
      "{\"event\":\"human_transfer_failed\",\"room_name\":\"room_9\",\"transfer_type\":\"warm\","
          + "\"phone_number\":\"+919876543210\",\"reason\":\"busy\",\"sip_status\":\"busy\"}";
  private static final String SUCCEEDED_B =
      "{\"event\":\"human_transfer_successful\",\"room_name\":\"room_9\","
          + "\"transfer_type\":\"warm\",\"phone_number\":\"+919800000000\","
          + "\"agent_identity\":\"human_agent_1712485400\"}";

  private static String key(String json) {
    return PARSER.parse(json).idempotencyKey();
  }

  @Test
  void key_ofARedeliveryWithOtherLayout_isTheSame() {
    String reordered =
        "{ \"phone_number\" : \"+919876543210\",\n  \"transfer_type\": \"warm\",\n"
            + "  \"room_name\": \"room_9\", \"event\": \"human_transfer_initiated\" }";

    assertThat(key(reordered)).isEqualTo(key(INITIATED_TO_A));
  }

  @Test
  void key_ofASecondAttemptWithOtherValues_differs() {
    assertThat(key(INITIATED_TO_B)).isNotEqualTo(key(INITIATED_TO_A));
    assertThat(key(FAILED_A.replace("\"reason\":\"busy\"", "\"reason\":\"no_answer\"")))
        .isNotEqualTo(key(FAILED_A));
    assertThat(key(FAILED_A.replace("\"sip_status\":\"busy\"", "\"sip_status\":\"486\"")))
        .isNotEqualTo(key(FAILED_A));
    assertThat(key(SUCCEEDED_B.replace("1712485400", "1712485999"))).isNotEqualTo(key(SUCCEEDED_B));
    assertThat(key(INITIATED_TO_A.replace("\"warm\"", "\"cold\"")))
        .isNotEqualTo(key(INITIATED_TO_A));
  }

  @Test
  void key_ignoresFieldsTheSdkDoesNotDeclare() {
    String withExtra = INITIATED_TO_A.replace("}", ",\"attempt_note\":\"second try\"}");

    assertThat(key(withExtra)).isEqualTo(key(INITIATED_TO_A));
  }

  @Test
  void key_ofAnAbsentFieldDiffersFromAnEmptyOne() {
    String withoutType =
        "{\"event\":\"human_transfer_initiated\",\"room_name\":\"room_9\","
            + "\"phone_number\":\"+919876543210\"}";
    String emptyType = withoutType.replace("}", ",\"transfer_type\":\"\"}");

    assertThat(key(withoutType)).isNotEqualTo(key(emptyType));
  }

  @Test
  void key_namesProviderEventAndRoomInClear() {
    assertThat(key(INITIATED_TO_A)).matches("vaani:human_transfer_initiated:room_9:[0-9a-f]{32}");
    assertThat(key(FAILED_A)).matches("vaani:human_transfer_failed:room_9:[0-9a-f]{32}");
    assertThat(key(SUCCEEDED_B)).matches("vaani:human_transfer_successful:room_9:[0-9a-f]{32}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"event\":\"call_ringing\",\"room_name\":\"room_9\",\"status\":\"ringing\"}",
        "{\"event\":\"call_started\",\"room_name\":\"room_9\",\"status\":\"dialing\"}",
        "{\"event\":\"call_ended\",\"room_name\":\"room_9\",\"call_duration\":42.5}"
      })
  void key_ofAOncePerCallEvent_isTheRoomWhateverTheContent(String json) {
    String changed = json.replace("\"room_9\",", "\"room_9\",\"status_detail\":\"x\",");

    assertThat(key(json)).isEqualTo(key(changed)).doesNotMatch(".*:[0-9a-f]{32}$");
  }

  @Test
  void handler_failedFirstTransferThenSuccessfulSecond_dispatchesBothAttemptsOnce() {
    VaaniCallTracker calls = VaaniCallTracker.create(10);
    List<String> received = new ArrayList<>();
    WebhookHandler handler =
        PARSER.handler(
            calls.andThen(
                new VaaniEventListener() {
                  @Override
                  public void accept(VaaniEvent event) {
                    received.add(event.eventType());
                  }
                }));
    String redelivery = FAILED_A.replace(",", ", ");
    List<WebhookResponse.Outcome> outcomes = new ArrayList<>();
    for (String body :
        List.of(
            "{\"event\":\"user_picked_up_at\",\"room_name\":\"room_9\",\"status\":\"active\"}",
            INITIATED_TO_A,
            FAILED_A,
            redelivery,
            INITIATED_TO_B,
            INITIATED_TO_A,
            SUCCEEDED_B)) {
      outcomes.add(handler.handle(WebhookRequest.of(body.getBytes(UTF_8))).outcome());
    }

    assertThat(outcomes)
        .containsExactly(
            WebhookResponse.Outcome.PROCESSED,
            WebhookResponse.Outcome.PROCESSED,
            WebhookResponse.Outcome.PROCESSED,
            WebhookResponse.Outcome.DUPLICATE,
            WebhookResponse.Outcome.PROCESSED,
            WebhookResponse.Outcome.DUPLICATE,
            WebhookResponse.Outcome.PROCESSED);
    assertThat(received)
        .containsExactly(
            "user_picked_up_at",
            "human_transfer_initiated",
            "human_transfer_failed",
            "human_transfer_initiated",
            "human_transfer_successful");
    CallState call = calls.state("room_9");
    assertThat(call.transfers())
        .isEqualTo(new TransferAttempts(2, 1, 1, OpenEnum.of(TransferFailureReason.BUSY)));
    assertThat(call.transfers().count()).isEqualTo(2);
    assertThat(call.transfers().state()).isEqualTo(TransferAttempts.State.SUCCEEDED);
    assertThat(call.phase()).isEqualTo(CallPhase.TRANSFERRED);
    assertThat(call.transferTarget()).isEqualTo("+919800000000");
    assertThat(call.agentIdentity()).isEqualTo("human_agent_1712485400");
    assertThat(call.eventsSeen()).isEqualTo(5);
  }

  @Test
  void tracker_secondAttemptUnderWay_isInProgressWhileThePhaseStaysTransferFailed() {
    VaaniCallTracker calls = VaaniCallTracker.create(10);
    calls.apply(PARSER.parse(INITIATED_TO_A));
    calls.apply(PARSER.parse(FAILED_A));
    assertThat(calls.state("room_9").transfers().state()).isEqualTo(TransferAttempts.State.FAILED);

    CallState call = calls.apply(PARSER.parse(INITIATED_TO_B));

    assertThat(call.phase()).isEqualTo(CallPhase.TRANSFER_FAILED);
    assertThat(call.transfers().state()).isEqualTo(TransferAttempts.State.IN_PROGRESS);
    assertThat(call.transfers().count()).isEqualTo(2);
  }

  @Test
  void tracker_countsAttemptsWhateverTheOrder() {
    List<String> bodies = List.of(SUCCEEDED_B, FAILED_A, INITIATED_TO_B, INITIATED_TO_A);
    VaaniCallTracker calls = VaaniCallTracker.create(10);
    bodies.forEach(body -> calls.apply(PARSER.parse(body)));

    assertThat(calls.state("room_9").transfers())
        .isEqualTo(new TransferAttempts(2, 1, 1, OpenEnum.of(TransferFailureReason.BUSY)));
  }

  @Test
  void transferAttempts_countIncludesAttemptsWhoseInitiationWasLost() {
    assertThat(new TransferAttempts(1, 1, 1, null).count()).isEqualTo(2);
    assertThat(new TransferAttempts(3, 1, 0, null).count()).isEqualTo(3);
    assertThat(TransferAttempts.NONE.count()).isZero();
    assertThat(TransferAttempts.NONE.state()).isEqualTo(TransferAttempts.State.NONE);
    assertThat(new TransferAttempts(0, 1, 0, null).state())
        .isEqualTo(TransferAttempts.State.FAILED);
    assertThat(new TransferAttempts(2, 2, 0, null).state())
        .isEqualTo(TransferAttempts.State.FAILED);
    assertThat(new TransferAttempts(Integer.MAX_VALUE, Integer.MAX_VALUE, 5, null).count())
        .isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void transferAttempts_rejectsNegativeCounts() {
    assertThatThrownBy(() -> new TransferAttempts(0, -1, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void transferAttempts_latestFailureReasonWins_andAFailureWithoutOneKeepsThePrevious() {
    TransferAttempts attempts =
        TransferAttempts.NONE
            .afterFailed(OpenEnum.of(TransferFailureReason.BUSY))
            .afterFailed(OpenEnum.of(TransferFailureReason.NO_ANSWER))
            .afterFailed(null);

    assertThat(attempts.lastFailureReason())
        .isEqualTo(OpenEnum.of(TransferFailureReason.NO_ANSWER));
    assertThat(attempts.failed()).isEqualTo(3);
  }
}
