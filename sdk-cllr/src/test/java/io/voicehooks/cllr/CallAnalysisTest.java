package io.voicehooks.cllr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

final class CallAnalysisTest {
  private static CallAnalysis of(
      @Nullable Object interestsAndNeeds,
      @Nullable Object actionItems,
      @Nullable Object sentiment) {
    return new CallAnalysis(
        null, null, null, null, null, interestsAndNeeds, actionItems, sentiment, Map.of());
  }

  @Test
  void constructor_copiesFreeFormValuesDeeply() {
    List<Object> tasks = new ArrayList<>(List.of("Call back"));
    Map<String, Object> actionItems = new HashMap<>();
    actionItems.put("tasks", tasks);
    actionItems.put("owner", null);

    CallAnalysis analysis = of(null, actionItems, null);
    tasks.add("Send brochure");
    actionItems.put("owner", "Sales");

    assertThat(analysis.actionItemsAsMap()).containsEntry("owner", null);
    assertThat(analysis.actionItemsAsMap().get("tasks")).isEqualTo(List.of("Call back"));
    assertThatThrownBy(() -> analysis.actionItemsAsMap().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void asMap_andAsList_giveTheExpectedShapeWithoutLosingValues() {
    Map<String, Object> object = Map.of("budget", "10k");
    List<Object> array = List.of("demo", "pricing");

    CallAnalysis objects = of(object, object, object);
    CallAnalysis arrays = of(array, array, array);
    CallAnalysis strings = of("demo", "call back", "positive");
    CallAnalysis absent = of(null, null, null);

    assertThat(objects.interestsAndNeedsAsMap()).isEqualTo(object);
    assertThat(objects.interestsAndNeedsAsList()).containsExactly(object);
    assertThat(objects.actionItemsAsMap()).isEqualTo(object);
    assertThat(objects.actionItemsAsList()).containsExactly(object);
    assertThat(objects.sentimentAsMap()).isEqualTo(object);

    assertThat(arrays.interestsAndNeedsAsMap()).isEmpty();
    assertThat(arrays.interestsAndNeedsAsList()).isEqualTo(array);
    assertThat(arrays.actionItemsAsMap()).isEmpty();
    assertThat(arrays.actionItemsAsList()).isEqualTo(array);
    assertThat(arrays.sentimentAsMap()).isEmpty();

    assertThat(strings.interestsAndNeedsAsList()).containsExactly("demo");
    assertThat(strings.actionItemsAsList()).containsExactly("call back");
    assertThat(strings.actionItemsAsMap()).isEmpty();
    assertThat(strings.sentimentAsMap()).isEmpty();

    assertThat(absent.interestsAndNeedsAsMap()).isEmpty();
    assertThat(absent.interestsAndNeedsAsList()).isEmpty();
    assertThat(absent.actionItemsAsMap()).isEmpty();
    assertThat(absent.actionItemsAsList()).isEmpty();
    assertThat(absent.sentimentAsMap()).isEmpty();
  }

  @Test
  void sentimentLabel_readsStringsAndLabelKeys() {
    assertThat(of(null, null, " Positive ").sentimentLabel()).isEqualTo("Positive");
    assertThat(of(null, null, Map.of("label", "NEGATIVE", "score", -0.5)).sentimentLabel())
        .isEqualTo("NEGATIVE");
    assertThat(of(null, null, Map.of("overall", "neutral")).sentimentLabel()).isEqualTo("neutral");
    assertThat(of(null, null, Map.of("sentiment", "positive")).sentimentLabel())
        .isEqualTo("positive");
    assertThat(of(null, null, Map.of("overallSentiment", "Mixed")).sentimentLabel())
        .isEqualTo("Mixed");
    assertThat(of(null, null, Map.of("overall", Map.of("label", "positive"))).sentimentLabel())
        .isEqualTo("positive");
  }

  @Test
  void sentimentLabel_prefersLabelOverOtherKeys() {
    Map<String, Object> sentiment = new LinkedHashMap<>();
    sentiment.put("sentiment", "negative");
    sentiment.put("overall", "neutral");
    sentiment.put("label", "positive");

    assertThat(of(null, null, sentiment).sentimentLabel()).isEqualTo("positive");
  }

  @Test
  void sentimentLabel_noLabel_isNull() {
    assertThat(of(null, null, null).sentimentLabel()).isNull();
    assertThat(of(null, null, "  ").sentimentLabel()).isNull();
    assertThat(of(null, null, new BigDecimal("0.8")).sentimentLabel()).isNull();
    assertThat(of(null, null, List.of("positive")).sentimentLabel()).isNull();
    assertThat(of(null, null, Map.of("score", 0.8, "tone", "warm")).sentimentLabel()).isNull();
    assertThat(of(null, null, Map.of("label", 1)).sentimentLabel()).isNull();
    assertThat(
            of(null, null, Map.of("overall", Map.of("overall", Map.of("label", "positive"))))
                .sentimentLabel())
        .as("looks one object deep, no further")
        .isNull();
  }
}
