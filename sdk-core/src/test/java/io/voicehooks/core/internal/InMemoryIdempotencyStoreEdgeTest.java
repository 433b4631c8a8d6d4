package io.voicehooks.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.core.IdempotencyStore.Claim;
import io.voicehooks.core.IdempotencyStore.Claim.Status;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store at the exact ends of leases and retention, and its bound at exactly {@code
 * maxEntries}: each test pins an edge a mutation test found unpinned.
 */
final class InMemoryIdempotencyStoreEdgeTest {
  private static final Duration LEASE = Duration.ofSeconds(10);
  private static final Duration TTL = Duration.ofHours(1);
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private InMemoryIdempotencyStore store(int maxEntries) {
    return new InMemoryIdempotencyStore(maxEntries, TTL, now::get);
  }

  private void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }

  private static Status statusOf(InMemoryIdempotencyStore store, String key) {
    return store.claim(key, LEASE).status();
  }

  @Test
  void claim_atTheExactEndOfTheLease_claimsAgain() {
    InMemoryIdempotencyStore store = store(10);
    store.claim("a", LEASE);
    advance(LEASE.minusNanos(1));
    assertThat(statusOf(store, "a")).isEqualTo(Status.IN_PROGRESS);
    advance(Duration.ofNanos(1));
    assertThat(statusOf(store, "a")).isEqualTo(Status.CLAIMED);
  }

  @Test
  void claim_atTheExactEndOfRetention_claimsAgain() {
    InMemoryIdempotencyStore store = store(10);
    store.complete(store.claim("a", LEASE));
    advance(TTL.minusNanos(1));
    assertThat(statusOf(store, "a")).isEqualTo(Status.COMPLETED);
    advance(Duration.ofNanos(1));
    assertThat(statusOf(store, "a")).isEqualTo(Status.CLAIMED);
  }

  @Test
  void constructor_oneEntry_isTheSmallestBound() {
    InMemoryIdempotencyStore store = store(1);
    store.complete(store.claim("a", LEASE));
    assertThat(store.size()).isEqualTo(1);
    store.complete(store.claim("b", LEASE));
    assertThat(store.size()).isEqualTo(1);
    assertThat(statusOf(store, "b")).isEqualTo(Status.COMPLETED);
  }

  @Test
  void claim_pastTheBound_evictsExactlyTheOldestCompletedKey() {
    InMemoryIdempotencyStore store = store(2);
    store.complete(store.claim("a", LEASE));
    store.complete(store.claim("b", LEASE));
    assertThat(store.size()).isEqualTo(2);
    store.complete(store.claim("c", LEASE));
    assertThat(store.size()).isEqualTo(2);
    assertThat(statusOf(store, "b")).isEqualTo(Status.COMPLETED);
    assertThat(statusOf(store, "c")).isEqualTo(Status.COMPLETED);
    assertThat(statusOf(store, "a")).as("the oldest was forgotten").isEqualTo(Status.CLAIMED);
  }

  @Test
  void claim_everyKeyHeldInProgress_exceedsTheBoundRatherThanForgetOne() {
    InMemoryIdempotencyStore store = store(1);
    store.claim("a", LEASE);
    store.claim("b", LEASE);
    store.claim("c", LEASE);
    assertThat(store.size()).isEqualTo(3);
    assertThat(statusOf(store, "a")).isEqualTo(Status.IN_PROGRESS);
    assertThat(statusOf(store, "c")).isEqualTo(Status.IN_PROGRESS);
  }

  @Test
  void claim_pastTheBound_evictsAClaimWhoseLeaseEndsExactlyNow() {
    InMemoryIdempotencyStore store = store(1);
    store.claim("abandoned", LEASE);
    advance(LEASE);
    store.claim("next", LEASE);
    assertThat(store.size()).as("the abandoned claim went").isEqualTo(1);
    assertThat(statusOf(store, "next")).isEqualTo(Status.IN_PROGRESS);
  }

  @Test
  void complete_afterEviction_isRememberedAndLaterEvictedInTurn() {
    InMemoryIdempotencyStore store = store(2);
    Claim late = store.claim("late", LEASE);
    advance(LEASE.plusSeconds(1));
    store.complete(store.claim("x", LEASE));
    store.complete(store.claim("y", LEASE));
    store.complete(late); // its entry was evicted for x and y: the completion is remembered anew
    assertThat(store.size()).isEqualTo(3);
    for (int i = 0; i < 4; i++) {
      store.complete(store.claim("k" + i, LEASE));
    }
    assertThat(store.size()).isEqualTo(2);
    assertThat(statusOf(store, "late"))
        .as("a completion remembered after eviction is queued for eviction like any other")
        .isEqualTo(Status.CLAIMED);
  }

  @Test
  void claim_queueTrimmedOfReleasedKeys_keepsRememberedKeysWithinTheBound() {
    InMemoryIdempotencyStore store = store(3);
    store.complete(store.claim("a", LEASE));
    store.complete(store.claim("b", LEASE));
    // Each claim of "churn" queues a node; released, the node goes stale. Past 2 * maxEntries
    // nodes the queue is trimmed, which must not evict a or b: the store is within its bound.
    for (int i = 0; i < 20; i++) {
      store.release(store.claim("churn", LEASE));
    }
    assertThat(store.size()).isEqualTo(2);
    assertThat(statusOf(store, "a")).isEqualTo(Status.COMPLETED);
    assertThat(statusOf(store, "b")).isEqualTo(Status.COMPLETED);
  }

  @Test
  void claim_keyKeptInProgressDuringEviction_isEvictedInTurnOnceCompleted() {
    InMemoryIdempotencyStore store = store(2);
    Claim busy = store.claim("busy", LEASE);
    store.complete(store.claim("k0", LEASE));
    store.complete(store.claim("k1", LEASE)); // evicts k0, keeps busy: it is held in progress
    assertThat(statusOf(store, "busy")).isEqualTo(Status.IN_PROGRESS);
    store.complete(busy);
    for (int i = 2; i < 6; i++) {
      store.complete(store.claim("k" + i, LEASE));
    }
    assertThat(store.size()).isEqualTo(2);
    assertThat(statusOf(store, "busy"))
        .as("a key passed over while in progress stays queued for eviction")
        .isEqualTo(Status.CLAIMED);
  }
}
