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
      try {
        return InstantDeserializer.INSTANT.deserialize(p, ctxt);
      } catch (DateTimeException | ArithmeticException e) {
        Json.reportLenient(p, Instant.class);
        return null;
      }
    }
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      Instant instant = fromNumber(p.getText());
      if (instant == null) {
        Json.reportLenient(p, Instant.class);
      }
      return instant;
    }
    Json.reportLenient(p, Instant.class);
    p.skipChildren();
    return null;
  }

  private static @Nullable Instant fromNumber(String text) {
    BigDecimal seconds;
    try {
      seconds = new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
    // Bound the exponent before any arithmetic: "1e999999999" is short but enormous.
    if (seconds.scale() < -20 || seconds.scale() > 40) {
      return null;
    }
    if (seconds.abs().compareTo(MILLIS_FROM) >= 0) {
      seconds = seconds.movePointLeft(3);
    }
    if (seconds.abs().compareTo(LIMIT_SECONDS) >= 0) {
      return null;
    }
    long whole = seconds.longValue();
    long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
    return Instant.ofEpochSecond(whole, nanos);
  }

  @Override
  public @Nullable Instant getNullValue(DeserializationContext ctxt) {
    return null;
  }
}
