package io.voicehooks.core.internal;

import io.voicehooks.core.IdempotencyStore;
import io.voicehooks.core.IdempotencyStore.Claim.Status;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The in-memory {@link IdempotencyStore}: a {@link ConcurrentHashMap} for atomic per-key state
 * changes, and a queue of keys in claim order for bounded eviction. No operation takes a lock wider
 * than one key's bin.
 *
 * <p>Each live entry has one live node in the queue, tagged with the entry's sequence number; a
 * node whose key was since released or claimed anew is stale and dropped when met. Eviction walks
 * the queue from the oldest node: completed and expired keys go, keys still in progress within
 * their lease move to the tail.
 *
 * <p>A claim's owner token is its entry's sequence number: {@code complete} and {@code release}
 * change an entry only while it still carries that number, so a delivery whose lease ran out cannot
 * complete or release the claim of the retry that took the key over.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
  private final int maxEntries;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Entry> entries;
  private final ConcurrentLinkedQueue<Node> order = new ConcurrentLinkedQueue<>();
  private final AtomicInteger orderSize = new AtomicInteger();
  private final AtomicLong sequence = new AtomicLong();

  /** One key's state: in progress until its lease ends, or completed until its retention ends. */
  private record Entry(boolean completed, long expiresAt, long seq) {}

  private record Node(String key, long seq) {}

  /**
   * Creates the store.
   *
   * @param maxEntries the most keys held at once
   * @param ttl how long completed keys are remembered
   * @param nanoTime the time source, {@code System::nanoTime} outside tests
   */
  public InMemoryIdempotencyStore(int maxEntries, Duration ttl, LongSupplier nanoTime) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1");
    }
    Objects.requireNonNull(ttl, "ttl == null");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive");
    }
    this.maxEntries = maxEntries;
    this.ttlNanos = Durations.saturatedNanos(ttl);
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime == null");
    this.entries = new ConcurrentHashMap<>(Math.min(maxEntries, 1 << 16));
  }

  @Override
  public Claim claim(String key, Duration lease) {
    Objects.requireNonNull(key, "key == null");
    long now = nanoTime.getAsLong();
    long leaseEnd = now + Durations.saturatedNanos(lease);
    Status[] result = new Status[1];
    Entry entry =
        entries.compute(
            key,
            (k, e) -> {
              if (e == null || e.expiresAt - now <= 0) {
                result[0] = Status.CLAIMED;
                return new Entry(false, leaseEnd, sequence.incrementAndGet());
              }
              result[0] = e.completed ? Status.COMPLETED : Status.IN_PROGRESS;
              return e;
            });
    switch (result[0]) {
      case COMPLETED:
        return Claim.completed(key);
      case IN_PROGRESS:
        return Claim.inProgress(key);
      default:
        enqueue(new Node(key, entry.seq));
        evictIfNeeded(now);
        // The entry's sequence number is unique per claim: it is the owner token.
        return Claim.claimed(key, Long.toString(entry.seq));
    }
  }

  @Override
  public void complete(Claim claim) {
    long owner = owner(claim);
    long expiresAt = nanoTime.getAsLong() + ttlNanos;
    boolean[] added = new boolean[1];
    Entry entry =
        entries.compute(
            claim.key(),
            (k, e) -> {
              if (e == null) {
                // Evicted or expired while in progress, and nobody claimed it since: remember the
                // completion anyway.
                added[0] = true;
                return new Entry(true, expiresAt, sequence.incrementAndGet());
              }
              if (e.completed || e.seq != owner) {
                return e; // done already, or another delivery's claim since this one's lease ran
                // out
              }
              return new Entry(true, expiresAt, e.seq);
            });
    if (added[0]) {
      enqueue(new Node(claim.key(), entry.seq));
    }
  }

  @Override
  public void release(Claim claim) {
    long owner = owner(claim);
    entries.computeIfPresent(claim.key(), (k, e) -> e.completed || e.seq != owner ? e : null);
  }

  /** The sequence number a claim's token holds; a token this store did not issue owns nothing. */
  private static long owner(Claim claim) {
    Objects.requireNonNull(claim, "claim == null");
    try {
      return Long.parseLong(claim.requireToken());
    } catch (NumberFormatException e) {
      return 0; // sequence numbers start at 1
    }
  }

  /** {@return how many keys are held, for tests and metrics} */
  public int size() {
    return entries.size();
  }

  private void enqueue(Node node) {
    order.add(node);
    orderSize.incrementAndGet();
  }

  /**
   * Restores the bounds: at most {@code maxEntries} keys, and a queue at most twice that (stale
   * nodes of released keys would otherwise pile up). Visits each node at most once per call.
   */
  private void evictIfNeeded(long now) {
    int budget = orderSize.get();
    while (budget-- > 0 && (entries.size() > maxEntries || orderSize.get() > 2 * maxEntries)) {
      Node node = order.poll();
      if (node == null) {
        return;
      }
      orderSize.decrementAndGet();
      boolean[] live = new boolean[1];
      entries.computeIfPresent(
          node.key,
          (k, e) -> {
            if (e.seq != node.seq) {
              return e; // a stale node: the key's live node is elsewhere in the queue
            }
            boolean heldInProgress = !e.completed && e.expiresAt - now > 0;
            if (!heldInProgress && entries.size() > maxEntries) {
              return null;
            }
            live[0] = true;
            return e;
          });
      if (live[0]) {
        enqueue(node);
      }
    }
  }
}
