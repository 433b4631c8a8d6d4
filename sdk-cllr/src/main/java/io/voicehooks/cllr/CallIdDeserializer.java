package io.voicehooks.cllr;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.voicehooks.core.WebhookParseException;
import java.io.IOException;

/**
 * Reads {@code callId}, the idempotency key, strictly: a string as sent, or an integer as its
 * decimal text (an id that a sender's JSON library wrote as a number is still that id). Any other
 * value is rejected by name: Jackson's default would turn {@code true} into the key {@code "true"}
 * and merge unrelated calls, and {@code 1.5e3} and {@code 1500} would be two keys for one number.
 */
final class CallIdDeserializer extends StdDeserializer<String> {
  private static final long serialVersionUID = 1L;

  CallIdDeserializer() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT) {
      return p.getText();
    }
    p.skipChildren();
    throw new WebhookParseException(
        "Field 'callId' must be a string or an integer in '" + PostCallEvent.EVENT_TYPE + "' event",
        "callId",
        PostCallEvent.EVENT_TYPE);
  }
}
