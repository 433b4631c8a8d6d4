package io.voicehooks.jdbc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookParseException;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.internal.EventDeserializer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** A tiny provider for these tests: {"type":"ping","id":"k1"}. */
final class TestEvents {
  private TestEvents() {}

  sealed interface TestEvent extends WebhookEvent permits Ping, Unknown {
    @Override
    default String provider() {
      return "test";
    }
  }

  record Ping(@JsonProperty("id") @Nullable String id) implements TestEvent {
    Ping {
      if (id == null || id.isEmpty()) {
        throw WebhookParseException.missingField("id", "ping");
      }
    }

    @Override
    public String eventType() {
      return "ping";
    }

    @Override
    public String idempotencyKey() {
      return "ping:" + id;
    }
  }

  record Unknown(String eventType, String rawJson) implements TestEvent {
    @Override
    public String idempotencyKey() {
      return eventType + ":" + rawJson.hashCode();
    }
  }

  static WebhookParser<TestEvent> parser() {
    EventDeserializer<TestEvent> events =
        EventDeserializer.builder(TestEvent.class)
            .typeField("type")
            .type("ping", Ping.class)
            .unknown(Unknown::new)
            .build();
    return events::deserialize;
  }

  static WebhookRequest ping(String id) {
    return WebhookRequest.of(
        ("{\"type\":\"ping\",\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
  }
}
