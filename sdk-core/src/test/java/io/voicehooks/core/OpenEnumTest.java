package io.voicehooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class OpenEnumTest {
  enum Status {
    COMPLETED,
    NO_ANSWER,
    UNKNOWN
  }

  enum Closed {
    A
  }

  @Test
  void of_matchesIgnoringCaseSpacesAndHyphens() {
    assertThat(OpenEnum.of(Status.class, "completed").value()).isEqualTo(Status.COMPLETED);
    assertThat(OpenEnum.of(Status.class, " No Answer ").value()).isEqualTo(Status.NO_ANSWER);
    assertThat(OpenEnum.of(Status.class, "no-answer").value()).isEqualTo(Status.NO_ANSWER);
    assertThat(OpenEnum.of(Status.class, "no-answer").raw()).isEqualTo("no-answer");
  }

  @Test
  void of_unknownValue_keepsRaw() {
    OpenEnum<Status> value = OpenEnum.of(Status.class, "voicemail_left");
    assertThat(value.isUnknown()).isTrue();
    assertThat(value.raw()).isEqualTo("voicemail_left");
    assertThat(value).hasToString("voicemail_left");
  }

  @Test
  void equals_knownValuesCompareByConstant_unknownByRaw() {
    assertThat(OpenEnum.of(Status.COMPLETED)).isEqualTo(OpenEnum.of(Status.class, "COMPLETED"));
    assertThat(OpenEnum.of(Status.class, "completed").hashCode())
        .isEqualTo(OpenEnum.of(Status.class, "Completed").hashCode());
    assertThat(OpenEnum.of(Status.class, "x")).isNotEqualTo(OpenEnum.of(Status.class, "y"));
    assertThat(OpenEnum.of(Status.class, "x")).isEqualTo(OpenEnum.of(Status.class, "x"));
  }

  @Test
  void of_enumWithoutUnknown_isRejected() {
    assertThatThrownBy(() -> OpenEnum.of(Closed.class, "A"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no UNKNOWN constant");
  }
}
