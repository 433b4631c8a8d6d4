package io.voicehooks.testing;

import io.voicehooks.core.WebhookHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP attempt of a simulated delivery: when it was made, what it sent, and what came back.
 *
 * @param number the attempt number, 1 for the first
 * @param virtualOffset the virtual time since the first attempt of the delivery: the sum of the
 *     retry delays waited, as the provider would have waited them
 * @param sentAt the real wall-clock time the attempt was made (the {@code svix-timestamp} of a
 *     signed attempt)
 * @param headers the headers sent, including {@code User-Agent} and any signature headers
 * @param status the HTTP status received, or 0 when no response arrived (see {@code failure})
 * @param failure why no response arrived, or null when one did
 * @param responseBody the start of the response body, at most {@value #MAX_RESPONSE_BODY}
 *     characters; empty when there was none
 * @param latency the real time from sending to the end of the response, or to the failure
 */
public record Attempt(
    int number,
    Duration virtualOffset,
    Instant sentAt,
    WebhookHeaders headers,
    int status,
    @Nullable FailureKind failure,
    String responseBody,
    Duration latency) {

  /** The most characters of a response body kept in {@link #responseBody()}. */
  public static final int MAX_RESPONSE_BODY = 200;

  /** Why an attempt got no HTTP response. */
  public enum FailureKind {
    /** No complete response within the policy's timeout. */
    TIMEOUT,
    /** The connection was refused, reset or could not be made (a connect timeout included). */
    CONNECTION_ERROR
  }

  /**
   * Checks the components.
   *
   * @param number the attempt number, 1 or more
   * @param virtualOffset the virtual time since the first attempt
   * @param sentAt the real time of the attempt
   * @param headers the headers sent
   * @param status the HTTP status, or 0 without a response
   * @param failure the failure kind, or null when a response arrived
   * @param responseBody the truncated response body
   * @param latency the real latency
   */
  public Attempt {
    if (number < 1) {
      throw new IllegalArgumentException("number must be 1 or more");
    }
    Objects.requireNonNull(virtualOffset, "virtualOffset == null");
    Objects.requireNonNull(sentAt, "sentAt == null");
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(responseBody, "responseBody == null");
    Objects.requireNonNull(latency, "latency == null");
    if ((failure == null) == (status == 0)) {
      throw new IllegalArgumentException("exactly one of status and failure must be set");
    }
    if (responseBody.length() > MAX_RESPONSE_BODY) {
      responseBody = responseBody.substring(0, MAX_RESPONSE_BODY);
    }
  }

  /** {@return whether the endpoint answered with a 2xx status} */
  public boolean succeeded() {
    return failure == null && status >= 200 && status < 300;
  }
}
