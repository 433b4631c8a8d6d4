package io.voicehooks.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

final class VirtualClockTest {
  private static final Instant START = Instant.parse("2026-03-24T18:30:00Z");

  @Test
  void advance_movesForwardOnlyWhenTold() {
    VirtualClock clock = VirtualClock.startingAt(START);

    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.advance(Duration.ofHours(6))).isEqualTo(START.plusSeconds(6 * 3600));
    assertThat(clock.millis()).isEqualTo(START.plusSeconds(6 * 3600).toEpochMilli());
  }

  @Test
  void advanceTo_neverMovesBackwards() {
    VirtualClock clock = VirtualClock.startingAt(START);
    clock.advanceTo(START.plusSeconds(60));

    assertThat(clock.advanceTo(START.plusSeconds(30))).isEqualTo(START.plusSeconds(60));
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(60));
  }

  @Test
  void advance_negative_isRejected() {
    assertThatThrownBy(() -> VirtualClock.startingAt(START).advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amount");
  }

  @Test
  void withZone_sharesTheTime() {
    VirtualClock clock = VirtualClock.startingAt(START);
    Clock kolkata = clock.withZone(ZoneId.of("Asia/Kolkata"));
    clock.advance(Duration.ofMinutes(2));

    assertThat(kolkata.getZone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
    assertThat(kolkata.instant()).isEqualTo(START.plusSeconds(120));
  }
}
