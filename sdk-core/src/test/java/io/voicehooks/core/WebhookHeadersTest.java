package io.voicehooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WebhookHeadersTest {

  @Test
  void ofMap_mergesNamesThatDifferInCase_keepingValuesInOrder() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    map.put("Svix-Id", List.of("msg_1"));
    map.put("svix-id", List.of("msg_2"));
    map.put("Accept", List.of("a", "b"));

    WebhookHeaders headers = WebhookHeaders.of(map);

    assertThat(headers.all("SVIX-ID")).containsExactly("msg_1", "msg_2");
    assertThat(headers.first("accept")).isEqualTo("a");
    assertThat(headers.names()).containsExactly("accept", "svix-id");
  }

  @Test
  void ofMap_skipsNullNamesAndValues_asSomeContainersReportTheStatusLine() {
    Map<String, List<String>> map = new HashMap<>();
    map.put(null, List.of("HTTP/1.1 200 OK"));
    map.put("x-empty", null);
    map.put("x-one", Arrays.asList(null, "v"));

    WebhookHeaders headers = WebhookHeaders.of(map);

    assertThat(headers.names()).containsExactly("x-one");
    assertThat(headers.all("x-one")).containsExactly("v");
  }

  @Test
  void ofNamesAndLookup_readsEveryNameOnceWithItsValuesInOrder() {
    Map<String, List<String>> source = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    source.put("Svix-Signature", List.of("v1,a", "v1,b"));
    source.put("Content-Type", List.of("application/json"));
    List<String> looked = new ArrayList<>();

    WebhookHeaders headers =
        WebhookHeaders.of(
            List.of("Svix-Signature", "content-type", "SVIX-SIGNATURE"),
            name -> {
              looked.add(name);
              return source.get(name);
            });

    assertThat(headers.all("svix-signature")).containsExactly("v1,a", "v1,b");
    assertThat(headers.first("Content-Type")).isEqualTo("application/json");
    assertThat(looked).containsExactly("Svix-Signature", "content-type");
  }

  @Test
  void ofNamesAndLookup_skipsNullNamesNullValuesAndMissingNames() {
    WebhookHeaders headers =
        WebhookHeaders.of(
            Arrays.asList("x-a", null, "x-missing", "x-b"),
            name ->
                switch (name) {
                  case "x-a" -> Arrays.asList("1", null);
                  case "x-b" -> List.of();
                  default -> null;
                });

    assertThat(headers.names()).containsExactly("x-a");
    assertThat(headers.all("x-a")).containsExactly("1");
    assertThat(WebhookHeaders.of(List.of(), name -> List.of("x"))).isSameAs(WebhookHeaders.empty());
  }

  @Test
  void ofNamesAndLookup_equalsTheSameHeadersBuiltFromAMap() {
    Map<String, List<String>> map = Map.of("A", List.of("1", "2"), "b", List.of("3"));

    assertThat(WebhookHeaders.of(map.keySet(), map::get)).isEqualTo(WebhookHeaders.of(map));
    assertThat(WebhookHeaders.of(map.keySet(), map::get).hashCode())
        .isEqualTo(WebhookHeaders.of("a", "1", "A", "2", "B", "3").hashCode());
  }

  @Test
  void ofPairs_oddCountOrNulls_failWithAClearMessage() {
    assertThatThrownBy(() -> WebhookHeaders.of("a", "1", "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pairs");
    assertThatThrownBy(() -> WebhookHeaders.of("a", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("value of a header");
    assertThatThrownBy(() -> WebhookHeaders.of(null, name -> List.of()))
        .hasMessageContaining("names == null");
  }

  @Test
  void values_areImmutableAndToStringShowsNamesOnly() {
    WebhookHeaders headers = WebhookHeaders.of("Authorization", "Bearer s3cret");

    assertThat(headers.toString())
        .isEqualTo("WebhookHeaders[authorization]")
        .doesNotContain("s3cret");
    assertThatThrownBy(() -> headers.all("authorization").add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> headers.asMap().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
