package io.voicehooks.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.voicehooks.core.OpenEnum;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

final class RecordFieldsTest {
  private static final ObjectMapper MAPPER = Json.mapper();

  /** Reads JSON text strictly: a key written twice fails. */
  private static final ObjectMapper STRICT =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  record Inner(
      @JsonProperty("a") @Nullable String a,
      @ExtraFields Map<String, @Nullable Object> extraFields) {
    Inner {
      extraFields = FreeForm.copyOf(extraFields);
    }
  }

  record Outer(
      @JsonProperty("id") String id,
      @JsonProperty("count") @Nullable Integer count,
      @JsonProperty("inner") @Nullable Inner inner,
      @JsonProperty("items") List<Inner> items,
      @JsonProperty("took") @InMillis @Nullable Duration took,
      @JsonProperty("at") @Nullable Instant at,
      @JsonProperty("mood") @Nullable OpenEnum<Mood> mood,
      @ExtraFields Map<String, @Nullable Object> extraFields) {
    Outer {
      items = FreeForm.listOf(items);
      extraFields = FreeForm.copyOf(extraFields);
    }
  }

  enum Mood {
    CALM,
    UNKNOWN
  }

  /** A record without the component: what it does not declare is not its parent's. */
  record Plain(@JsonProperty("a") @Nullable String a) {}

  record Holder(
      @JsonProperty("plain") @Nullable Plain plain,
      @ExtraFields Map<String, @Nullable Object> extraFields) {
    Holder {
      extraFields = FreeForm.copyOf(extraFields);
    }
  }

  @Test
  void read_undeclaredFields_goToTheRecordOfTheirOwnObject_inTheOrderSent() throws Exception {
    Outer outer =
        MAPPER.readValue(
            "{\"z\":1,\"id\":\"o\",\"inner\":{\"a\":\"x\",\"new\":[1,{\"k\":null}]},"
                + "\"items\":[{\"a\":\"i\",\"tone\":\"calm\"}],\"y\":{\"deep\":{\"b\":true}}}",
            Outer.class);

    assertThat(outer.extraFields().keySet()).containsExactly("z", "y");
    assertThat(outer.extraFields().get("y")).isEqualTo(Map.of("deep", Map.of("b", true)));
    assertThat(outer.inner().extraFields()).containsOnlyKeys("new");
    assertThat(outer.items().get(0).extraFields()).containsExactly(Map.entry("tone", "calm"));
    assertThatThrownBy(() -> outer.extraFields().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) outer.inner().extraFields().get("new");
    assertThatThrownBy(() -> list.add(2)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void read_declaredValuesThatCannotBeRead_areNullAndKeptAsSent() throws Exception {
    Outer outer =
        MAPPER.readValue(
            "{\"id\":\"o\",\"count\":\"many\",\"inner\":\"not an object\",\"took\":-5,"
                + "\"at\":{\"when\":\"noon\"},\"mood\":[\"calm\"]}",
            Outer.class);

    assertThat(outer.count()).isNull();
    assertThat(outer.inner()).isNull();
    assertThat(outer.took()).isNull();
    assertThat(outer.at()).isNull();
    assertThat(outer.mood()).isNull();
    assertThat(outer.extraFields())
        .containsExactly(
            Map.entry("count", "many"),
            Map.entry("inner", "not an object"),
            Map.entry("took", -5),
            Map.entry("at", Map.of("when", "noon")),
            Map.entry("mood", List.of("calm")));
  }

  @Test
  void read_anElementOfATypedListThatIsNotOne_isDropped() throws Exception {
    Outer outer =
        MAPPER.readValue("{\"id\":\"o\",\"items\":[{\"a\":\"i\"},5,null,\"x\"]}", Outer.class);

    assertThat(outer.items()).extracting(Inner::a).containsExactly("i");
    assertThat(outer.extraFields()).isEmpty();
  }

  @Test
  void read_aNestedRecordWithoutTheComponent_keepsItsFieldsFromItsParent() throws Exception {
    Holder holder = MAPPER.readValue("{\"plain\":{\"a\":\"x\",\"b\":2},\"c\":3}", Holder.class);

    assertThat(holder.plain()).isEqualTo(new Plain("x"));
    assertThat(holder.extraFields()).containsExactly(Map.entry("c", 3));
  }

  @Test
  void write_givesBackWhatWasRead_keptValuesInPlaceOfTheirDeclaredField() throws Exception {
    String sent =
        "{\"id\":\"o\",\"count\":\"many\",\"inner\":{\"a\":\"x\",\"new\":[1,null]},"
            + "\"items\":[{\"a\":\"i\",\"tone\":\"calm\"}],\"took\":42500,"
            + "\"at\":\"2026-03-24T18:30:00Z\",\"mood\":\"calm\",\"y\":{\"n\":null}}";
    Outer outer = MAPPER.readValue(sent, Outer.class);

    JsonNode written = STRICT.readTree(Json.write(outer));

    assertThat(written).isEqualTo(STRICT.readTree(sent));
  }

  @Test
  void write_absentFields_areLeftOut_durationsInTheirUnit_instantsInIso() throws Exception {
    Outer outer =
        new Outer(
            "o",
            null,
            null,
            List.of(),
            Duration.ofMillis(1500),
            Instant.ofEpochSecond(0),
            null,
            null);

    assertThat(Json.write(outer))
        .isEqualTo("{\"id\":\"o\",\"took\":1500,\"at\":\"1970-01-01T00:00:00Z\"}");
    assertThat(
            Json.write(
                new Outer(
                    "o",
                    null,
                    null,
                    List.of(),
                    Duration.ofNanos(1_500_000_001L),
                    null,
                    null,
                    null)))
        .as("exact: a fraction of a millisecond is kept")
        .contains("\"took\":1500.000001");
  }
}
