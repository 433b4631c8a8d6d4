package io.voicehooks.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.voicehooks.core.internal.EventDeserializer;
import io.voicehooks.core.internal.IdDeserializer;
import org.jspecify.annotations.Nullable;

/** A tiny provider for handler tests: {"type":"ping","id":"k1"}; anything else is unknown. */
final class TestEvents {
  private TestEvents() {}

  sealed interface TestEvent extends WebhookEvent permits Ping, Unknown {
    @Override
    default String provider() {
      return "test";
    }
  }

  record Ping(
      @JsonProperty("id") @JsonDeserialize(using = IdDeserializer.class) @Nullable String id)
      implements TestEvent {
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
    return parser(JsonLimits.defaults());
  }

  /** A parser with these limits, reporting its body limit to the handler as providers' do. */
  static WebhookParser<TestEvent> parser(JsonLimits limits) {
    EventDeserializer<TestEvent> events =
        EventDeserializer.builder(TestEvent.class)
            .typeField("type")
            .type("ping", Ping.class)
            .unknown(Unknown::new)
            .limits(limits)
            .build();
    return new WebhookParser<>() {
      @Override
      public TestEvent parse(WebhookRequest request) {
        return events.deserialize(request);
      }

      @Override
      public int maxBodyBytes() {
        return events.maxBodyBytes();
      }
    };
  }

  static WebhookRequest ping(String id) {
    return WebhookRequest.of(
        ("{\"type\":\"ping\",\"id\":\"" + id + "\"}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
