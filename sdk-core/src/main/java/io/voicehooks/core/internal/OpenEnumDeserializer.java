package io.voicehooks.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.voicehooks.core.OpenEnum;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads an {@link OpenEnum} from a JSON string (or number or boolean, taken as text). Any other
 * token is reported to the context's problem handlers, which VoiceHooks' mappers answer with null.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class OpenEnumDeserializer extends StdDeserializer<OpenEnum<?>>
    implements ContextualDeserializer {
  private static final long serialVersionUID = 1L;

  private final @Nullable Class<? extends Enum> enumType;

  /** Creates the deserializer Jackson contextualises per property. */
  public OpenEnumDeserializer() {
    this(null);
  }

  private OpenEnumDeserializer(@Nullable Class<? extends Enum> enumType) {
    super(OpenEnum.class);
    this.enumType = enumType;
  }

  @Override
  public JsonDeserializer<?> createContextual(
      DeserializationContext ctxt, @Nullable BeanProperty property) {
    JavaType type = ctxt.getContextualType();
    if (type == null && property != null) {
      type = property.getType();
    }
    JavaType parameter = type == null ? null : type.containedType(0);
    if (parameter == null || !parameter.isEnumType()) {
      throw new IllegalStateException("OpenEnum needs a concrete enum type argument: " + type);
    }
    return new OpenEnumDeserializer((Class<? extends Enum>) parameter.getRawClass());
  }

  @Override
  public @Nullable OpenEnum<?> deserialize(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    JsonToken token = p.currentToken();
    if (enumType != null && token != null && token.isScalarValue()) {
      return OpenEnum.of((Class) enumType, p.getText());
    }
    return (OpenEnum<?>) ctxt.handleUnexpectedToken(OpenEnum.class, p);
  }
}
