package io.voicehooks.core;

import io.voicehooks.core.internal.InMemoryIdempotencyStore;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
 * or Redis ({@code SET key token NX PX lease}, then compare-and-set on the token) implements this
 * interface directly. Implementations must be thread-safe; each method is atomic for its key, and
 * {@code complete} and {@code release} act only for the claim's owner (compare the token).
 */
public interface IdempotencyStore {
  /**
   * The outcome of {@link #claim(String, Duration)}: whether the caller now holds the key and, if
   * so, the token that proves it.
   *
   * <p>A claim has an owner. When a delivery outlives its lease, a retry may claim the key anew;
   * the first delivery's {@link #complete(Claim)} or {@link #release(Claim)} then carries a token
   * that is no longer current and changes nothing, so it can neither mark the retry's work done nor
   * free the key under it.
   *
   * @param key the idempotency key claimed
   * @param status whether the key was claimed, and if not, why
   * @param token the owner token of a {@link Status#CLAIMED} claim, unique per claim within its
   *     store; null otherwise
   */
  record Claim(String key, Status status, @Nullable String token) {
    /** Why a key was or was not claimed. */
    public enum Status {
      /** The caller now holds the key and must complete or release it. */
      CLAIMED,
      /** Another delivery holds the key and its lease has not run out. */
      IN_PROGRESS,
      /** The key was completed within the store's retention time. */
      COMPLETED
    }

    /**
     * Checks the claim.
     *
     * @param key the idempotency key claimed
     * @param status whether the key was claimed, and if not, why
     * @param token the owner token of a {@link Status#CLAIMED} claim; null otherwise
     * @throws IllegalArgumentException if a token is missing on a claimed key or set on another
     */
    public Claim {
      Objects.requireNonNull(key, "key == null");
      Objects.requireNonNull(status, "status == null");
      if ((status == Status.CLAIMED) != (token != null)) {
        throw new IllegalArgumentException("a token is required on CLAIMED and only there");
      }
    }

    /**
     * Returns a claim the caller holds.
     *
     * @param key the key
     * @param token the owner token, unique per claim within the store
     * @return the claim
     */
    public static Claim claimed(String key, String token) {
      return new Claim(key, Status.CLAIMED, Objects.requireNonNull(token, "token == null"));
    }

    /**
     * Returns the outcome for a key another delivery holds.
     *
     * @param key the key
     * @return the outcome
     */
    public static Claim inProgress(String key) {
      return new Claim(key, Status.IN_PROGRESS, null);
    }

    /**
     * Returns the outcome for a key already completed.
     *
     * @param key the key
     * @return the outcome
     */
    public static Claim completed(String key) {
      return new Claim(key, Status.COMPLETED, null);
    }

    /** {@return whether the caller holds the key} */
    public boolean isClaimed() {
      return status == Status.CLAIMED;
    }

    /**
     * Returns the owner token, for {@link #complete(Claim)} and {@link #release(Claim)}.
     *
     * @return the token
     * @throws IllegalArgumentException if the claim is not {@code CLAIMED}: only a held claim can
     *     be completed or released
     */
    public String requireToken() {
      if (token == null) {
        throw new IllegalArgumentException(
            "Only a CLAIMED claim can be completed or released, not " + status);
      }
      return token;
    }
  }

  /**
   * Claims a key, atomically.
   *
   * @param key the event's idempotency key
   * @param lease how long the claim holds if neither completed nor released
   * @return a {@link Claim.Status#CLAIMED} claim with a fresh owner token if the key was free
   *     (never seen, released, or its lease or retention ran out); otherwise why not
   * @throws WebhookException if the store cannot hold this key, whatever the retry (a character or
   *     length it refuses); the handler answers 400
   * @throws RuntimeException if the store is unavailable; the handler answers 503
   */
  Claim claim(String key, Duration lease);

  /**
   * Marks a claimed key as done, if the claim is still the key's current one; it is then remembered
   * for the store's retention time. A claim whose lease ran out and whose key another delivery has
   * claimed since changes nothing.
   *
   * @param claim a {@link Claim.Status#CLAIMED} claim from {@link #claim(String, Duration)}
   * @throws IllegalArgumentException if the claim is not {@code CLAIMED}
   */
  void complete(Claim claim);

  /**
   * Frees a claimed key after a failure, so that the next delivery of it is processed, if the claim
   * is still the key's current one. A completed key stays completed; a key another delivery has
   * claimed since stays its.
   *
   * @param claim a {@link Claim.Status#CLAIMED} claim from {@link #claim(String, Duration)}
   * @throws IllegalArgumentException if the claim is not {@code CLAIMED}
   */
  void release(Claim claim);

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
