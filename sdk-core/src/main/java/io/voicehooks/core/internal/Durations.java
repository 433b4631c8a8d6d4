package io.voicehooks.core.internal;

import java.time.Duration;
import java.util.Objects;

/** Duration arithmetic that cannot overflow, for timeouts users may set to "forever". */
public final class Durations {
  /** About 73 years: far beyond any wait, and safe to add to {@link System#nanoTime()}. */
  private static final long MAX_NANOS = Long.MAX_VALUE / 4;

  private Durations() {}

  /**
   * Returns a duration in nanoseconds, at most about 73 years, so that adding it to {@link
   * System#nanoTime()} cannot overflow; a negative duration is 0.
   *
   * @param duration the duration
   * @return its nanoseconds, saturated
   */
  public static long saturatedNanos(Duration duration) {
    Objects.requireNonNull(duration, "duration == null");
    if (duration.isNegative()) {
      return 0;
    }
    return duration.compareTo(Duration.ofNanos(MAX_NANOS)) >= 0 ? MAX_NANOS : duration.toNanos();
  }
}
