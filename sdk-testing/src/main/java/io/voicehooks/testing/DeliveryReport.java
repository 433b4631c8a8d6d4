package io.voicehooks.testing;

import io.voicehooks.core.internal.ToString;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one simulated delivery: the sample, the final outcome and every attempt.
 *
 * <p>{@link #toString()} shows the target's scheme and host only: its path and query may carry the
 * endpoint's URL secret (Vaani, cllr).
 *
 * @param sample the sample delivered
 * @param target the endpoint it was delivered to
 * @param outcome how the delivery ended
 * @param attempts every attempt, in order; empty when the endpoint was paused
 * @param messageId the Svix message id ({@code svix-id}) shared by every attempt of a signed
 *     delivery, or null when it was not signed
 */
public record DeliveryReport(
    Sample sample,
    URI target,
    Outcome outcome,
    List<Attempt> attempts,
    @Nullable String messageId) {

  /** How a delivery ended. */
  public enum Outcome {
    /** An attempt got a 2xx response. */
    DELIVERED,
    /** Every attempt the retry policy allows failed. */
    GAVE_UP,
    /** The endpoint was paused (Agni): no further attempt was made. */
    PAUSED,
    /** The only attempt failed and the policy does not retry (cllr, Vaani). */
    NOT_RETRIED
  }

  /**
   * Copies the attempt list.
   *
   * @param sample the sample delivered
   * @param target the endpoint
   * @param outcome how the delivery ended
   * @param attempts every attempt, in order
   * @param messageId the Svix message id, or null
   */
  public DeliveryReport {
    Objects.requireNonNull(sample, "sample == null");
    Objects.requireNonNull(target, "target == null");
    Objects.requireNonNull(outcome, "outcome == null");
    attempts = List.copyOf(attempts);
  }

  /** Shows the outcome, the attempt count, the message id and the target without path or query. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("sample", sample)
        .add("target", target.getScheme() + "://" + target.getRawAuthority() + "/<redacted>")
        .add("outcome", outcome)
        .add("attempts", attempts.size())
        .add("messageId", messageId)
        .toString();
  }

  /** {@return whether the delivery ended with a 2xx response} */
  public boolean delivered() {
    return outcome == Outcome.DELIVERED;
  }

  /** {@return the last attempt, or null when none was made} */
  public @Nullable Attempt lastAttempt() {
    return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
  }
}
