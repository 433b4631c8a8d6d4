package io.voicehooks.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.voicehooks.core.internal.DurationDeserializer;
import io.voicehooks.core.internal.EventDeserializer;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.IdDeserializer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class EventDeserializerTest {
  sealed interface TestEvent extends WebhookEvent permits CallDone, UnknownTestEvent {
    @Override
    default String provider() {
      return "test";
    }
  }

  enum Status {
    COMPLETED,
    NO_ANSWER,
    UNKNOWN
  }

  record CallDone(
      @JsonProperty("call_id") @JsonDeserialize(using = IdDeserializer.class)
          @Nullable String callId,
      @JsonProperty("status") @Nullable OpenEnum<Status> status,
      @JsonProperty("duration_sec") @JsonDeserialize(using = DurationDeserializer.Seconds.class)
          @Nullable Duration durationSec,
      @JsonProperty("latency_ms") @JsonDeserialize(using = DurationDeserializer.Millis.class)
          @Nullable Duration latencyMs,
      @JsonProperty("cost") @Nullable BigDecimal cost,
      @JsonProperty("started_at") @Nullable Instant startedAt,
      @JsonProperty("tags") List<String> tags,
      @JsonProperty("extra") Map<String, @Nullable Object> extra)
      implements TestEvent {
    CallDone {
      if (callId == null || callId.isEmpty()) {
        throw WebhookParseException.missingField("call_id", "call.done");
      }
      tags = tags == null ? List.of() : List.copyOf(tags);
      extra = FreeForm.copyOf(extra);
    }

    @Override
    public String eventType() {
      return "call.done";
    }

    @Override
    public String idempotencyKey() {
      return "call.done:" + callId;
    }
  }

  record UnknownTestEvent(String eventType, String rawJson) implements TestEvent {
    @Override
    public String idempotencyKey() {
      return eventType + ":" + rawJson.hashCode();
    }
  }

  private static final EventDeserializer<TestEvent> EVENTS =
      EventDeserializer.builder(TestEvent.class)
          .typeField("event")
          .type("call.done", CallDone.class)
          .unknown(UnknownTestEvent::new)
          .build();

  private static TestEvent parse(String json) {
    return EVENTS.deserialize(json.getBytes(UTF_8));
  }

  private static final String FULL =
      """
      {"event":"call.done","call_id":"c-1","status":"no_answer","duration_sec":42.5,
       "latency_ms":150,"cost":"0.42","started_at":"2026-03-24T18:30:00Z",
       "tags":["a","b"],"extra":{"k":[1,null,{"x":true}],"n":null}}
      """;

  @Test
  void deserialize_knownType_bindsEveryField() {
    CallDone event = (CallDone) parse(FULL);
    assertThat(event.callId()).isEqualTo("c-1");
    assertThat(event.status().value()).isEqualTo(Status.NO_ANSWER);
    assertThat(event.status().raw()).isEqualTo("no_answer");
    assertThat(event.durationSec()).isEqualTo(Duration.ofMillis(42_500));
    assertThat(event.latencyMs()).isEqualTo(Duration.ofMillis(150));
    assertThat(event.cost()).isEqualByComparingTo("0.42");
    assertThat(event.startedAt()).isEqualTo(Instant.parse("2026-03-24T18:30:00Z"));
    assertThat(event.tags()).containsExactly("a", "b");
    assertThat(event.extra()).containsKeys("k", "n");
    assertThat(event.extra().get("n")).isNull();
    assertThat((List<?>) event.extra().get("k")).hasSize(3);
    assertThatThrownBy(() -> event.extra().put("z", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void deserialize_typeFieldLast_bindsTheSameRecord() {
    String last =
        "{\"call_id\":\"c-1\",\"nested\":{\"event\":\"decoy\"},\"status\":\"completed\","
            + "\"event\":\"call.done\"}";
    CallDone event = (CallDone) parse(last);
    assertThat(event.callId()).isEqualTo("c-1");
    assertThat(event.status().is(Status.COMPLETED)).isTrue();
  }

  @Test
  void deserialize_unknownType_keepsTypeAndRawJson() {
    String json = "{\"event\":\"call.started\",\"call_id\":\"c-9\",\"x\":[1,2]}";
    TestEvent event = parse(json);
    assertThat(event).isInstanceOf(UnknownTestEvent.class);
    assertThat(event.eventType()).isEqualTo("call.started");
    assertThat(((UnknownTestEvent) event).rawJson()).isEqualTo(json);
  }

  @Test
  void deserialize_unknownTypeNotFirst_keepsRawJson() {
    String json = "{\"a\":{\"b\":[1,{\"c\":2}]},\"event\":\"other\"}";
    UnknownTestEvent event = (UnknownTestEvent) parse(json);
    assertThat(event.eventType()).isEqualTo("other");
    assertThat(event.rawJson()).isEqualTo(json);
  }

  @Test
  void deserialize_unknownEnumValue_keepsRaw() {
    CallDone event =
        (CallDone) parse("{\"event\":\"call.done\",\"call_id\":\"c\",\"status\":\"x\"}");
    assertThat(event.status().isUnknown()).isTrue();
    assertThat(event.status().raw()).isEqualTo("x");
  }

  @Test
  void deserialize_wrongValueTypes_readAsNullWithoutFailing() {
    CallDone event =
        (CallDone)
            parse(
                "{\"event\":\"call.done\",\"call_id\":\"c\",\"status\":{\"a\":1},"
                    + "\"duration_sec\":-3,\"latency_ms\":\"fast\",\"cost\":[1],"
                    + "\"started_at\":\"yesterday\",\"tags\":\"a\",\"extra\":7}");
    assertThat(event.status()).isNull();
    assertThat(event.durationSec()).isNull();
    assertThat(event.latencyMs()).isNull();
    assertThat(event.cost()).isNull();
    assertThat(event.startedAt()).isNull();
    assertThat(event.tags()).isEmpty();
    assertThat(event.extra()).isEmpty();
  }

  @Test
  void deserialize_numberSentAsObject_readsAsNullOnEveryJacksonVersion() {
    CallDone event =
        (CallDone) parse("{\"event\":\"call.done\",\"call_id\":\"c\",\"cost\":{\"value\":80}}");
    assertThat(event.cost()).isNull();
  }

  @Test
  void deserialize_valuesNoTypeCanHold_readAsNull() {
    CallDone event =
        (CallDone)
            parse(
                "{\"event\":\"call.done\",\"call_id\":\"c\",\"started_at\":1e20,"
                    + "\"duration_sec\":1e999999999}");
    assertThat(event.startedAt()).isNull();
    assertThat(event.durationSec()).isNull();
    CallDone huge =
        (CallDone) parse("{\"event\":\"call.done\",\"call_id\":\"c\",\"started_at\":1e999999999}");
    assertThat(huge.startedAt()).as("not 1970").isNull();
  }

  @Test
  void deserialize_numericTimestamps_areEpochSecondsOrMilliseconds() {
    CallDone seconds =
        (CallDone) parse("{\"event\":\"call.done\",\"call_id\":\"c\",\"started_at\":1774377000}");
    CallDone millis =
        (CallDone)
            parse("{\"event\":\"call.done\",\"call_id\":\"c\",\"started_at\":1774377000250}");
    assertThat(seconds.startedAt()).isEqualTo(Instant.ofEpochSecond(1774377000L));
    assertThat(millis.startedAt()).isEqualTo(Instant.ofEpochMilli(1774377000250L));
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32"})
  void deserialize_bodyNotInUtf8_isRejected(String charset) {
    byte[] body =
        "{\"event\":\"other\",\"call_id\":\"c\"}"
            .getBytes(java.nio.charset.Charset.forName(charset));
    assertThatThrownBy(() -> EVENTS.deserialize(body))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage("Body is not UTF-8 encoded JSON");
  }

  @Test
  void deserialize_unknownTypeText_neverReachesAMessage() {
    assertThatThrownBy(() -> parse("{\"event\":\"Jane Doe +15550100\",\"x\":[1,}"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageStartingWith("Malformed JSON")
        .message()
        .doesNotContain("Jane");
  }

  @Test
  void deserialize_duplicateKey_saysSo() {
    assertThatThrownBy(() -> parse("{\"event\":\"call.done\",\"call_id\":\"a\",\"call_id\":\"b\"}"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageStartingWith("Duplicate key in a JSON object at line 1");
  }

  @Test
  void deserialize_secondObjectAfterTheFirst_isTrailingContent() {
    assertThatThrownBy(() -> parse("{\"x\":1,\"event\":\"call.done\",\"call_id\":\"c\"} {}"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage("Trailing content after the JSON object in 'call.done' event");
  }

  record Counted(@JsonProperty("n") @Nullable Integer n) {}

  @Test
  void deserialize_integerOutOfRange_readsAsNull() throws Exception {
    Counted counted =
        io.voicehooks.core.internal.Json.mapper().readValue("{\"n\":2147483648}", Counted.class);
    assertThat(counted.n()).isNull();
  }

  @Test
  void deserialize_durationAsNumericString_reads() {
    CallDone event =
        (CallDone) parse("{\"event\":\"call.done\",\"call_id\":\"c\",\"duration_sec\":\"125\"}");
    assertThat(event.durationSec()).isEqualTo(Duration.ofSeconds(125));
  }

  @Test
  void deserialize_timestampWithOffset_normalisesToInstant() {
    CallDone event =
        (CallDone)
            parse(
                "{\"event\":\"call.done\",\"call_id\":\"c\","
                    + "\"started_at\":\"2026-03-24T20:30:00+02:00\"}");
    assertThat(event.startedAt()).isEqualTo(Instant.parse("2026-03-24T18:30:00Z"));
  }

  @Test
  void deserialize_typeMissing_namesTheField() {
    assertThatThrownBy(() -> parse("{\"call_id\":\"c\"}"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage("Missing required field 'event'")
        .extracting(e -> ((WebhookParseException) e).fieldPath())
        .isEqualTo("event");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"event\":5}", "{\"event\":null}", "{\"event\":{\"x\":1}}"})
  void deserialize_typeNotAString_namesTheField(String json) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage("Field 'event' must be a string");
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "1.5e3", "{\"id\":1}", "[\"c\"]"})
  void deserialize_identityOfTheWrongType_namesFieldAndType(String value) {
    assertThatThrownBy(() -> parse("{\"event\":\"call.done\",\"call_id\":" + value + "}"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage("Field 'call_id' must be a string or an integer in 'call.done' event");
  }

  @Test
  void deserialize_identityAsInteger_keepsItsDigits() {
    CallDone event = (CallDone) parse("{\"event\":\"call.done\",\"call_id\":12345678901234567890}");
    assertThat(event.callId()).isEqualTo("12345678901234567890");
  }

  @Test
  void deserialize_missingIdentity_namesFieldAndType() {
    assertThatThrownBy(() -> parse("{\"event\":\"call.done\",\"status\":\"completed\"}"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage("Missing required field 'call_id' in 'call.done' event");
  }

  @Test
  void deserialize_onlyTheTypeField_reportsTheMissingIdentity() {
    assertThatThrownBy(() -> parse("{\"event\":\"call.done\"}"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage("Missing required field 'call_id' in 'call.done' event");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "[{\"event\":\"call.done\"}]", "\"text\"", "42", "null", "true"})
  void deserialize_nonObject_rejects(String json) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage("Body is not a JSON object");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "{\"event\":\"call.done\",\"call_id\":\"c\"",
        "{\"event\":\"call.done\",\"call_id\":",
        "{\"event\":\"other\",\"x\":[1,2",
        "{\"x\":1,\"event\":\"call.done\",\"call_id\":\"c\"",
        "{\"event\":\"call.done\",\"call_id\":\"c\"} trailing",
        "{\"event\":\"call.done\",\"call_id\":\"c\"}{}",
        "{\"event\":\"other\"} x",
        "{'event':'call.done'}"
      })
  void deserialize_malformedOrTruncated_rejects(String json) {
    assertThatThrownBy(() -> parse(json)).isInstanceOf(WebhookParseException.class);
  }

  @Test
  void deserialize_truncatedInsideRecord_isReportedAsMalformed() {
    assertThatThrownBy(() -> parse("{\"event\":\"call.done\",\"call_id\":\"c\",\"tags\":[\"a\""))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageStartingWith("Malformed JSON");
  }

  @Test
  void deserialize_hyphenatedEnumValue_matchesTheConstant() {
    CallDone event =
        (CallDone) parse("{\"event\":\"call.done\",\"call_id\":\"c\",\"status\":\"No-Answer\"}");
    assertThat(event.status().value()).isEqualTo(Status.NO_ANSWER);
    assertThat(event.status().raw()).isEqualTo("No-Answer");
  }

  @Test
  void deserialize_malformed_messageNamesLocationNotContent() {
    assertThatThrownBy(() -> parse("{\"event\":\"call.done\",\"call_id\":secretvalue}"))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageStartingWith("Malformed JSON at line 1, column")
        .message()
        .doesNotContain("secretvalue");
  }

  @Test
  void deserialize_duplicateKeys_rejects() {
    assertThatThrownBy(
            () -> parse("{\"event\":\"call.done\",\"event\":\"other\",\"call_id\":\"c\"}"))
        .isInstanceOf(WebhookParseException.class);
    assertThatThrownBy(() -> parse("{\"event\":\"call.done\",\"call_id\":\"a\",\"call_id\":\"b\"}"))
        .isInstanceOf(WebhookParseException.class);
  }

  @Test
  void deserialize_overDeepNesting_rejectsWithoutStackOverflow() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    String json = "{\"event\":\"call.done\",\"call_id\":\"c\",\"extra\":{\"x\":" + deep + "}}";
    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("nesting depth");
    String unknown = "{\"event\":\"other\",\"x\":" + deep + "}";
    assertThatThrownBy(() -> parse(unknown))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("nesting depth");
    String scanned = "{\"x\":" + deep + ",\"event\":\"call.done\"}";
    assertThatThrownBy(() -> parse(scanned))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void deserialize_overSizeBody_rejectsBeforeParsing() {
    EventDeserializer<TestEvent> small =
        EventDeserializer.builder(TestEvent.class)
            .typeField("event")
            .type("call.done", CallDone.class)
            .unknown(UnknownTestEvent::new)
            .limits(JsonLimits.defaults().withMaxBodyBytes(64))
            .build();
    byte[] body =
        ("{\"event\":\"call.done\",\"call_id\":\"" + "x".repeat(64) + "\"}").getBytes(UTF_8);
    assertThatThrownBy(() -> small.deserialize(body))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessage("Body exceeds the limit of 64 bytes");
  }

  @Test
  void deserialize_overLongString_rejects() {
    EventDeserializer<TestEvent> strict =
        EventDeserializer.builder(TestEvent.class)
            .typeField("event")
            .type("call.done", CallDone.class)
            .unknown(UnknownTestEvent::new)
            .limits(JsonLimits.defaults().withMaxStringLength(100))
            .build();
    byte[] body =
        ("{\"event\":\"call.done\",\"call_id\":\"" + "x".repeat(1_000) + "\"}").getBytes(UTF_8);
    assertThatThrownBy(() -> strict.deserialize(body))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("string length");
  }

  @Test
  void deserialize_overLongNumber_rejects() {
    String json = "{\"event\":\"call.done\",\"call_id\":\"c\",\"cost\":" + "9".repeat(1_000) + "}";
    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("number length");
  }

  @Test
  void deserialize_utf8Bom_isAccepted() {
    byte[] json = "{\"event\":\"call.done\",\"call_id\":\"c\"}".getBytes(UTF_8);
    byte[] withBom = new byte[json.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(json, 0, withBom, 3, json.length);
    assertThat(EVENTS.deserialize(withBom)).isInstanceOf(CallDone.class);
  }

  @Test
  void forType_bindsEveryBodyToTheRecord() {
    EventDeserializer<CallDone> single =
        EventDeserializer.forType(CallDone.class, "call.done", JsonLimits.defaults());
    assertThat(single.deserialize("{\"call_id\":\"c-2\"}".getBytes(UTF_8)).callId())
        .isEqualTo("c-2");
    assertThatThrownBy(() -> single.deserialize("{}".getBytes(UTF_8)))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("'call_id'");
    assertThatThrownBy(() -> single.deserialize("[]".getBytes(UTF_8)))
        .isInstanceOf(WebhookParseException.class)
        .hasMessage("Body is not a JSON object");
  }
}
