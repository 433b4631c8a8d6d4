package io.voicehooks.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ToStringTest {
  private record Contact(String id, String name, List<String> notes, Map<String, Object> extra) {}

  @Test
  void toString_showsAddedValuesAndOnlyTheShapeOfRedactedOnes() {
    Contact contact =
        new Contact("c-1", "Zelda Quixote", List.of("a", "b", "c"), Map.of("email", "z@q.org"));

    String text =
        ToString.of(contact)
            .add("id", contact.id())
            .redact("name", contact.name())
            .redact("notes", contact.notes())
            .redact("extra", contact.extra())
            .toString();

    assertThat(text)
        .isEqualTo("Contact[id=c-1, name=<redacted, 13 chars>, notes=<3 items>, extra=<1 entry>]")
        .doesNotContain("Zelda")
        .doesNotContain("email");
  }

  @Test
  void redacted_describesEachShape() {
    assertThat(ToString.redacted(null)).isEqualTo("null");
    assertThat(ToString.redacted("")).isEqualTo("<redacted, 0 chars>");
    assertThat(ToString.redacted("x")).isEqualTo("<redacted, 1 char>");
    assertThat(ToString.redacted(List.of("x"))).isEqualTo("<1 item>");
    assertThat(ToString.redacted(List.of())).isEqualTo("<0 items>");
    assertThat(ToString.redacted(Map.of())).isEqualTo("<0 entries>");
    assertThat(ToString.redacted(Map.of("a", 1, "b", 2))).isEqualTo("<2 entries>");
    assertThat(ToString.redacted(34)).isEqualTo("<redacted>");
  }
}
