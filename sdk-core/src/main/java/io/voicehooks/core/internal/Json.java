package io.voicehooks.core.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.voicehooks.core.JsonLimits;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
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
        .addModule(RecordFields.module(new SchemaDrift()))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .addHandler(new LenientValues())
        // Writing: a record's absent fields (null, or an empty list or map) are left out, so a
        // record written back holds what was received; free-form values keep their nulls.
        .defaultPropertyInclusion(JsonInclude.Value.construct(Include.NON_NULL, Include.ALWAYS))
        .withConfigOverride(
            List.class,
            o -> o.setInclude(JsonInclude.Value.construct(Include.NON_EMPTY, Include.ALWAYS)))
        .withConfigOverride(
            Map.class,
            o -> o.setInclude(JsonInclude.Value.construct(Include.NON_EMPTY, Include.ALWAYS)))
        // Records are written by their components; helpers such as isEmpty() are not fields.
        .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .build();
  }

  /**
   * Writes a record, or any value of one, as JSON text: wire names, extra fields beside the
   * declared ones, absent fields left out (see the core README, "Writing events back").
   *
   * @param value the value
   * @return the JSON text
   * @throws IllegalStateException if the value cannot be written (a record VoiceHooks did not
   *     define)
   */
  public static String write(Object value) {
    try {
      return Writer.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /** Built on first use: most deliveries are never written back (start-up time). */
  private static final class Writer {
    static final ObjectMapper MAPPER = mapper();
  }

  /** {@return a mapper with the default limits, for code that reads auxiliary JSON} */
  public static ObjectMapper mapper() {
    return mapper(JsonLimits.defaults());
  }

  /** Logs, at debug level, the path of a value read as null (never the value itself). */
  static void reportLenient(JsonParser p, DeserializationContext ctxt, Class<?> targetType)
      throws IOException {
    if (Log.LOG.isDebugEnabled()) {
      Log.LOG.debug(
          "Read field '{}' as null: its value is not a valid {}",
          printable(p.getParsingContext().pathAsPointer().toString()),
          targetType.getSimpleName());
    }
    RecordFields.keepUnreadable(p, ctxt);
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

  /**
   * Returns the context whose member the parser's current value is: the current context, or its
   * parent when the value opened a context of its own (an object or array).
   */
  static JsonStreamContext containing(JsonParser p) {
    JsonToken token = p.currentToken();
    JsonStreamContext context = p.getParsingContext();
    return token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY
        ? context.getParent()
        : context;
  }

  /**
   * Names the position of a context from the root: {@code data.transcripts[3].role}, or with {@code
   * []} for every index when {@code indexes} is false ({@code data.transcripts[].role}), so that
   * one field of every element of a list has one name. Names are made {@link #printable}.
   */
  static String path(@Nullable JsonStreamContext context, boolean indexes) {
    Deque<String> segments = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        segments.push(indexes ? "[" + c.getCurrentIndex() + "]" : "[]");
      } else if (c.getCurrentName() != null) {
        segments.push(printable(c.getCurrentName()));
      }
    }
    StringBuilder path = new StringBuilder();
    for (String segment : segments) {
      if (path.length() > 0 && segment.charAt(0) != '[') {
        path.append('.');
      }
      path.append(segment);
    }
    return path.toString();
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
      if (RecordFields.keepUnknown(p, ctxt, propertyName)) {
        return true;
      }
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
      reportLenient(p, ctxt, targetType.getRawClass());
      p.skipChildren();
      return null;
    }

    @Override
    public @Nullable Object handleWeirdStringValue(
        DeserializationContext ctxt, Class<?> targetType, String valueToConvert, String failureMsg)
        throws IOException {
      return lenient(ctxt, targetType);
    }

    @Override
    public @Nullable Object handleWeirdNumberValue(
        DeserializationContext ctxt, Class<?> targetType, Number valueToConvert, String failureMsg)
        throws IOException {
      return lenient(ctxt, targetType);
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
      reportLenient(p, ctxt, instClass);
      p.skipChildren();
      return null;
    }

    private static @Nullable Object lenient(DeserializationContext ctxt, Class<?> targetType)
        throws IOException {
      if (targetType.isPrimitive()) {
        return NOT_HANDLED;
      }
      reportLenient(ctxt.getParser(), ctxt, targetType);
      return null;
    }

    private static String typeName(Object beanOrClass) {
      return beanOrClass instanceof Class
          ? ((Class<?>) beanOrClass).getSimpleName()
          : beanOrClass.getClass().getSimpleName();
    }
  }
}
