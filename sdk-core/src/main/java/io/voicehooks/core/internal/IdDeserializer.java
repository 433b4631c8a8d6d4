package io.voicehooks.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.voicehooks.core.WebhookParseException;
import java.io.IOException;
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
    if (token == JsonToken.VALUE_NUMBER_INT) {
      return p.getText();
    }
    if (token == JsonToken.VALUE_STRING) {
      String id = p.getText();
      if (hasControlCharacter(id)) {
        String path = Json.path(p.getParsingContext(), true);
        throw new WebhookParseException(
            "Field '" + path + "' contains a control character", path, /* eventType= */ null);
      }
      return id;
    }
    String path = Json.path(Json.containing(p), true);
    p.skipChildren();
    throw new WebhookParseException(
        "Field '" + path + "' must be a string or an integer", path, /* eventType= */ null);
  }

  @Override
  public @Nullable String getNullValue(DeserializationContext ctxt) {
    return null;
  }

  /**
   * Whether the text holds a C0 control character or DEL (U+0000 to U+001F, U+007F). No sender's id
   * does, and stores cannot hold every one of them (PostgreSQL text refuses NUL), so an id with one
   * is refused on receipt: the same delivery gets the same answer whatever the store.
   *
   * @param text the text
   * @return true if it holds one
   */
  public static boolean hasControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch < 0x20 || ch == 0x7F) {
        return true;
      }
    }
    return false;
  }
}
