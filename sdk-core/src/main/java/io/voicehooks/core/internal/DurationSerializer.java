package io.voicehooks.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Writes a {@link Duration} as the exact number of seconds or milliseconds a provider sent: {@code
 * 125}, {@code 42.5}, {@code 42500}. The inverse of {@link DurationDeserializer}.
 */
public abstract class DurationSerializer extends StdSerializer<Duration> {
  private static final long serialVersionUID = 1L;

  private final int scale;

  private DurationSerializer(int scale) {
    super(Duration.class);
    this.scale = scale;
  }

  /** Writes seconds. */
  public static final class Seconds extends DurationSerializer {
    private static final long serialVersionUID = 1L;

    /** Creates the serializer. */
    public Seconds() {
      super(0);
    }
  }

  /** Writes milliseconds. */
  public static final class Millis extends DurationSerializer {
    private static final long serialVersionUID = 1L;

    /** Creates the serializer. */
    public Millis() {
      super(3);
    }
  }

  @Override
  public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    BigDecimal units =
        BigDecimal.valueOf(value.getSeconds())
            .add(BigDecimal.valueOf(value.getNano(), 9))
            .movePointRight(scale)
            .stripTrailingZeros();
    if (units.scale() <= 0) {
      gen.writeNumber(units.longValueExact());
    } else {
      gen.writeNumber(units);
    }
  }
}
