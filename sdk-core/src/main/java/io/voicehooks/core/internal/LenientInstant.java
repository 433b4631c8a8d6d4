package io.voicehooks.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import org.jspecify.annotations.Nullable;

/**
 * Reads an {@link Instant} from an ISO-8601 string (with {@code Z} or an offset) as JSR-310 does,
 * or from a number of epoch seconds; a number of 10<sup>11</sup> or more is taken as epoch
 * milliseconds, since as seconds it would lie past the year 5000. Anything else, including numbers
 * no instant can hold, reads as null: Jackson's own reader fails the delivery for {@code 1e20} and
 * reads {@code 1e999999999} as 1970.
 */
final class LenientInstant extends StdDeserializer<Instant> {
  private static final long serialVersionUID = 1L;
  private static final BigDecimal MILLIS_FROM = new BigDecimal("1e11");
  private static final BigDecimal LIMIT_SECONDS = new BigDecimal("1e11");

  LenientInstant() {
    super(Instant.class);
  }

  @Override
  public @Nullable Instant deserialize(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      Instant instant = parseRfc3339(p.getText());
      if (instant != null) {
        return instant;
      }
      try {
        return Fallback.ISO.deserialize(p, ctxt);
      } catch (DateTimeException | ArithmeticException e) {
        Json.reportLenient(p, ctxt, Instant.class);
        return null;
      }
    }
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      Instant instant = fromNumber(p.getText());
      if (instant == null) {
        Json.reportLenient(p, ctxt, Instant.class);
      }
      return instant;
    }
    Json.reportLenient(p, ctxt, Instant.class);
    p.skipChildren();
    return null;
  }

  /** JSR-310's reader, loaded only for text that is not in the common shape. */
  private static final class Fallback {
    static final InstantDeserializer<Instant> ISO = InstantDeserializer.INSTANT;
  }

  /**
   * Parses {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)}, the RFC 3339 form providers send, by
   * hand: on JDK 17, {@code ISO_INSTANT} builds a new formatter for every value, which made
   * timestamps most of a typed parse's cost.
   *
   * @param s the text
   * @return the instant, or null when the text has another shape (the fallback then reads it)
   */
  static @Nullable Instant parseRfc3339(String s) {
    int n = s.length();
    if (n < 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || (day > 28 && day > Month.of(month).length(Year.isLeap(year)))) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      int count = i - start;
      if (count == 0 || count > 9) {
        return null;
      }
      nanos = digits(s, start, count);
      for (int k = count; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offsetSeconds = 0;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int hours = digits(s, i + 1, 2);
      int minutes = digits(s, i + 4, 2);
      if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
        return null;
      }
      offsetSeconds = (hours * 3600 + minutes * 60) * (s.charAt(i) == '-' ? -1 : 1);
    } else {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(
        epochDay * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds, nanos);
  }

  /** {@return the value of {@code count} ASCII digits from {@code from}, or -1} */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int digit = s.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private static @Nullable Instant fromNumber(String text) {
    BigDecimal seconds = Decimals.parseBounded(text);
    if (seconds == null) {
      return null;
    }
    if (seconds.abs().compareTo(MILLIS_FROM) >= 0) {
      seconds = seconds.movePointLeft(3);
    }
    if (seconds.abs().compareTo(LIMIT_SECONDS) >= 0) {
      return null;
    }
    return Instant.EPOCH.plus(Decimals.seconds(seconds));
  }

  @Override
  public @Nullable Instant getNullValue(DeserializationContext ctxt) {
    return null;
  }
}
