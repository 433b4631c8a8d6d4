package io.voicehooks.cllr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

final class CallerDetailsTest {
  private static CallerDetails scheduled(@Nullable String scheduledTime) {
    return new CallerDetails(
        null,
        null,
        null,
        scheduledTime,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Map.of());
  }

  private static CallerDetails aged(@Nullable String age) {
    return new CallerDetails(
        null, null, null, null, null, null, null, null, null, age, null, null, null, null, null,
        null, Map.of());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2025-01-20T10:00:00Z                    | 2025-01-20T10:00:00Z",
        "2025-01-20T10:00Z                       | 2025-01-20T10:00:00Z",
        "2025-01-20T10:00:00.250Z                | 2025-01-20T10:00:00.250Z",
        "2025-01-20T15:30:00+05:30               | 2025-01-20T10:00:00Z",
        "2025-01-20T05:00:00-05:00               | 2025-01-20T10:00:00Z",
        "2025-01-20T11:00:00+01:00[Europe/Paris] | 2025-01-20T10:00:00Z",
        "'  2025-01-20T10:00:00Z  '              | 2025-01-20T10:00:00Z",
      })
  void scheduledTimeAsInstant_isoDateTimeWithOffset_isTheInstant(String text, String expected) {
    assertThat(scheduled(text).scheduledTimeAsInstant()).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "2025-01-20T10:00:00",
        "2025-01-20T10:00:00[Europe/Paris]",
        "2025-01-20",
        "2025-01-20 10:00",
        "20/01/2025 10:00",
        "tomorrow at 3 PM",
        "1737367200000",
        "2025-13-40T10:00:00Z"
      })
  void scheduledTimeAsInstant_ambiguousOrFreeText_isNull(@Nullable String text) {
    CallerDetails details = scheduled(text);

    assertThat(details.scheduledTimeAsInstant()).isNull();
    assertThat(details.scheduledTime()).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({"34, 34", "' 34 ', 34", "34.0, 34", "0, 0", "007, 7", "999999999, 999999999"})
  void ageAsInteger_wholeNumber_isTheNumber(String text, int expected) {
    assertThat(aged(text).ageAsInteger()).isEqualTo(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {"thirty", "-3", "30-35", "34.5", "34 years", "1e2", "1234567890", "+34", "３４"})
  void ageAsInteger_notAWholeNumber_isNull(@Nullable String text) {
    CallerDetails details = aged(text);

    assertThat(details.ageAsInteger()).isNull();
    assertThat(details.age()).isEqualTo(text);
  }

  @Test
  void asMap_keepsSentFieldsInDocumentedOrder() {
    CallerDetails details =
        new CallerDetails(
            "Ana", null, "", null, null, "560038", null, null, "India", "29", null, null, null,
            null, null, "Tamil", Map.of());

    Map<String, String> map = details.asMap();

    assertThat(map)
        .containsExactly(
            Map.entry("name", "Ana"),
            Map.entry("email", ""),
            Map.entry("pincode", "560038"),
            Map.entry("country", "India"),
            Map.entry("age", "29"),
            Map.entry("language", "Tamil"));
    assertThatThrownBy(() -> map.put("city", "Chennai"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
