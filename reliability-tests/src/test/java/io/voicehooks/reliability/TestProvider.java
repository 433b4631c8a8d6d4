package io.voicehooks.reliability;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.voicehooks.core.JsonLimits;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookParseException;
import io.voicehooks.core.internal.Digests;
import io.voicehooks.core.internal.DurationDeserializer;
import io.voicehooks.core.internal.EventDeserializer;
import io.voicehooks.core.internal.FreeForm;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small provider built only from core pieces, so that {@link EventDeserializer} can be fuzzed on
 * every kind of component a real provider uses: strings, boxed numbers, booleans, money, instants,
 * both duration units, open enums, typed lists, nested records and free-form maps, with a strict
 * identity.
 */
final class TestProvider {
  private TestProvider() {}

  /** The provider's event union. */
  sealed interface TestEvent extends WebhookEvent permits Everything, Minimal, Unknown {
    @Override
    default String provider() {
      return "test";
    }
  }

  /** An open enum, as every provider declares them. */
  enum Color {
    RED,
    GREEN,
    UNKNOWN
  }

  /** A nested value record. */
  record Item(
      @JsonProperty("name") @Nullable String name,
      @JsonProperty("at") @Nullable Instant at,
      @JsonProperty("offset_ms") @JsonDeserialize(using = DurationDeserializer.Millis.class)
          @Nullable Duration offset) {}

  /** An event with one component of every kind. */
  record Everything(
      @JsonProperty("id") String id,
      @JsonProperty("text") @Nullable String text,
      @JsonProperty("count") @Nullable Integer count,
      @JsonProperty("big") @Nullable Long big,
      @JsonProperty("flag") @Nullable Boolean flag,
      @JsonProperty("amount") @Nullable BigDecimal amount,
      @JsonProperty("at") @Nullable Instant at,
      @JsonProperty("seconds") @JsonDeserialize(using = DurationDeserializer.Seconds.class)
          @Nullable Duration seconds,
      @JsonProperty("millis") @JsonDeserialize(using = DurationDeserializer.Millis.class)
          @Nullable Duration millis,
      @JsonProperty("color") @Nullable OpenEnum<Color> color,
      @JsonProperty("items") List<Item> items,
      @JsonProperty("item") @Nullable Item item,
      @JsonProperty("extra") Map<String, @Nullable Object> extra,
      @JsonProperty("any") @Nullable Object any)
      implements TestEvent {
    static final String TYPE = "everything";

    Everything {
      if (id == null || id.isBlank()) {
        throw WebhookParseException.missingField("id", TYPE);
      }
      items = FreeForm.listOf(items);
      extra = FreeForm.copyOf(extra);
      any = FreeForm.copyValue(any);
    }

    @Override
    public String eventType() {
      return TYPE;
    }

    @Override
    public String idempotencyKey() {
      return TYPE + ":" + id;
    }
  }

  /** An event with only an identity. */
  record Minimal(@JsonProperty("id") String id) implements TestEvent {
    static final String TYPE = "minimal";

    Minimal {
      if (id == null || id.isEmpty()) {
        throw WebhookParseException.missingField("id", TYPE);
      }
    }

    @Override
    public String eventType() {
      return TYPE;
    }

    @Override
    public String idempotencyKey() {
      return TYPE + ":" + id;
    }
  }

  /** Any other type. */
  record Unknown(String eventType, String rawJson) implements TestEvent {
    @Override
    public String idempotencyKey() {
      return eventType + ":" + Digests.sha256Hex(rawJson);
    }

    Map<String, @Nullable Object> fields() {
      return FreeForm.parse(rawJson);
    }
  }

  /** Tight limits, so that short fuzz inputs reach every limit check. */
  static final JsonLimits TIGHT = new JsonLimits(2048, 8, 256, 16);

  /** {@return a deserializer keyed on {@code type}} */
  static EventDeserializer<TestEvent> typed(JsonLimits limits) {
    return EventDeserializer.builder(TestEvent.class)
        .typeField("type")
        .type(Everything.TYPE, Everything.class)
        .type(Minimal.TYPE, Minimal.class)
        .unknown(Unknown::new)
        .limits(limits)
        .build();
  }

  /** {@return a deserializer that binds every body to {@link Everything}} */
  static EventDeserializer<Everything> single(JsonLimits limits) {
    return EventDeserializer.forType(Everything.class, Everything.TYPE, limits);
  }
}
