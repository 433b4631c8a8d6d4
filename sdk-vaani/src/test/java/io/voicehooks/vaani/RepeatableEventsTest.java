package io.voicehooks.vaani;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

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
 * re-deliveries not.
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
    List<String> received = new ArrayList<>();
    WebhookHandler handler =
        PARSER.handler(
            new VaaniEventListener() {
              @Override
              public void accept(VaaniEvent event) {
                received.add(event.eventType());
              }
            });
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
  }
}
