package io.voicehooks.vaani;

import io.voicehooks.core.OpenEnum;
import org.jspecify.annotations.Nullable;

/**
 * The transfers to a human that one call attempted, as {@link VaaniCallTracker} counted them from
 * its {@code human_transfer_*} events: a call can be handed over more than once, for example after
 * a busy specialist.
 *
 * <p>Vaani sends no attempt id and no timestamps, so the events of one attempt cannot be paired
 * with each other, and "latest" can only mean latest to arrive. The counts and {@link #state()}
 * therefore depend only on which events arrived, not on their order. Each count is of the events
 * the tracker was given: the handler keeps exact re-deliveries out by their idempotency key, but
 * two attempts whose events carry the same values (the same number, type and reason) share that
 * key, so the second one never arrives.
 *
 * @param initiated how many {@code human_transfer_initiated} events were applied
 * @param failed how many {@code human_transfer_failed} events were applied
 * @param succeeded how many {@code human_transfer_successful} events were applied
 * @param lastFailureReason the {@code reason} of the latest {@code human_transfer_failed} to arrive
 *     that sent one, or null
 */
public record TransferAttempts(
    int initiated,
    int failed,
    int succeeded,
    @Nullable OpenEnum<TransferFailureReason> lastFailureReason) {

  /** No transfer seen. */
  public static final TransferAttempts NONE = new TransferAttempts(0, 0, 0, null);

  /** Where a call's transfers stand, from the counts alone. */
  public enum State {
    /** No transfer event seen. */
    NONE,
    /** More attempts initiated than ended, and none succeeded: a transfer is under way. */
    IN_PROGRESS,
    /** Every attempt seen failed. */
    FAILED,
    /** An attempt succeeded: a human took the call. */
    SUCCEEDED
  }

  /**
   * Creates the counts.
   *
   * @param initiated how many {@code human_transfer_initiated} events were applied, zero or more
   * @param failed how many {@code human_transfer_failed} events were applied, zero or more
   * @param succeeded how many {@code human_transfer_successful} events were applied, zero or more
   * @param lastFailureReason the latest failure's reason, or null
   * @throws IllegalArgumentException if a count is negative
   */
  public TransferAttempts {
    if (initiated < 0 || failed < 0 || succeeded < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /**
   * Returns how many attempts were seen: the initiated ones, or the ended ones (failed plus
   * succeeded) when more of those arrived, since an attempt whose {@code human_transfer_initiated}
   * was lost still ended.
   *
   * @return the number of attempts, zero when no transfer event was seen
   */
  public int count() {
    return Math.max(initiated, saturatedAdd(failed, succeeded));
  }

  /**
   * Returns where the transfers stand: {@code SUCCEEDED} once any attempt succeeded, else {@code
   * IN_PROGRESS} while more attempts were initiated than failed, else {@code FAILED} when one
   * failed, else {@code NONE}.
   *
   * @return the state
   */
  public State state() {
    if (succeeded > 0) {
      return State.SUCCEEDED;
    }
    if (initiated > failed) {
      return State.IN_PROGRESS;
    }
    return failed > 0 ? State.FAILED : State.NONE;
  }

  TransferAttempts afterInitiated() {
    return new TransferAttempts(increment(initiated), failed, succeeded, lastFailureReason);
  }

  TransferAttempts afterFailed(@Nullable OpenEnum<TransferFailureReason> reason) {
    return new TransferAttempts(
        initiated, increment(failed), succeeded, reason != null ? reason : lastFailureReason);
  }

  TransferAttempts afterSucceeded() {
    return new TransferAttempts(initiated, failed, increment(succeeded), lastFailureReason);
  }

  private static int increment(int count) {
    return count == Integer.MAX_VALUE ? count : count + 1;
  }

  private static int saturatedAdd(int a, int b) {
    long sum = (long) a + b;
    return sum > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) sum;
  }
}
