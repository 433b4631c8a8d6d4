package io.voicehooks.agntix;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.core.CallSummary;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SentimentAnalysisTest {
  @Test
  void accessors_readTopLevelKeysFirst() {
    SentimentAnalysis sentiment =
        new SentimentAnalysis(
            Map.of(
                "label",
                "NEUTRAL",
                "score",
                new BigDecimal("0.05"),
                "language",
                "de",
                "conversation",
                Map.of("label", "POSITIVE", "score", 0.9, "language", "en")));

    assertThat(sentiment.label().value()).isEqualTo(SentimentLabel.NEUTRAL);
    assertThat(sentiment.score()).isEqualTo(0.05);
    assertThat(sentiment.language()).isEqualTo("de");
  }

  @Test
  void accessors_fallBackToTheConversationObject() {
    SentimentAnalysis sentiment =
        new SentimentAnalysis(
            Map.of("conversation", Map.of("value", "negative", "score", -1, "languageCode", "hi")));

    assertThat(sentiment.label().raw()).isEqualTo("negative");
    assertThat(sentiment.label().value()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(sentiment.score()).isEqualTo(-1.0);
    assertThat(sentiment.language()).isEqualTo("hi");
    assertThat(sentiment.toCallSentiment()).isEqualTo(CallSummary.Sentiment.NEGATIVE);
  }

  @Test
  void accessors_ignoreValuesOfTheWrongType() {
    Map<String, Object> fields = new HashMap<>();
    fields.put("label", 3);
    fields.put("sentiment", List.of("POSITIVE"));
    fields.put("score", "very good");
    fields.put("language", null);
    fields.put("conversation", "not an object");
    SentimentAnalysis sentiment = new SentimentAnalysis(fields);

    assertThat(sentiment.label()).isNull();
    assertThat(sentiment.score()).isNull();
    assertThat(sentiment.language()).isNull();
    assertThat(sentiment.toCallSentiment()).isEqualTo(CallSummary.Sentiment.UNKNOWN);
    assertThat(sentiment.fields()).containsEntry("language", null).hasSize(5);
  }

  @Test
  void constructor_nullFields_givesAnEmptySentiment() {
    SentimentAnalysis sentiment = new SentimentAnalysis(null);

    assertThat(sentiment.fields()).isEmpty();
    assertThat(sentiment.label()).isNull();
  }

  @Test
  void serialise_writesTheObjectAsSent() {
    SentimentAnalysis sentiment = new SentimentAnalysis(Map.of("label", "POSITIVE"));
    assertThat(io.voicehooks.core.internal.Json.mapper().valueToTree(sentiment).toString())
        .isEqualTo("{\"label\":\"POSITIVE\"}");
    SessionAnalysis empty = new SessionAnalysis(null, null, null, null, null, Map.of());
    assertThat(io.voicehooks.core.internal.Json.mapper().valueToTree(empty).has("empty")).isFalse();
  }
}
