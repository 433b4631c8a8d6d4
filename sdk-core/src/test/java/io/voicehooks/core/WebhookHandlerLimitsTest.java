package io.voicehooks.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.TestEvents.TestEvent;
import io.voicehooks.core.WebhookResponse.Outcome;
import org.junit.jupiter.api.Test;

/** The handler's body size limit at its exact edge, and the range the builder takes. */
final class WebhookHandlerLimitsTest {
  private static WebhookHandler.Builder<TestEvent> builder() {
    return WebhookHandler.builder(TestEvents.parser()).listener(event -> {});
  }

  @Test
  void handle_bodyOfExactlyTheLimit_isProcessedAndOneByteMoreIsTooLarge() {
    byte[] body = "{\"type\":\"ping\",\"id\":\"k1\"}".getBytes(UTF_8);
    WebhookHandler atLimit = builder().maxBodyBytes(body.length).build();
    assertThat(atLimit.handle(WebhookRequest.of(body)).outcome()).isEqualTo(Outcome.PROCESSED);
    WebhookHandler belowLimit = builder().maxBodyBytes(body.length - 1).build();
    WebhookResponse refused = belowLimit.handle(WebhookRequest.of(body));
    assertThat(refused.outcome()).isEqualTo(Outcome.TOO_LARGE);
    assertThat(refused.body())
        .isEqualTo("{\"error\":\"Body exceeds the limit of " + (body.length - 1) + " bytes\"}");
  }

  @Test
  void maxBodyBytes_takesOneToTwoToTheThirtyOneMinusNine() {
    assertThatCode(() -> builder().maxBodyBytes(1)).doesNotThrowAnyException();
    assertThatCode(() -> builder().maxBodyBytes(Integer.MAX_VALUE - 8)).doesNotThrowAnyException();
    assertThatThrownBy(() -> builder().maxBodyBytes(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBodyBytes must be between 1 and 2^31 - 9");
    assertThatThrownBy(() -> builder().maxBodyBytes(Integer.MAX_VALUE - 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBodyBytes must be between 1 and 2^31 - 9");
  }
}
