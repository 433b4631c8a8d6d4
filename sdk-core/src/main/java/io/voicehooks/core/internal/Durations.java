package io.voicehooks.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Duration arithmetic: saturating, for timeouts users may set to "forever", and the span between
 * two timestamps a provider may leave out.
 */
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

  /**
   * Returns the time from {@code start} to {@code end}, such as a call's length from its start and
   * end timestamps.
   *
   * @param start the start, or null when not sent
   * @param end the end, or null when not sent
   * @return the span, or null when either is missing or the end lies before the start
   */
  public static @Nullable Duration between(@Nullable Instant start, @Nullable Instant end) {
    if (start == null || end == null || end.isBefore(start)) {
      return null;
    }
    return Duration.between(start, end);
  }
}
