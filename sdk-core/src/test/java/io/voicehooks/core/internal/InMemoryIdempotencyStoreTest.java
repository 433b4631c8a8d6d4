package io.voicehooks.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.IdempotencyStore.Claim;
import io.voicehooks.core.IdempotencyStore.Claim.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class InMemoryIdempotencyStoreTest {
  private static final Duration LEASE = Duration.ofMinutes(1);
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private InMemoryIdempotencyStore store(int maxEntries, Duration ttl) {
    return new InMemoryIdempotencyStore(maxEntries, ttl, now::get);
  }

  private void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }

  @Test
  void claim_newKey_isClaimedThenInProgress() {
    InMemoryIdempotencyStore store = store(10, Duration.ofHours(1));
    assertThat(store.claim("a", LEASE).status()).isEqualTo(Status.CLAIMED);
    assertThat(store.claim("a", LEASE).status()).isEqualTo(Status.IN_PROGRESS);
  }

  @Test
  void complete_thenClaim_isCompletedUntilTtlEnds() {
    InMemoryIdempotencyStore store = store(10, Duration.ofHours(1));
    store.complete(store.claim("a", LEASE));
    assertThat(store.claim("a", LEASE).status()).isEqualTo(Status.COMPLETED);
    advance(Duration.ofMinutes(59));
    assertThat(store.claim("a", LEASE).status()).isEqualTo(Status.COMPLETED);
    advance(Duration.ofMinutes(2));
    assertThat(store.claim("a", LEASE).status()).as("retention ended").isEqualTo(Status.CLAIMED);
  }

  @Test
  void release_freesTheKeyButNeverACompletedOne() {
    InMemoryIdempotencyStore store = store(10, Duration.ofHours(1));
    store.release(store.claim("a", LEASE));
    Claim again = store.claim("a", LEASE);
    assertThat(again.status()).isEqualTo(Status.CLAIMED);
    store.complete(again);
    store.release(again);
    assertThat(store.claim("a", LEASE).status()).isEqualTo(Status.COMPLETED);
  }

  @Test
  void claim_abandonedClaim_expiresAfterItsLease() {
    InMemoryIdempotencyStore store = store(10, Duration.ofHours(1));
    store.claim("crashed", Duration.ofSeconds(30));
    advance(Duration.ofSeconds(29));
    assertThat(store.claim("crashed", LEASE).status()).isEqualTo(Status.IN_PROGRESS);
    advance(Duration.ofSeconds(2));
    assertThat(store.claim("crashed", LEASE).status()).isEqualTo(Status.CLAIMED);
  }

  @Test
  void claim_manyKeys_boundHolds() {
    InMemoryIdempotencyStore store = store(1_000, Duration.ofHours(1));
    for (int i = 0; i < 50_000; i++) {
      store.complete(store.claim("k" + i, LEASE));
      assertThat(store.size()).isLessThanOrEqualTo(1_000);
    }
    assertThat(store.claim("k49999", LEASE).status())
        .as("recent keys are kept")
        .isEqualTo(Status.COMPLETED);
    assertThat(store.claim("k0", LEASE).status())
        .as("oldest keys are forgotten")
        .isEqualTo(Status.CLAIMED);
  }

  @Test
  void claim_releasedKeysChurning_queueStaysBounded() {
    InMemoryIdempotencyStore store = store(100, Duration.ofHours(1));
    for (int i = 0; i < 100_000; i++) {
      store.release(store.claim("same", LEASE));
    }
    assertThat(store.size()).isZero();
    assertThat(store.claim("same", LEASE).status()).isEqualTo(Status.CLAIMED);
  }

  @Test
  void claim_keysInProgressAreNotEvictedWithinTheirLease() {
    InMemoryIdempotencyStore store = store(10, Duration.ofHours(1));
    store.claim("busy", LEASE);
    for (int i = 0; i < 100; i++) {
      store.complete(store.claim("k" + i, LEASE));
    }
    assertThat(store.claim("busy", LEASE).status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(store.size()).isLessThanOrEqualTo(10);
  }

  @Test
  void claim_concurrentLoad_boundHoldsAndEachKeyClaimedOnce() throws Exception {
    InMemoryIdempotencyStore store =
        new InMemoryIdempotencyStore(5_000, Duration.ofHours(1), System::nanoTime);
    AtomicInteger claimed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 4_000; i++) {
                    // every thread tries the same 4,000 keys: each is claimed once overall
                    Claim claim = store.claim("k" + i, LEASE);
                    if (claim.isClaimed()) {
                      claimed.incrementAndGet();
                      store.complete(claim);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(claimed).hasValue(4_000);
    assertThat(store.size()).isLessThanOrEqualTo(5_000);
  }

  @Test
  void completeAndRelease_afterTheLeaseRanOutAndARetryClaimed_changeNothing() {
    InMemoryIdempotencyStore store = store(10, Duration.ofHours(1));
    Claim first = store.claim("slow", Duration.ofSeconds(30));
    advance(Duration.ofSeconds(31));
    Claim retry = store.claim("slow", LEASE);
    assertThat(retry.status()).as("the lease ran out").isEqualTo(Status.CLAIMED);
    assertThat(retry.token()).isNotEqualTo(first.token());

    store.release(first);
    assertThat(store.claim("slow", LEASE).status())
        .as("the first delivery's release left the retry's claim")
        .isEqualTo(Status.IN_PROGRESS);
    store.complete(first);
    assertThat(store.claim("slow", LEASE).status())
        .as("the first delivery's completion did not complete the retry's claim")
        .isEqualTo(Status.IN_PROGRESS);

    store.release(retry);
    assertThat(store.claim("slow", LEASE).status())
        .as("the owner's release frees the key")
        .isEqualTo(Status.CLAIMED);
  }

  @Test
  void complete_afterTheLeaseRanOutUnclaimed_stillCompletes() {
    InMemoryIdempotencyStore store = store(10, Duration.ofHours(1));
    Claim slow = store.claim("slow", Duration.ofSeconds(30));
    advance(Duration.ofSeconds(31));
    store.complete(slow);
    assertThat(store.claim("slow", LEASE).status()).isEqualTo(Status.COMPLETED);
  }

  @Test
  void completeAndRelease_needAClaimedClaim() {
    InMemoryIdempotencyStore store = store(10, Duration.ofHours(1));
    store.claim("a", LEASE);
    Claim duplicate = store.claim("a", LEASE);
    assertThatThrownBy(() -> store.complete(duplicate))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("IN_PROGRESS");
    assertThatThrownBy(() -> store.release(Claim.completed("a")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constructor_rejectsBadArguments() {
    assertThatThrownBy(() -> store(0, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store(10, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
