package io.voicehooks.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.voicehooks.core.JsonLimits;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jackson configuration every VoiceHooks parser shares: limits on the stream, strict syntax,
 * and lenient values.
 *
 * <p>Lenient values means a field whose value has the wrong JSON type or an unreadable format (a
 * status sent as an object, a malformed timestamp, a negative duration) reads as null instead of
 * failing the delivery; the field's name (never its value) is logged at debug level, as is every
 * field a record does not declare, so schema drift is visible.
 */
public final class Json {
  /** Created on first use: parsing that logs nothing does not start SLF4J (start-up time). */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger("io.voicehooks.core.json");
  }

  private Json() {}

  /**
   * Creates a mapper that enforces the given limits.
   *
   * @param limits the limits
   * @return a new mapper; configure nothing on it after first use
   */
  public static ObjectMapper mapper(JsonLimits limits) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth())
                    .maxStringLength(limits.maxStringLength())
                    .maxNumberLength(limits.maxNumberLength())
                    .build())
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    return JsonMapper.builder(factory)
        // Instants are read by LenientInstant (in this module), durations by DurationDeserializer
        // per component: the records need nothing else of JSR-310, whose module costs start-up.
        .addModule(LenientScalar.module())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .addHandler(new LenientValues())
        .build();
  }

  /** {@return a mapper with the default limits, for code that reads auxiliary JSON} */
  public static ObjectMapper mapper() {
    return mapper(JsonLimits.defaults());
  }

  /** Logs, at debug level, the path of a value read as null (never the value itself). */
  static void reportLenient(JsonParser p, Class<?> targetType) {
    if (Log.LOG.isDebugEnabled()) {
      Log.LOG.debug(
          "Read field '{}' as null: its value is not a valid {}",
          printable(p.getParsingContext().pathAsPointer().toString()),
          targetType.getSimpleName());
    }
  }

  /**
   * Makes a field name from a payload safe for a log line: control characters escaped (no forged
   * lines) and the length capped.
   */
  static String printable(String name) {
    StringBuilder out = new StringBuilder(Math.min(name.length(), 80) + 8);
    for (int i = 0; i < name.length() && out.length() < 80; i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.length() < name.length() ? out.append("...").toString() : out.toString();
  }

  /** Reads values of the wrong shape as null, and reports field names (never values). */
  private static final class LenientValues extends DeserializationProblemHandler {
    @Override
    public boolean handleUnknownProperty(
        DeserializationContext ctxt,
        JsonParser p,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName)
        throws IOException {
      if (Log.LOG.isDebugEnabled()) {
        Log.LOG.debug(
            "Ignored undeclared field '{}' of {}", printable(propertyName), typeName(beanOrClass));
      }
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        // Finishing the token applies the string-length limit, which skipping would not: an
        // undeclared field is held to the same limits as a declared one.
        p.getTextLength();
      }
      p.skipChildren();
      return true;
    }

    @Override
    public @Nullable Object handleUnexpectedToken(
        DeserializationContext ctxt,
        JavaType targetType,
        JsonToken t,
        JsonParser p,
        String failureMsg)
        throws IOException {
      if (targetType.isPrimitive() || p.getParsingContext().inRoot()) {
        return NOT_HANDLED;
      }
      reportLenient(p, targetType.getRawClass());
      p.skipChildren();
      return null;
    }

    @Override
    public @Nullable Object handleWeirdStringValue(
        DeserializationContext ctxt, Class<?> targetType, String valueToConvert, String failureMsg)
        throws IOException {
      return lenient(ctxt.getParser(), targetType);
    }

    @Override
    public @Nullable Object handleWeirdNumberValue(
        DeserializationContext ctxt, Class<?> targetType, Number valueToConvert, String failureMsg)
        throws IOException {
      return lenient(ctxt.getParser(), targetType);
    }

    @Override
    public @Nullable Object handleMissingInstantiator(
        DeserializationContext ctxt,
        Class<?> instClass,
        ValueInstantiator valueInsta,
        JsonParser p,
        String msg)
        throws IOException {
      if (p.getParsingContext().inRoot()) {
        return NOT_HANDLED;
      }
      reportLenient(p, instClass);
      p.skipChildren();
      return null;
    }

    private static @Nullable Object lenient(JsonParser p, Class<?> targetType) {
      if (targetType.isPrimitive()) {
        return NOT_HANDLED;
      }
      reportLenient(p, targetType);
      return null;
    }

    private static String typeName(Object beanOrClass) {
      return beanOrClass instanceof Class
          ? ((Class<?>) beanOrClass).getSimpleName()
          : beanOrClass.getClass().getSimpleName();
    }
  }
}
