package io.voicehooks.core;

import io.voicehooks.core.internal.InMemoryIdempotencyStore;
import java.time.Duration;

/**
 * Remembers which events are being processed and which are done, so that each event reaches the
 * listener once although providers retry and duplicate deliveries.
 *
 * <p>The {@link WebhookHandler} <em>claims</em> an event's key before dispatching it, <em>completes
 * </em> the key when the listener returns, and <em>releases</em> it when the listener fails, so the
 * provider's retry is processed again. A claim holds for a lease: if the process dies while holding
 * it, the key is claimable again once the lease runs out.
 *
 * <p>The default, {@link #inMemory(int, Duration)}, serves one process. Several replicas behind a
 * load balancer need a shared store: a database table ({@code INSERT ... ON CONFLICT DO NOTHING})
 * or Redis ({@code SET key value NX PX lease}) implements this interface directly. Implementations
 * must be thread-safe; each method is atomic for its key.
 */
public interface IdempotencyStore {
  /** The outcome of {@link #claim(String, Duration)}. */
  enum Claim {
    /** The caller now holds the key and must complete or release it. */
    CLAIMED,
    /** Another delivery holds the key and its lease has not run out. */
    IN_PROGRESS,
    /** The key was completed within the store's retention time. */
    COMPLETED
  }

  /**
   * Claims a key, atomically.
   *
   * @param key the event's idempotency key
   * @param lease how long the claim holds if neither completed nor released
   * @return {@link Claim#CLAIMED} if the key was free (never seen, released, or its lease or
   *     retention ran out); otherwise why not
   */
  Claim claim(String key, Duration lease);

  /**
   * Marks a claimed key as done; it is remembered for the store's retention time.
   *
   * @param key the key
   */
  void complete(String key);

  /**
   * Frees a claimed key after a failure, so that the next delivery of it is processed. A completed
   * key stays completed.
   *
   * @param key the key
   */
  void release(String key);

  /**
   * Returns a store in this process's memory, for a single replica.
   *
   * <p>It keeps at most {@code maxEntries} keys plus those being processed within their lease: past
   * that, the oldest completed or expired keys are forgotten first, so memory stays bounded under
   * any load (a duplicate of a forgotten key would be processed again: size it above the number of
   * events a provider may retry within its retry window). Completed keys are remembered for {@code
   * ttl}. Lookups take no global lock.
   *
   * @param maxEntries the most keys held at once, at least 1
   * @param ttl how long completed keys are remembered, positive
   * @return the store
   */
  static IdempotencyStore inMemory(int maxEntries, Duration ttl) {
    return new InMemoryIdempotencyStore(maxEntries, ttl, System::nanoTime);
  }

  /**
   * Returns an in-memory store holding up to 100,000 keys for 24 hours, which covers Agni's 6-hour
   * and Agntix's 24-hour retry windows at moderate volume.
   *
   * @return the store
   */
  static IdempotencyStore inMemory() {
    return inMemory(100_000, Duration.ofHours(24));
  }
}
