package io.voicehooks.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.TestEvents.Ping;
import io.voicehooks.core.TestEvents.TestEvent;
import io.voicehooks.core.TestEvents.Unknown;
import io.voicehooks.core.internal.EventDeserializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The deserializer's dispatch and limits at their edges: the size limit, the encodings it refuses,
 * trailing content on each path, an unknown event's raw text, and the field path in messages.
 */
final class EventDeserializerEdgeTest {
  private static final byte[] PING = "{\"type\":\"ping\",\"id\":\"k1\"}".getBytes(UTF_8);

  private static EventDeserializer<TestEvent> events(JsonLimits limits) {
    return EventDeserializer.builder(TestEvent.class)
        .typeField("type")
        .type("ping", Ping.class)
        .unknown(Unknown::new)
        .limits(limits)
        .build();
  }

  private static final EventDeserializer<TestEvent> EVENTS = events(JsonLimits.defaults());

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void deserialize_bodyOfExactlyTheLimit_isReadAndOneByteMoreIsTooLarge() {
    EventDeserializer<TestEvent> exact =
        events(JsonLimits.defaults().withMaxBodyBytes(PING.length));
    assertThat(exact.deserialize(PING)).isEqualTo(new Ping("k1"));
    EventDeserializer<TestEvent> smaller =
        events(JsonLimits.defaults().withMaxBodyBytes(PING.length - 1));
    assertThatThrownBy(() -> smaller.deserialize(PING))
        .isInstanceOf(PayloadTooLargeException.class);
  }

  @Test
  void deserialize_oneOrTwoByteBodies_areNotMistakenForWideEncodings() {
    assertThatThrownBy(() -> EVENTS.deserialize(bytes('1')))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage("Body is not a JSON object");
    assertThatThrownBy(() -> EVENTS.deserialize(bytes('1', '2')))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage("Body is not a JSON object");
  }

  @Test
  void deserialize_byteOrderMarksOfUtf16_areRejectedEvenAlone() {
    byte[] littleEndian =
        "{\"type\":\"ping\",\"id\":\"k1\"}".getBytes(java.nio.charset.Charset.forName("UTF-16LE"));
    for (byte[] body :
        new byte[][] {
          bytes(0xFE, 0xFF), bytes(0xFF, 0xFE), concat(bytes(0xFF, 0xFE), littleEndian)
        }) {
      assertThatThrownBy(() -> EVENTS.deserialize(body))
          .isInstanceOf(WebhookParseException.class)
          .hasMessage("Body is not UTF-8 encoded JSON");
    }
  }

  @Test
  void deserialize_unknownTypeAfterAUtf8Bom_keepsTheRawTextWithoutTheBom() {
    String json = "{\"type\":\"pong\",\"x\":1}";
    TestEvent event = EVENTS.deserialize(concat(bytes(0xEF, 0xBB, 0xBF), json.getBytes(UTF_8)));
    assertThat(event).isEqualTo(new Unknown("pong", json));
  }

  @Test
  void deserialize_typeFirstWithNothingElse_stillRejectsTrailingContent() {
    assertThatThrownBy(() -> EVENTS.deserialize("{\"type\":\"ping\"} {}".getBytes(UTF_8)))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage("Trailing content after the JSON object");
  }

  @Test
  void deserialize_typeFirstThenFields_rejectsTrailingContent() {
    assertThatThrownBy(
            () -> EVENTS.deserialize("{\"type\":\"ping\",\"id\":\"k1\"} []".getBytes(UTF_8)))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage("Trailing content after the JSON object in 'ping' event");
  }

  @Test
  void forType_trailingContent_isRejected() {
    EventDeserializer<Ping> single =
        EventDeserializer.forType(Ping.class, "ping", JsonLimits.defaults());
    assertThat(single.deserialize("{\"id\":\"k1\"}".getBytes(UTF_8))).isEqualTo(new Ping("k1"));
    assertThatThrownBy(() -> single.deserialize("{\"id\":\"k1\"} 1".getBytes(UTF_8)))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage("Trailing content after the JSON object in 'ping' event");
  }

  @Test
  void jsonLimits_oneIsTheSmallestOfEachLimit() {
    assertThatCode(() -> new JsonLimits(1, 1, 1, 1)).doesNotThrowAnyException();
    JsonLimits d = JsonLimits.defaults();
    assertThatThrownBy(() -> d.withMaxBodyBytes(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.withMaxDepth(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.withMaxStringLength(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.withMaxNumberLength(0)).isInstanceOf(IllegalArgumentException.class);
  }

  /** A record whose constructor refuses a value with an exception Jackson does not know. */
  record Picky(@JsonProperty("id") @Nullable String id) implements WebhookEvent {
    Picky {
      if ("refused".equals(id)) {
        throw new IllegalArgumentException("refused");
      }
    }

    @Override
    public String provider() {
      return "test";
    }

    @Override
    public String eventType() {
      return "picky";
    }

    @Override
    public String idempotencyKey() {
      return "picky:" + id;
    }
  }

  @Test
  void deserialize_recordRefusingAValue_isAnInvalidDeliveryNamingTheType() {
    EventDeserializer<Picky> picky =
        EventDeserializer.forType(Picky.class, "picky", JsonLimits.defaults());
    assertThatThrownBy(() -> picky.deserialize("{\"id\":\"refused\"}".getBytes(UTF_8)))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage("Cannot read field '' in 'picky' event")
        .extracting(e -> ((WebhookParseException) e).fieldPath())
        .isNull();
  }
}
