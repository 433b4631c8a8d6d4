package io.voicehooks.testing;

import io.voicehooks.core.WebhookHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a provider delivers: its per-attempt timeout, its retry delays, how long it keeps retrying,
 * when it pauses an endpoint, whether it signs, and the headers it adds.
 *
 * <table>
 *   <caption>The providers' policies</caption>
 *   <tr><th>policy</th><th>timeout</th><th>retries after</th><th>other</th></tr>
 *   <tr><td>{@link #agni()}</td><td>30 s</td><td>30 s, 2 min, 10 min, 1 h, 6 h</td>
 *       <td>endpoint paused after 5 consecutive failed deliveries</td></tr>
 *   <tr><td>{@link #agntix()}</td><td>15 s</td>
 *       <td>5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (Svix)</td>
 *       <td>no retry later than 24 h after the first attempt</td></tr>
 *   <tr><td>{@link #cllr()}</td><td>10 s</td><td>none</td><td></td></tr>
 *   <tr><td>{@link #vaani()}</td><td>10 s (assumed)</td><td>none (none documented)</td>
 *       <td></td></tr>
 * </table>
 *
 * <p>An attempt fails on a non-2xx status, a timeout or a connection error. Delays are waited on
 * the simulator's {@link VirtualClock}, never really. Timeouts are real, so tests shorten them with
 * {@link #withTimeout(Duration)}.
 *
 * <p>Instances are immutable and thread-safe; every {@code with...} method returns a new policy.
 */
public final class DeliveryPolicy {
  private static final List<Duration> AGNI_RETRIES =
      List.of(
          Duration.ofSeconds(30),
          Duration.ofMinutes(2),
          Duration.ofMinutes(10),
          Duration.ofHours(1),
          Duration.ofHours(6));

  // Svix's documented schedule: immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
  private static final List<Duration> SVIX_RETRIES =
      List.of(
          Duration.ofSeconds(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(5),
          Duration.ofHours(10),
          Duration.ofHours(10));

  private final Provider provider;
  private final Duration timeout;
  private final List<Duration> retries;
  private final @Nullable Duration retryWindow;
  private final int pauseAfter;
  private final @Nullable SvixSigner signer;
  private final String userAgent;
  private final WebhookHeaders headers;

  private DeliveryPolicy(
      Provider provider,
      Duration timeout,
      List<Duration> retries,
      @Nullable Duration retryWindow,
      int pauseAfter,
      @Nullable SvixSigner signer,
      String userAgent,
      WebhookHeaders headers) {
    this.provider = provider;
    this.timeout = timeout;
    this.retries = retries;
    this.retryWindow = retryWindow;
    this.pauseAfter = pauseAfter;
    this.signer = signer;
    this.userAgent = userAgent;
    this.headers = headers;
  }

  private static DeliveryPolicy of(
      Provider provider,
      Duration timeout,
      List<Duration> retries,
      @Nullable Duration window,
      int pauseAfter) {
    return new DeliveryPolicy(
        provider,
        timeout,
        retries,
        window,
        pauseAfter,
        null,
        "VoiceHooks-Simulator/1.0 (simulating " + provider.displayName() + " webhooks)",
        WebhookHeaders.empty());
  }

  /**
   * {@return Agni's policy: 30 s timeout; retries after 30 s, 2 min, 10 min, 1 h and 6 h; the
   * endpoint paused after 5 consecutive failed deliveries}
   */
  public static DeliveryPolicy agni() {
    return of(Provider.AGNI, Duration.ofSeconds(30), AGNI_RETRIES, null, 5);
  }

  /**
   * {@return Agntix's policy (Svix): 15 s timeout; retries after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h
   * and 10 h, none later than 24 h after the first attempt; unsigned until {@link
   * #signedWith(SvixSigner)}}
   */
  public static DeliveryPolicy agntix() {
    return of(Provider.AGNTIX, Duration.ofSeconds(15), SVIX_RETRIES, Duration.ofHours(24), 0);
  }

  /** {@return cllr's policy: 10 s timeout, no retries} */
  public static DeliveryPolicy cllr() {
    return of(Provider.CLLR, Duration.ofSeconds(10), List.of(), null, 0);
  }

  /**
   * {@return Vaani's policy as assumed: Vaani documents neither timeout nor retries, so no retries
   * and a 10 s timeout, the shortest any of these providers documents (cllr's), so that an endpoint
   * fast enough here is fast enough for any plausible Vaani limit}
   */
  public static DeliveryPolicy vaani() {
    return of(Provider.VAANI, Duration.ofSeconds(10), List.of(), null, 0);
  }

  /**
   * Returns the default policy of a provider.
   *
   * @param provider the provider
   * @return its policy
   */
  public static DeliveryPolicy forProvider(Provider provider) {
    switch (Objects.requireNonNull(provider, "provider == null")) {
      case AGNI:
        return agni();
      case AGNTIX:
        return agntix();
      case CLLR:
        return cllr();
      case VAANI:
      default:
        return vaani();
    }
  }

  /**
   * Returns this policy with another per-attempt timeout: a real HTTP timeout, covering the request
   * and the whole response.
   *
   * @param timeout the timeout, positive
   * @return the new policy
   */
  public DeliveryPolicy withTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    return new DeliveryPolicy(
        provider, timeout, retries, retryWindow, pauseAfter, signer, userAgent, headers);
  }

  /**
   * Returns this policy with other retry delays: the first is waited after the first attempt, the
   * second after the second, and so on.
   *
   * @param delays the delays between attempts, each zero or more; empty for no retries
   * @return the new policy
   */
  public DeliveryPolicy withRetries(List<Duration> delays) {
    List<Duration> copy = List.copyOf(Objects.requireNonNull(delays, "delays == null"));
    for (Duration delay : copy) {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delays must not be negative");
      }
    }
    return new DeliveryPolicy(
        provider, timeout, copy, retryWindow, pauseAfter, signer, userAgent, headers);
  }

  /** {@return this policy without retries} */
  public DeliveryPolicy withoutRetries() {
    return withRetries(List.of());
  }

  /**
   * Returns this policy with another retry window: no retry is made later than this after the first
   * attempt.
   *
   * @param window the window, or null for no limit beyond the retry list
   * @return the new policy
   */
  public DeliveryPolicy withRetryWindow(@Nullable Duration window) {
    if (window != null && window.isNegative()) {
      throw new IllegalArgumentException("window must not be negative");
    }
    return new DeliveryPolicy(
        provider, timeout, retries, window, pauseAfter, signer, userAgent, headers);
  }

  /**
   * Returns this policy pausing an endpoint after a number of consecutive failed deliveries (a
   * delivery fails when all of its attempts fail; a delivered one resets the count). A paused
   * endpoint gets nothing from pausing policies until {@link WebhookSimulator#resume}.
   *
   * @param failedDeliveries the number of consecutive failed deliveries, or 0 never to pause
   * @return the new policy
   */
  public DeliveryPolicy withPauseAfter(int failedDeliveries) {
    if (failedDeliveries < 0) {
      throw new IllegalArgumentException("failedDeliveries must not be negative");
    }
    return new DeliveryPolicy(
        provider, timeout, retries, retryWindow, failedDeliveries, signer, userAgent, headers);
  }

  /**
   * Returns this policy signing every attempt, as Svix does for Agntix: one message id for all
   * attempts of a message, a fresh {@code svix-timestamp} (real wall-clock time) and signature per
   * attempt. Overrides the signer of a sample built with {@code signedWith(...)}.
   *
   * @param signer the signer
   * @return the new policy
   */
  public DeliveryPolicy signedWith(SvixSigner signer) {
    Objects.requireNonNull(signer, "signer == null");
    return new DeliveryPolicy(
        provider, timeout, retries, retryWindow, pauseAfter, signer, userAgent, headers);
  }

  /**
   * Returns this policy sending another {@code User-Agent}.
   *
   * @param userAgent the header value
   * @return the new policy
   */
  public DeliveryPolicy withUserAgent(String userAgent) {
    Objects.requireNonNull(userAgent, "userAgent == null");
    return new DeliveryPolicy(
        provider, timeout, retries, retryWindow, pauseAfter, signer, userAgent, headers);
  }

  /**
   * Returns this policy sending one more header on every attempt, replacing a header of that name
   * the sample carries, as a proxy in front of the endpoint would: {@code
   * DeliveryPolicy.vaani().withHeader("Authorization", "Bearer " + token)}. A signer's headers
   * replace one of the same name.
   *
   * @param name the header name, in any case
   * @param value the value
   * @return the new policy
   * @throws IllegalArgumentException if the HTTP client sets the header itself ({@code Host},
   *     {@code Content-Length}, ...) or it is {@code User-Agent} (see {@link
   *     #withUserAgent(String)})
   */
  public DeliveryPolicy withHeader(String name, String value) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(value, "value == null");
    if (WebhookSimulator.NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          name + " is set by the HTTP client or withUserAgent, not by withHeader");
    }
    WebhookHeaders added = Sample.merge(headers.asMap(), WebhookHeaders.of(name, value));
    return new DeliveryPolicy(
        provider, timeout, retries, retryWindow, pauseAfter, signer, userAgent, added);
  }

  /** {@return the provider this policy simulates} */
  public Provider provider() {
    return provider;
  }

  /** {@return the per-attempt timeout} */
  public Duration timeout() {
    return timeout;
  }

  /** {@return the delays between attempts; empty when the policy does not retry} */
  public List<Duration> retries() {
    return retries;
  }

  /** {@return how long after the first attempt retries may still be made, or null for no limit} */
  public @Nullable Duration retryWindow() {
    return retryWindow;
  }

  /**
   * {@return the consecutive failed deliveries that pause an endpoint, or 0 when it never pauses}
   */
  public int pauseAfter() {
    return pauseAfter;
  }

  /** {@return the signer applied to every attempt, or null} */
  public @Nullable SvixSigner signer() {
    return signer;
  }

  /** {@return the {@code User-Agent} sent, naming the simulated provider} */
  public String userAgent() {
    return userAgent;
  }

  /** {@return the headers added to every attempt; empty unless {@link #withHeader} was called} */
  public WebhookHeaders headers() {
    return headers;
  }

  @Override
  public String toString() {
    return "DeliveryPolicy["
        + provider.id()
        + ", timeout="
        + timeout
        + ", retries="
        + retries
        + ", retryWindow="
        + retryWindow
        + ", pauseAfter="
        + pauseAfter
        + ", signer="
        + signer
        + ", headers="
        + headers.names()
        + "]";
  }
}
