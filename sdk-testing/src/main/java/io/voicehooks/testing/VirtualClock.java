package io.voicehooks.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told to: the time line on which {@link WebhookSimulator} waits
 * between retries, so that a six-hour retry schedule runs in milliseconds.
 *
 * <p>Pass the simulator's virtual clock to code of your own that should see the retry delays pass
 * (for example a time-to-live cache), never to a signature verifier: signature timestamps are
 * always real wall-clock time, see {@link WebhookSimulator}.
 *
 * <p>Instances are thread-safe. The time never moves backwards: {@link #advanceTo(Instant)} with an
 * earlier instant leaves it unchanged, so concurrent deliveries advance it to the latest of their
 * time lines rather than to the sum of their delays.
 */
public final class VirtualClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private VirtualClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * Returns a virtual clock standing at the given instant, in UTC.
   *
   * @param start the initial time
   * @return the clock
   */
  public static VirtualClock startingAt(Instant start) {
    Objects.requireNonNull(start, "start == null");
    return new VirtualClock(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  /** {@return a virtual clock standing at the current real time, in UTC} */
  public static VirtualClock create() {
    return startingAt(Instant.now());
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /**
   * Returns a view of this clock in another time zone; it shares this clock's time, so advancing
   * either advances both.
   *
   * @param zone the time zone
   * @return the view
   */
  @Override
  public Clock withZone(ZoneId zone) {
    Objects.requireNonNull(zone, "zone == null");
    return zone.equals(this.zone) ? this : new VirtualClock(now, zone);
  }

  /**
   * Moves the clock forward.
   *
   * @param amount how far, zero or more
   * @return the new time
   * @throws IllegalArgumentException if the amount is negative
   */
  public Instant advance(Duration amount) {
    Objects.requireNonNull(amount, "amount == null");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("amount must not be negative");
    }
    return now.updateAndGet(t -> t.plus(amount));
  }

  /**
   * Moves the clock forward to an instant, or leaves it where it is when it is already later.
   *
   * @param target the instant to reach
   * @return the new time: the later of the current time and {@code target}
   */
  public Instant advanceTo(Instant target) {
    Objects.requireNonNull(target, "target == null");
    return now.updateAndGet(t -> t.isBefore(target) ? target : t);
  }

  @Override
  public String toString() {
    return "VirtualClock[" + now.get() + "," + zone + "]";
  }
}
