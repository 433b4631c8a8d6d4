package io.voicehooks.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads a boxed number or boolean sent as an object or array as null, like every other value of the
 * wrong shape. Jackson before 2.20 throws a {@code NullPointerException} there when a problem
 * handler answers null, so the lenient reading is done here instead, the same on every version.
 */
final class LenientScalar<T> extends StdDeserializer<T> {
  private static final long serialVersionUID = 1L;

  private final JsonDeserializer<T> standard;

  private LenientScalar(Class<T> type, JsonDeserializer<T> standard) {
    super(type);
    this.standard = standard;
  }

  /** {@return a module with the lenient wrappers for the boxed scalar types records use} */
  static SimpleModule module() {
    SimpleModule module = new SimpleModule("voicehooks-lenient-scalars");
    add(module, BigDecimal.class);
    add(module, Integer.class);
    add(module, Long.class);
    add(module, Double.class);
    add(module, Boolean.class);
    module.addDeserializer(Instant.class, new LenientInstant());
    // Written as ISO-8601 text; a component in a provider's unit says so (@InSeconds, @InMillis).
    module.addSerializer(Instant.class, ToStringSerializer.instance);
    module.addSerializer(Duration.class, ToStringSerializer.instance);
    return module;
  }

  @SuppressWarnings("unchecked")
  private static <T> void add(SimpleModule module, Class<T> type) {
    JsonDeserializer<T> standard =
        (JsonDeserializer<T>)
            Objects.requireNonNull(NumberDeserializers.find(type, type.getName()), type.getName());
    module.addDeserializer(type, new LenientScalar<>(type, standard));
  }

  @Override
  public @Nullable T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      Json.reportLenient(p, ctxt, handledType());
      p.skipChildren();
      return null;
    }
    try {
      return standard.deserialize(p, ctxt);
    } catch (InputCoercionException outOfRange) {
      // 2147483648 for an Integer: a value the type cannot hold reads as null, like any other.
      Json.reportLenient(p, ctxt, handledType());
      return null;
    }
  }

  @Override
  public @Nullable T getNullValue(DeserializationContext ctxt) {
    return null;
  }
}
