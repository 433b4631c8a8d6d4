package io.voicehooks.testing;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How {@link WebhookSimulator#deliverAll} sends a list of samples: how many copies of each, in
 * which order, how many at once, under which policy.
 *
 * <pre>{@code
 * DeliveryOptions.defaults()
 *     .withCopies(3)           // each message three times: the same body and svix-id
 *     .withShuffle(42)         // in a seeded random order, the same for the same seed
 *     .withConcurrency(4);     // up to four deliveries in flight at once
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DeliveryOptions {
  private static final DeliveryOptions DEFAULTS = new DeliveryOptions(1, null, 1, null);

  private final int copies;
  private final @Nullable Long shuffleSeed;
  private final int concurrency;
  private final @Nullable DeliveryPolicy policy;

  private DeliveryOptions(
      int copies, @Nullable Long shuffleSeed, int concurrency, @Nullable DeliveryPolicy policy) {
    this.copies = copies;
    this.shuffleSeed = shuffleSeed;
    this.concurrency = concurrency;
    this.policy = policy;
  }

  /** {@return the defaults: each sample once, in order, one at a time, each provider's policy} */
  public static DeliveryOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns these options delivering every sample several times, as a provider that delivers one
   * message twice would: the copies carry the same body and, when signed, the same {@code svix-id}.
   * Copies follow their original, unless shuffled.
   *
   * @param copies how many times each sample is delivered, 1 or more
   * @return the new options
   */
  public DeliveryOptions withCopies(int copies) {
    if (copies < 1) {
      throw new IllegalArgumentException("copies must be 1 or more");
    }
    return new DeliveryOptions(copies, shuffleSeed, concurrency, policy);
  }

  /**
   * Returns these options delivering in a random order drawn from a seed (after making copies): the
   * same seed gives the same order.
   *
   * @param seed the seed of {@link java.util.Random}
   * @return the new options
   */
  public DeliveryOptions withShuffle(long seed) {
    return new DeliveryOptions(copies, seed, concurrency, policy);
  }

  /**
   * Returns these options with up to {@code concurrency} deliveries in flight at once. With more
   * than one, deliveries (and the retries of each) run on parallel threads, so their arrival order
   * is not guaranteed.
   *
   * @param concurrency the number of parallel deliveries, 1 or more
   * @return the new options
   */
  public DeliveryOptions withConcurrency(int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be 1 or more");
    }
    return new DeliveryOptions(copies, shuffleSeed, concurrency, policy);
  }

  /**
   * Returns these options delivering every sample under one policy instead of its provider's.
   *
   * @param policy the policy
   * @return the new options
   */
  public DeliveryOptions withPolicy(DeliveryPolicy policy) {
    Objects.requireNonNull(policy, "policy == null");
    return new DeliveryOptions(copies, shuffleSeed, concurrency, policy);
  }

  /** {@return how many times each sample is delivered} */
  public int copies() {
    return copies;
  }

  /** {@return the shuffle seed, or null when samples keep their order} */
  public @Nullable Long shuffleSeed() {
    return shuffleSeed;
  }

  /** {@return how many deliveries may be in flight at once} */
  public int concurrency() {
    return concurrency;
  }

  /** {@return the policy for every sample, or null to use each provider's} */
  public @Nullable DeliveryPolicy policy() {
    return policy;
  }

  @Override
  public String toString() {
    return "DeliveryOptions[copies="
        + copies
        + ", shuffleSeed="
        + shuffleSeed
        + ", concurrency="
        + concurrency
        + ", policy="
        + policy
        + "]";
  }
}
