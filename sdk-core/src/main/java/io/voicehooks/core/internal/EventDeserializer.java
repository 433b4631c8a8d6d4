package io.voicehooks.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.voicehooks.core.JsonLimits;
import io.voicehooks.core.PayloadTooLargeException;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookException;
import io.voicehooks.core.WebhookParseException;
import io.voicehooks.core.WebhookRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * The one deserializer every provider module of this repository configures (not an API: adding a
 * provider is not a user extension point): it reads the event type from a named field of the JSON
 * object, binds the record registered for that type, and turns any other type into the provider's
 * unknown event, which keeps the type name and the raw JSON.
 *
 * <pre>{@code
 * EventDeserializer<AgniEvent> events = EventDeserializer.builder(AgniEvent.class)
 *     .typeField("event")
 *     .type("call.completed", CallCompletedEvent.class)
 *     .unknown(UnknownAgniEvent::new)
 *     .build();
 * AgniEvent event = events.deserialize(request);
 * }</pre>
 *
 * <p>The type field may sit anywhere in the object. When it comes first, as providers usually send
 * it, the body is read once; otherwise the top level is scanned for it and then bound. Records
 * should therefore not rely on binding the type field itself (it is consumed when it comes first):
 * their {@link WebhookEvent#eventType()} returns the registered name. Limits ({@link JsonLimits})
 * are enforced before and during reading. Every failure is a {@link WebhookParseException} whose
 * message names the field path and the event type, never a value ({@link JsonErrors} translates
 * Jackson's); a body over the size limit is a {@link PayloadTooLargeException}.
 *
 * <p>A provider without a type field ({@link #forType(Class, String, JsonLimits)}) binds every body
 * to one record. Instances are immutable and thread-safe.
 *
 * @param <E> the provider's event type
 */
public final class EventDeserializer<E extends WebhookEvent> {
  private final @Nullable String typeField;
  private final Map<String, ObjectReader> readers;
  private final @Nullable ObjectReader singleReader;
  private final @Nullable String singleType;
  private final @Nullable BiFunction<String, String, ? extends E> unknown;
  private final ObjectMapper mapper;
  private final int maxBodyBytes;

  private EventDeserializer(
      @Nullable String typeField,
      Map<String, ObjectReader> readers,
      @Nullable ObjectReader singleReader,
      @Nullable String singleType,
      @Nullable BiFunction<String, String, ? extends E> unknown,
      ObjectMapper mapper,
      int maxBodyBytes) {
    this.typeField = typeField;
    this.readers = readers;
    this.singleReader = singleReader;
    this.singleType = singleType;
    this.unknown = unknown;
    this.mapper = mapper;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Returns a builder for a provider whose events carry a type field.
   *
   * @param baseType the provider's event type
   * @param <E> the provider's event type
   * @return the builder
   */
  public static <E extends WebhookEvent> Builder<E> builder(Class<E> baseType) {
    return new Builder<>(baseType);
  }

  /**
   * Returns a deserializer that binds every body to one record: for providers whose payload has no
   * type field.
   *
   * @param type the record
   * @param eventType the event type name used in error messages
   * @param limits the limits to enforce
   * @param <E> the record type
   * @return the deserializer
   */
  public static <E extends WebhookEvent> EventDeserializer<E> forType(
      Class<E> type, String eventType, JsonLimits limits) {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(eventType, "eventType == null");
    Objects.requireNonNull(limits, "limits == null");
    ObjectMapper mapper = Json.mapper(limits);
    return new EventDeserializer<>(
        null, Map.of(), mapper.readerFor(type), eventType, null, mapper, limits.maxBodyBytes());
  }

  /** {@return the largest body accepted, in bytes: the limit the parsers report to the handler} */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * Deserializes a delivery's body.
   *
   * @param request the delivery
   * @return the typed event, or the unknown event for an unregistered type
   * @throws PayloadTooLargeException if the body is over the size limit
   * @throws WebhookParseException if the body is not a valid JSON object, lacks the type field, or
   *     lacks an identity field of its record
   */
  public E deserialize(WebhookRequest request) {
    Objects.requireNonNull(request, "request == null");
    return deserialize(RawBodies.of(request));
  }

  /**
   * Deserializes a body.
   *
   * @param body the raw body bytes
   * @return the typed event, or the unknown event for an unregistered type
   * @throws PayloadTooLargeException if the body is over the size limit
   * @throws WebhookParseException as {@link #deserialize(WebhookRequest)} does
   */
  public E deserialize(byte[] body) {
    Objects.requireNonNull(body, "body == null");
    checkLimits(body);
    String type = singleType;
    try (JsonParser p = mapper.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new WebhookParseException("Body is not a JSON object");
      }
      if (singleReader != null) {
        return finish(p, singleReader.readValue(p));
      }
      String field = Objects.requireNonNull(typeField);
      JsonToken token = p.nextToken();
      if (token == JsonToken.FIELD_NAME && field.equals(p.currentName())) {
        type = readType(p, field);
        ObjectReader reader = readers.get(type);
        if (reader == null) {
          return unknownEvent(p, type, body);
        }
        if (p.nextToken() == JsonToken.END_OBJECT) {
          // ObjectReader reads a bare END_OBJECT as "no value": bind the whole (tiny) body.
          requireEnd(p);
          return reader.readValue(body);
        }
        return finish(p, reader.readValue(p));
      }
      type = scanForType(p, token, field);
      ObjectReader reader = readers.get(type);
      if (reader == null) {
        return unknownEvent(p, type, body);
      }
      return reader.readValue(body);
    } catch (WebhookException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // An unregistered type is text from the sender: it never goes into a message.
      throw JsonErrors.translate(e, isModelled(type) ? type : null);
    }
  }

  private boolean isModelled(@Nullable String type) {
    return type != null && (type.equals(singleType) || readers.containsKey(type));
  }

  /**
   * Checks what can be checked before reading: the size, and the encoding. Bodies in UTF-16 or
   * UTF-32, which Jackson would otherwise detect and read, are refused: JSON exchanged between
   * systems must be UTF-8 (RFC 8259), and an unknown event's raw text is kept as UTF-8. Depth and
   * lengths are enforced while reading, by the mapper.
   */
  private void checkLimits(byte[] body) {
    if (body.length > maxBodyBytes) {
      throw new PayloadTooLargeException(maxBodyBytes);
    }
    boolean wide =
        body.length >= 2
            && (body[0] == 0
                || body[1] == 0
                || (body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
                || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE));
    if (wide) {
      throw new WebhookParseException("Body is not UTF-8 encoded JSON");
    }
  }

  private static String readType(JsonParser p, String field) throws IOException {
    if (p.nextToken() != JsonToken.VALUE_STRING) {
      throw new WebhookParseException(
          "Field '" + field + "' must be a string", field, /* eventType= */ null);
    }
    String type = p.getText();
    if (type.isEmpty()) {
      throw WebhookParseException.missingField(field, null);
    }
    if (IdDeserializer.hasControlCharacter(type)) {
      // An unknown event's key is made of its type: it must be storable as every id is.
      throw new WebhookParseException(
          "Field '" + field + "' contains a control character", field, /* eventType= */ null);
    }
    return type;
  }

  /** Scans the top level for the type field, skipping nested values without binding them. */
  private static String scanForType(JsonParser p, @Nullable JsonToken token, String field)
      throws IOException {
    while (token == JsonToken.FIELD_NAME) {
      if (field.equals(p.currentName())) {
        return readType(p, field);
      }
      p.nextToken();
      p.skipChildren();
      token = p.nextToken();
    }
    throw WebhookParseException.missingField(field, null);
  }

  private E unknownEvent(JsonParser p, String type, byte[] body) throws IOException {
    // Read the rest of the object and require its end, so malformed JSON or a second document is
    // still a 400, even for a type we do not model.
    JsonToken token;
    while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
      p.nextToken();
      p.skipChildren();
    }
    if (token != JsonToken.END_OBJECT) {
      throw new WebhookParseException("Malformed JSON: the object does not end");
    }
    requireEnd(p);
    int offset = hasUtf8Bom(body) ? 3 : 0;
    String raw = new String(body, offset, body.length - offset, StandardCharsets.UTF_8);
    return Objects.requireNonNull(unknown).apply(type, raw);
  }

  private static boolean hasUtf8Bom(byte[] body) {
    return body.length >= 3
        && body[0] == (byte) 0xEF
        && body[1] == (byte) 0xBB
        && body[2] == (byte) 0xBF;
  }

  private static void requireEnd(JsonParser p) throws IOException {
    if (p.nextToken() != null) {
      throw new WebhookParseException("Trailing content after the JSON object");
    }
  }

  private E finish(JsonParser p, @Nullable Object value) throws IOException {
    requireEnd(p);
    if (value == null) {
      throw new WebhookParseException("Body is not a JSON object");
    }
    @SuppressWarnings("unchecked")
    E event = (E) value;
    return event;
  }

  /**
   * Builds an {@link EventDeserializer}. Not thread-safe; the deserializer it builds is.
   *
   * @param <E> the provider's event type
   */
  public static final class Builder<E extends WebhookEvent> {
    private final Class<E> baseType;
    private @Nullable String typeField;
    private final Map<String, Class<? extends E>> types = new LinkedHashMap<>();
    private @Nullable BiFunction<String, String, ? extends E> unknown;
    private JsonLimits limits = JsonLimits.defaults();

    private Builder(Class<E> baseType) {
      this.baseType = Objects.requireNonNull(baseType, "baseType == null");
    }

    /**
     * Sets the name of the field that holds the event type, such as {@code event}.
     *
     * @param name the field name
     * @return this builder
     */
    public Builder<E> typeField(String name) {
      this.typeField = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /**
     * Registers the record for one event type.
     *
     * @param typeName the value of the type field
     * @param type the record bound for it
     * @return this builder
     */
    public Builder<E> type(String typeName, Class<? extends E> type) {
      Objects.requireNonNull(typeName, "typeName == null");
      Objects.requireNonNull(type, "type == null");
      if (!baseType.isAssignableFrom(type)) {
        throw new IllegalArgumentException(type + " is not a " + baseType);
      }
      types.put(typeName, type);
      return this;
    }

    /**
     * Sets the factory of the unknown event, given the type name and the raw JSON text.
     *
     * @param factory creates the provider's unknown event
     * @return this builder
     */
    public Builder<E> unknown(BiFunction<String, String, ? extends E> factory) {
      this.unknown = Objects.requireNonNull(factory, "factory == null");
      return this;
    }

    /**
     * Sets the limits to enforce.
     *
     * @param limits the limits; default {@link JsonLimits#defaults()}
     * @return this builder
     */
    public Builder<E> limits(JsonLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits == null");
      return this;
    }

    /**
     * Builds the deserializer, preparing one reader per registered type.
     *
     * @return the deserializer
     * @throws IllegalStateException if the type field or the unknown factory is missing
     */
    public EventDeserializer<E> build() {
      if (typeField == null) {
        throw new IllegalStateException("typeField is required");
      }
      if (unknown == null) {
        throw new IllegalStateException("unknown is required");
      }
      ObjectMapper mapper = Json.mapper(limits);
      Map<String, ObjectReader> readers = new HashMap<>();
      types.forEach((name, type) -> readers.put(name, mapper.readerFor(type)));
      return new EventDeserializer<>(
          typeField, Map.copyOf(readers), null, null, unknown, mapper, limits.maxBodyBytes());
    }
  }
}
