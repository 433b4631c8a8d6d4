package io.voicehooks.jdbc;

import java.time.Duration;

/**
 * The wait before a failed row is due again: {@code initialMillis} after the first failure, doubled
 * per further failure, at most {@code maxMillis}.
 */
record Backoff(long initialMillis, long maxMillis) {
  /** {@return the backoff between the given durations, each capped as {@link Sql#millis} caps} */
  static Backoff of(Duration initial, Duration max) {
    return new Backoff(Sql.millis(initial), Sql.millis(max));
  }

  /** {@return the wait after the given attempt (counted from 1) failed} */
  long millis(int attempts) {
    long millis = initialMillis;
    for (int i = 1; i < attempts && millis < maxMillis; i++) {
      millis *= 2;
    }
    return Math.min(millis, maxMillis);
  }
}
