package io.voicehooks.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.voicehooks.core.internal.EventDeserializer;
import io.voicehooks.core.internal.IdDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * A tiny provider for handler tests: {"type":"ping","id":"k1"}; anything else is unknown. Shared
 * with sdk-jdbc's tests through this module's test-jar.
 */
public final class TestEvents {
  private TestEvents() {}

  /** An event of the test provider. */
  public sealed interface TestEvent extends WebhookEvent permits PingEvent, Unknown {
    @Override
    default String provider() {
      return "test";
    }
  }

  /** {@code {"type":"ping","id":"k1"}}, keyed by its id. */
  public sealed interface PingEvent extends TestEvent permits Ping, PlainPing {
    /** {@return the ping's id} */
    String id();

    @Override
    default String eventType() {
      return "ping";
    }

    @Override
    default String idempotencyKey() {
      return "ping:" + id();
    }
  }

  /**
   * A ping read as the providers read ids: a control character in it is refused.
   *
   * @param id the ping's id, required
   */
  public record Ping(
      @JsonProperty("id") @JsonDeserialize(using = IdDeserializer.class) @Nullable String id)
      implements PingEvent {
    /** Refuses a missing or empty id. */
    public Ping {
      requireId(id);
    }
  }

  /**
   * A ping whose id is taken as it comes, control characters and all: for what a store does with an
   * id it cannot hold.
   *
   * @param id the ping's id, required
   */
  public record PlainPing(@JsonProperty("id") @Nullable String id) implements PingEvent {
    /** Refuses a missing or empty id. */
    public PlainPing {
      requireId(id);
    }
  }

  /**
   * Any other type.
   *
   * @param eventType the type field's value
   * @param rawJson the body
   */
  public record Unknown(String eventType, String rawJson) implements TestEvent {
    @Override
    public String idempotencyKey() {
      return eventType + ":" + rawJson.hashCode();
    }
  }

  /** {@return a parser of {@link Ping}s with the default limits} */
  public static WebhookParser<TestEvent> parser() {
    return parser(JsonLimits.defaults());
  }

  /**
   * A parser with these limits, reporting its body limit to the handler as providers' do.
   *
   * @param limits the limits of the bodies it reads
   * @return a parser of {@link Ping}s
   */
  public static WebhookParser<TestEvent> parser(JsonLimits limits) {
    return parser(Ping.class, limits);
  }

  /** {@return a parser of {@link PlainPing}s with the default limits} */
  public static WebhookParser<TestEvent> plainIdParser() {
    return parser(PlainPing.class, JsonLimits.defaults());
  }

  private static WebhookParser<TestEvent> parser(
      Class<? extends PingEvent> ping, JsonLimits limits) {
    EventDeserializer<TestEvent> events =
        EventDeserializer.builder(TestEvent.class)
            .typeField("type")
            .type("ping", ping)
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

  private static void requireId(@Nullable String id) {
    if (id == null || id.isEmpty()) {
      throw WebhookParseException.missingField("id", "ping");
    }
  }

  /** {@return a request delivering a ping with this id} */
  public static WebhookRequest ping(String id) {
    return WebhookRequest.of(
        ("{\"type\":\"ping\",\"id\":\"" + id + "\"}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
