package io.voicehooks.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.TestEvents.Ping;
import io.voicehooks.core.TestEvents.TestEvent;
import io.voicehooks.core.WebhookResponse.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The one body size limit, set in the parser's {@link JsonLimits} and read by the handler: at its
 * exact edge, and the range it takes.
 */
final class WebhookHandlerLimitsTest {
  private static WebhookHandler.Builder<TestEvent> builder(int maxBodyBytes) {
    return WebhookHandler.builder(
            TestEvents.parser(JsonLimits.defaults().withMaxBodyBytes(maxBodyBytes)))
        .listener(event -> {});
  }

  @Test
  void handle_bodyOfExactlyTheLimit_isProcessedAndOneByteMoreIsTooLarge() {
    byte[] body = "{\"type\":\"ping\",\"id\":\"k1\"}".getBytes(UTF_8);
    WebhookHandler atLimit = builder(body.length).build();
    assertThat(atLimit.handle(WebhookRequest.of(body)).outcome()).isEqualTo(Outcome.PROCESSED);
    WebhookHandler belowLimit = builder(body.length - 1).build();
    WebhookResponse refused = belowLimit.handle(WebhookRequest.of(body));
    assertThat(refused.outcome()).isEqualTo(Outcome.TOO_LARGE);
    assertThat(refused.body())
        .isEqualTo("{\"error\":\"Body exceeds the limit of " + (body.length - 1) + " bytes\"}");
  }

  @Test
  void maxBodyBytes_takesOneToTwoToTheThirtyOneMinusNine() {
    JsonLimits limits = JsonLimits.defaults();
    assertThatCode(() -> limits.withMaxBodyBytes(1)).doesNotThrowAnyException();
    assertThatCode(() -> limits.withMaxBodyBytes(Integer.MAX_VALUE - 8)).doesNotThrowAnyException();
    assertThatThrownBy(() -> limits.withMaxBodyBytes(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBodyBytes must be between 1 and 2^31 - 9");
    assertThatThrownBy(() -> limits.withMaxBodyBytes(Integer.MAX_VALUE - 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBodyBytes must be between 1 and 2^31 - 9");
  }

  @Test
  void builder_readsTheLimitFromTheParserAndDefaultsToJsonLimitsDefaults() {
    WebhookParser<TestEvent> lambda = request -> new Ping("k1");
    assertThat(lambda.maxBodyBytes()).isEqualTo(JsonLimits.defaults().maxBodyBytes());
    byte[] overDefault = new byte[JsonLimits.defaults().maxBodyBytes() + 1];
    WebhookHandler handler = WebhookHandler.builder(lambda).listener(event -> {}).build();
    assertThat(handler.handle(WebhookRequest.of(overDefault)).status()).isEqualTo(413);
  }

  /** A parser that reports this limit, whatever it enforces. */
  private static WebhookParser<TestEvent> reporting(int limit) {
    return new WebhookParser<>() {
      @Override
      public TestEvent parse(WebhookRequest request) {
        return new Ping("k1");
      }

      @Override
      public int maxBodyBytes() {
        return limit;
      }
    };
  }

  @Test
  void builder_refusesAParserReportingALimitOutOfRange() {
    for (int limit : new int[] {0, Integer.MAX_VALUE - 7}) {
      assertThatThrownBy(() -> WebhookHandler.builder(reporting(limit)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("parser.maxBodyBytes() must be between 1 and 2^31 - 9, not " + limit);
    }
    assertThatCode(() -> WebhookHandler.builder(reporting(1))).doesNotThrowAnyException();
    assertThatCode(() -> WebhookHandler.builder(reporting(Integer.MAX_VALUE - 8)))
        .doesNotThrowAnyException();
  }
}
