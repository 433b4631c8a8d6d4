package io.voicehooks.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link Duration} from a number of seconds or milliseconds, integral or fractional, sent
 * as a JSON number or a numeric string. Negative, non-numeric and absurdly large values are
 * reported to the problem handlers (and so read as null by VoiceHooks' mappers): a provider's odd
 * duration must not fail the whole delivery.
 *
 * <p>Use the nested subclasses in {@code @JsonDeserialize(using = ...)}.
 */
public abstract class DurationDeserializer extends StdDeserializer<Duration> {
  private static final long serialVersionUID = 1L;

  /** One hundred years in seconds: no call lasts longer, and conversion stays exact below it. */
  private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(100L * 366 * 24 * 3600);

  private final int scale;
  private final long maxUnits;

  private DurationDeserializer(int scale) {
    super(Duration.class);
    this.scale = scale;
    this.maxUnits = MAX_SECONDS.movePointRight(scale).longValueExact();
  }

  /** Reads seconds, such as {@code 125} or {@code 42.5}. */
  public static final class Seconds extends DurationDeserializer {
    private static final long serialVersionUID = 1L;

    /** Creates the deserializer. */
    public Seconds() {
      super(0);
    }
  }

  /** Reads milliseconds, such as {@code 42500}. */
  public static final class Millis extends DurationDeserializer {
    private static final long serialVersionUID = 1L;

    /** Creates the deserializer. */
    public Millis() {
      super(3);
    }
  }

  @Override
  public @Nullable Duration deserialize(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT
        && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      // The common case, whole seconds or milliseconds, without BigDecimal arithmetic.
      long units = p.getLongValue();
      if (units < 0 || units > maxUnits) {
        return (Duration) ctxt.handleWeirdNumberValue(Duration.class, 0, "duration out of range");
      }
      return scale == 0 ? Duration.ofSeconds(units) : Duration.ofMillis(units);
    }
    BigDecimal amount;
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      String text = p.getText();
      amount = parse(text);
      if (amount == null) {
        return (Duration) ctxt.handleWeirdNumberValue(Duration.class, 0, "not a duration");
      }
    } else if (token == JsonToken.VALUE_STRING) {
      String text = p.getText().trim();
      amount = parse(text);
      if (amount == null) {
        return (Duration) ctxt.handleWeirdStringValue(Duration.class, text, "not a duration");
      }
    } else {
      return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
    }
    BigDecimal seconds = amount.movePointLeft(scale);
    if (seconds.signum() < 0 || seconds.compareTo(MAX_SECONDS) > 0) {
      return (Duration) ctxt.handleWeirdNumberValue(Duration.class, 0, "duration out of range");
    }
    return Decimals.seconds(seconds);
  }

  private static @Nullable BigDecimal parse(String text) {
    return text.isEmpty() || text.length() > 40 ? null : Decimals.parseBounded(text);
  }
}
