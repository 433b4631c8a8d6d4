package io.voicehooks.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class LenientInstantTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-24T18:30:00Z",
        "2026-04-08T05:00:01.130Z",
        "2026-03-24T18:30:00+05:30",
        "2026-03-24T18:30:00.123456789-08:00",
        "2024-02-29T00:00:00Z",
        "1969-12-31T23:59:59.999Z",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59+18:00"
      })
  void parseRfc3339_agreesWithJavaTime(String text) {
    assertThat(LenientInstant.parseRfc3339(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-29T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-03-24T24:00:00Z",
        "2026-03-24T18:30:60Z",
        "2026-03-24T18:30:00",
        "2026-03-24 18:30:00Z",
        "2026-03-24T18:30:00.Z",
        "2026-03-24T18:30:00.1234567891Z",
        "2026-03-24T18:30:00+19:00",
        "2026-03-24T18:30:00z",
        "+12026-03-24T18:30:00Z",
        "2026-03-24T18:30:00Zjunk"
      })
  void parseRfc3339_otherShapes_areLeftToTheFallback(String text) {
    assertThat(LenientInstant.parseRfc3339(text)).isNull();
  }

  @Test
  void parseRfc3339_randomInstantsAndOffsets_agreeWithJavaTime() {
    Random random = new Random(2026);
    for (int i = 0; i < 20_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE), random.nextInt(1_000_000_000));
      ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(36 * 4) - 18 * 4) * 900);
      String text = instant.atOffset(offset).toString();
      assertThat(LenientInstant.parseRfc3339(text)).as(text).isEqualTo(instant);
    }
  }
}
