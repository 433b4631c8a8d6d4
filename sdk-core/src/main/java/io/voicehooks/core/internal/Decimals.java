package io.voicehooks.core.internal;

import java.math.BigDecimal;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Number conversions shared by the duration and instant readers. */
final class Decimals {
  private Decimals() {}

  /**
   * Parses a decimal whose exponent is small enough for arithmetic: {@code "1e999999999"} is short
   * but enormous, so it is refused before any operation on it.
   *
   * @param text a number's text
   * @return the value, or null when it is not a number or its exponent is out of bounds
   */
  static @Nullable BigDecimal parseBounded(String text) {
    try {
      BigDecimal value = new BigDecimal(text);
      return value.scale() < -20 || value.scale() > 40 ? null : value;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Converts a number of seconds, possibly fractional or negative, to a duration.
   *
   * @param seconds the seconds, within {@code long} range
   * @return the duration, exact to the nanosecond (finer digits are dropped)
   */
  static Duration seconds(BigDecimal seconds) {
    long whole = seconds.longValue();
    long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
    return Duration.ofSeconds(whole, nanos);
  }
}
