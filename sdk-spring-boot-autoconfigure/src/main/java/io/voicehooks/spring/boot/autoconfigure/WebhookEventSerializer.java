package io.voicehooks.spring.boot.autoconfigure;

import io.voicehooks.core.WebhookEvent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonGeneratorBase;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes an event as {@link WebhookEvent#toJson()} does. Into JSON text the library's JSON goes as
 * it is; into anything else (a tree from {@code valueToTree}, {@code convertValue}, a binary
 * format) it goes as the tree of that JSON, decimals kept exact.
 */
final class WebhookEventSerializer extends StdSerializer<WebhookEvent> {
  private static final JsonMapper TREES =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  WebhookEventSerializer() {
    super(WebhookEvent.class);
  }

  @Override
  public void serialize(WebhookEvent event, JsonGenerator gen, SerializationContext context) {
    String json = event.toJson();
    if (gen instanceof JsonGeneratorBase) {
      gen.writeRawValue(json);
    } else {
      gen.writeTree(TREES.readTree(json));
    }
  }
}
