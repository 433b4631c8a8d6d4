package io.voicehooks.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.voicehooks.core.WebhookParseException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * Reads an identity field (the one an idempotency key is made of) strictly: a string as sent, or an
 * integer as its decimal text, since an id a sender's JSON library wrote as a number is still that
 * id. Anything else fails the delivery by name: lenient coercion would turn {@code true} into the
 * key {@code "true"} and merge unrelated calls, and {@code 1.5e3} and {@code 1500} would be two
 * keys for one number. Null reads as null, for the record to report as missing.
 *
 * <p>Use it on identity components: {@code @JsonDeserialize(using = IdDeserializer.class)}.
 */
public final class IdDeserializer extends StdDeserializer<String> {
  private static final long serialVersionUID = 1L;

  /** Creates the deserializer. */
  public IdDeserializer() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT) {
      return p.getText();
    }
    JsonStreamContext context = p.getParsingContext();
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      context = context.getParent(); // the value opened a context of its own
    }
    String path = path(context);
    p.skipChildren();
    throw new WebhookParseException(
        "Field '" + path + "' must be a string or an integer", path, /* eventType= */ null);
  }

  @Override
  public @Nullable String getNullValue(DeserializationContext ctxt) {
    return null;
  }

  /** {@code data.call_session_id} from the parser's context, array indexes in brackets. */
  static String path(@Nullable JsonStreamContext context) {
    Deque<String> segments = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      segments.push(c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName());
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
}
