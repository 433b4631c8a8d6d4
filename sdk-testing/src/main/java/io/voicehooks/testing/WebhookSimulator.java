package io.voicehooks.testing;

import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.internal.HttpBodies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Delivers samples to an HTTP endpoint the way each provider does, over real HTTP, and reports
 * every attempt: a local {@code stripe trigger} for Agni, Vaani, Agntix and cllr.
 *
 * <pre>{@code
 * WebhookSimulator simulator = WebhookSimulator.create();
 * DeliveryReport report = simulator.deliver(
 *     URI.create("http://127.0.0.1:8080/webhooks/agni"),
 *     Samples.agni().callCompleted().build());
 * assertThat(report.outcome()).isEqualTo(DeliveryReport.Outcome.DELIVERED);
 * }</pre>
 *
 * <p><b>Per provider</b> ({@link DeliveryPolicy}): each attempt is a {@code POST} of the sample's
 * exact body bytes with its headers, {@code Content-Type: application/json} and a {@code
 * User-Agent} naming the simulated provider, under the provider's timeout; a non-2xx status, a
 * timeout or a connection error is retried on the provider's schedule. A signed delivery (a policy
 * with {@link DeliveryPolicy#signedWith(SvixSigner)}, or a sample built with {@code
 * signedWith(...)}) is signed anew for every attempt, as Svix does: the same {@code svix-id} for
 * all attempts of one message, a fresh {@code svix-timestamp} and {@code svix-signature} each.
 *
 * <p><b>Virtual time.</b> The delays between attempts are not slept: they advance the simulator's
 * {@link VirtualClock}, and each {@link Attempt#virtualOffset()} tells when the provider would have
 * made the attempt. An Agni delivery that fails five times therefore spans 7 h 12 min 30 s of
 * virtual time and a few milliseconds of real time. Signature timestamps, in contrast, are always
 * real wall-clock time (the builder's {@link Builder#clock(Clock) clock}): a receiver checks {@code
 * svix-timestamp} against its own clock with a tolerance of usually five minutes, and would reject
 * a retry stamped hours into the future. Timeouts are real too; tests shorten them with {@link
 * DeliveryPolicy#withTimeout(Duration)}.
 *
 * <p><b>Pausing</b> (Agni): the simulator counts consecutive failed deliveries per target URI. When
 * a pausing policy reaches its threshold, the endpoint is paused: pausing policies deliver nothing
 * more to it ({@link DeliveryReport.Outcome#PAUSED}) until {@link #resume(URI)}.
 *
 * <p>Instances are thread-safe: deliveries may run in parallel, and {@link #deliverAll} can run
 * them in parallel itself.
 */
public final class WebhookSimulator {
  /** Headers the JDK client sets itself and refuses from callers. */
  static final Set<String> NOT_FORWARDED =
      Set.of("content-length", "host", "connection", "expect", "upgrade", "user-agent");

  private static final int RESPONSE_BYTES_KEPT = 1024;

  private final HttpClient client;
  private final Clock clock;
  private final VirtualClock virtualClock;
  private final Map<Provider, DeliveryPolicy> policies;
  private final Map<URI, Endpoint> endpoints = new ConcurrentHashMap<>();

  private WebhookSimulator(Builder builder) {
    this.client = builder.client != null ? builder.client : defaultClient();
    this.clock = builder.clock;
    this.virtualClock = builder.virtualClock != null ? builder.virtualClock : VirtualClock.create();
    this.policies = new EnumMap<>(builder.policies);
  }

  /**
   * {@return a simulator with a default HTTP client, the system clock and each provider's policy}
   */
  public static WebhookSimulator create() {
    return builder().build();
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  private static HttpClient defaultClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /**
   * Delivers a sample under its provider's policy (or the one set with {@link
   * Builder#policy(DeliveryPolicy)}), retrying as the provider would.
   *
   * @param target the endpoint, an {@code http} or {@code https} URI
   * @param sample the delivery
   * @return the report of every attempt
   */
  public DeliveryReport deliver(URI target, Sample sample) {
    Objects.requireNonNull(sample, "sample == null");
    return deliver(target, sample, policyFor(sample.provider()));
  }

  /**
   * Delivers a sample under a given policy.
   *
   * @param target the endpoint, an {@code http} or {@code https} URI
   * @param sample the delivery
   * @param policy the policy
   * @return the report of every attempt
   * @throws IllegalArgumentException if the target is not an {@code http} or {@code https} URI
   * @throws CancellationException if the calling thread is interrupted (the interrupt flag is kept)
   */
  public DeliveryReport deliver(URI target, Sample sample, DeliveryPolicy policy) {
    Objects.requireNonNull(target, "target == null");
    Objects.requireNonNull(sample, "sample == null");
    Objects.requireNonNull(policy, "policy == null");
    return run(target, sample, policy, messageId(sample, policy));
  }

  /**
   * Delivers samples one after the other, in order, each under its provider's policy.
   *
   * @param target the endpoint
   * @param samples the deliveries
   * @return one report per delivery, in delivery order
   */
  public List<DeliveryReport> deliverAll(URI target, List<Sample> samples) {
    return deliverAll(target, samples, DeliveryOptions.defaults());
  }

  /**
   * Delivers samples with copies, a shuffled order or in parallel, as the options say.
   *
   * @param target the endpoint
   * @param samples the deliveries
   * @param options copies, order, parallelism and policy
   * @return one report per delivery (copies included), in the order they were started
   * @throws CancellationException if the calling thread is interrupted (the interrupt flag is kept)
   */
  public List<DeliveryReport> deliverAll(
      URI target, List<Sample> samples, DeliveryOptions options) {
    Objects.requireNonNull(target, "target == null");
    Objects.requireNonNull(samples, "samples == null");
    Objects.requireNonNull(options, "options == null");
    List<Planned> plan = new ArrayList<>();
    for (Sample sample : samples) {
      Objects.requireNonNull(sample, "sample == null");
      DeliveryPolicy policy =
          options.policy() != null ? options.policy() : policyFor(sample.provider());
      String msgId = messageId(sample, policy); // one message, however many copies
      for (int copy = 0; copy < options.copies(); copy++) {
        plan.add(new Planned(sample, policy, msgId));
      }
    }
    Long seed = options.shuffleSeed();
    if (seed != null) {
      Collections.shuffle(plan, new Random(seed));
    }
    if (options.concurrency() == 1 || plan.size() <= 1) {
      List<DeliveryReport> reports = new ArrayList<>(plan.size());
      for (Planned p : plan) {
        reports.add(run(target, p.sample, p.policy, p.msgId));
      }
      return List.copyOf(reports);
    }
    return runConcurrently(target, plan, Math.min(options.concurrency(), plan.size()));
  }

  private List<DeliveryReport> runConcurrently(URI target, List<Planned> plan, int threads) {
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread =
                  new Thread(task, "voicehooks-simulator-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    CountDownLatch startGate = new CountDownLatch(1); // so that the first batch leaves together
    List<Future<DeliveryReport>> futures = new ArrayList<>(plan.size());
    try {
      for (Planned p : plan) {
        futures.add(
            pool.submit(
                () -> {
                  startGate.await();
                  return run(target, p.sample, p.policy, p.msgId);
                }));
      }
      startGate.countDown();
      List<DeliveryReport> reports = new ArrayList<>(plan.size());
      for (Future<DeliveryReport> future : futures) {
        reports.add(future.get());
      }
      return List.copyOf(reports);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("Interrupted while delivering");
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    } finally {
      startGate.countDown();
      pool.shutdownNow();
    }
  }

  private static RuntimeException rethrow(@Nullable Throwable cause) {
    if (cause instanceof RuntimeException) {
      throw (RuntimeException) cause;
    }
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    return new IllegalStateException("Delivery failed", cause);
  }

  /**
   * Tells whether an endpoint is paused: a pausing policy (Agni) saw as many consecutive failed
   * deliveries to it as its threshold.
   *
   * @param target the endpoint
   * @return whether pausing policies deliver nothing to it
   */
  public boolean isPaused(URI target) {
    Endpoint endpoint = endpoints.get(Objects.requireNonNull(target, "target == null"));
    return endpoint != null && endpoint.isPaused();
  }

  /**
   * Returns the number of consecutive failed deliveries a pausing policy counted for an endpoint.
   *
   * @param target the endpoint
   * @return the count, 0 after a successful delivery or {@link #resume(URI)}
   */
  public int consecutiveFailures(URI target) {
    Endpoint endpoint = endpoints.get(Objects.requireNonNull(target, "target == null"));
    return endpoint == null ? 0 : endpoint.failures();
  }

  /**
   * Resumes a paused endpoint and clears its failure count, as re-saving the webhook URL in Agni's
   * dashboard does.
   *
   * @param target the endpoint
   */
  public void resume(URI target) {
    Endpoint endpoint = endpoints.get(Objects.requireNonNull(target, "target == null"));
    if (endpoint != null) {
      endpoint.resume();
    }
  }

  /** {@return the virtual clock that retry delays advance} */
  public VirtualClock virtualClock() {
    return virtualClock;
  }

  /**
   * Returns the policy used for a provider's samples when none is given.
   *
   * @param provider the provider
   * @return the builder's policy for it, or the provider's default
   */
  public DeliveryPolicy policyFor(Provider provider) {
    Objects.requireNonNull(provider, "provider == null");
    DeliveryPolicy policy = policies.get(provider);
    return policy != null ? policy : DeliveryPolicy.forProvider(provider);
  }

  @Override
  public String toString() {
    return "WebhookSimulator[policies="
        + policies.keySet()
        + ", virtualClock="
        + virtualClock
        + "]";
  }

  private static @Nullable SvixSigner signer(Sample sample, DeliveryPolicy policy) {
    return policy.signer() != null ? policy.signer() : sample.signer();
  }

  private static @Nullable String messageId(Sample sample, DeliveryPolicy policy) {
    String existing = sample.messageId();
    if (existing != null || signer(sample, policy) == null) {
      return existing;
    }
    return SvixSigner.newMessageId();
  }

  private DeliveryReport run(
      URI target, Sample sample, DeliveryPolicy policy, @Nullable String msgId) {
    Endpoint endpoint =
        policy.pauseAfter() > 0 ? endpoints.computeIfAbsent(target, t -> new Endpoint()) : null;
    List<Attempt> attempts = new ArrayList<>();
    if (endpoint != null && endpoint.isPaused()) {
      return new DeliveryReport(sample, target, DeliveryReport.Outcome.PAUSED, attempts, msgId);
    }
    byte[] body = sample.body();
    Instant start = virtualClock.instant();
    Duration offset = Duration.ZERO;
    List<Duration> retries = policy.retries();
    Duration window = policy.retryWindow();
    for (int number = 1; ; number++) {
      Attempt attempt = attempt(number, offset, target, sample, body, policy, msgId);
      attempts.add(attempt);
      if (attempt.succeeded()) {
        if (endpoint != null) {
          endpoint.recordSuccess();
        }
        return new DeliveryReport(
            sample, target, DeliveryReport.Outcome.DELIVERED, attempts, msgId);
      }
      if (number > retries.size()) {
        break;
      }
      Duration next = offset.plus(retries.get(number - 1));
      if (window != null && next.compareTo(window) > 0) {
        break;
      }
      if (endpoint != null && endpoint.isPaused()) {
        // Another delivery paused the endpoint while this one was waiting to retry.
        return new DeliveryReport(sample, target, DeliveryReport.Outcome.PAUSED, attempts, msgId);
      }
      offset = next;
      virtualClock.advanceTo(start.plus(offset));
    }
    if (endpoint != null) {
      endpoint.recordFailure(policy.pauseAfter());
    }
    DeliveryReport.Outcome outcome =
        retries.isEmpty() ? DeliveryReport.Outcome.NOT_RETRIED : DeliveryReport.Outcome.GAVE_UP;
    return new DeliveryReport(sample, target, outcome, attempts, msgId);
  }

  private Attempt attempt(
      int number,
      Duration offset,
      URI target,
      Sample sample,
      byte[] body,
      DeliveryPolicy policy,
      @Nullable String msgId) {
    SvixSigner signer = signer(sample, policy);
    Instant sentAt = clock.instant();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> header : sample.headers().asMap().entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!NOT_FORWARDED.contains(name) && !(signer != null && Sample.isSignatureHeader(name))) {
        headers.put(name, header.getValue());
      }
    }
    headers.putAll(policy.headers().asMap());
    headers.putIfAbsent("content-type", List.of("application/json"));
    headers.put("user-agent", List.of(policy.userAgent()));
    if (signer != null) {
      headers.putAll(signer.sign(Objects.requireNonNull(msgId), sentAt, body).asMap());
    }
    WebhookHeaders sent = WebhookHeaders.of(headers);

    Duration timeout = policy.timeout();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    sent.asMap().forEach((name, values) -> values.forEach(value -> request.header(name, value)));

    long startNanos = System.nanoTime();
    int status = 0;
    Attempt.FailureKind failure = null;
    String responseBody = "";
    try {
      HttpResponse<byte[]> answer =
          HttpBodies.send(
              client, request.build(), info -> HttpBodies.truncated(RESPONSE_BYTES_KEPT), timeout);
      status = answer.statusCode();
      responseBody = start(answer.body());
    } catch (HttpBodies.Failure e) {
      switch (e.kind()) {
        case TIMEOUT:
          failure = Attempt.FailureKind.TIMEOUT;
          break;
        case INTERRUPTED:
          throw new CancellationException("Interrupted while delivering");
        default: // a connect timeout included: the connection could not be made
          failure = Attempt.FailureKind.CONNECTION_ERROR;
      }
    }
    Duration latency = Duration.ofNanos(System.nanoTime() - startNanos);
    return new Attempt(number, offset, sentAt, sent, status, failure, responseBody, latency);
  }

  /** {@return the start of a response body as text, at most {@link Attempt#MAX_RESPONSE_BODY}} */
  private static String start(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.length() > Attempt.MAX_RESPONSE_BODY
        ? text.substring(0, Attempt.MAX_RESPONSE_BODY)
        : text;
  }

  /** One planned delivery of {@link #deliverAll}. */
  private static final class Planned {
    final Sample sample;
    final DeliveryPolicy policy;
    final @Nullable String msgId;

    Planned(Sample sample, DeliveryPolicy policy, @Nullable String msgId) {
      this.sample = sample;
      this.policy = policy;
      this.msgId = msgId;
    }
  }

  /** The pause state of one target URI. */
  private static final class Endpoint {
    private int failures;
    private boolean paused;

    synchronized boolean isPaused() {
      return paused;
    }

    synchronized int failures() {
      return failures;
    }

    synchronized void recordSuccess() {
      failures = 0;
    }

    synchronized void recordFailure(int threshold) {
      failures++;
      if (failures >= threshold) {
        paused = true;
      }
    }

    synchronized void resume() {
      failures = 0;
      paused = false;
    }
  }

  /** Builds a {@link WebhookSimulator}. Not thread-safe; the simulator it builds is. */
  public static final class Builder {
    private @Nullable HttpClient client;
    private Clock clock = Clock.systemUTC();
    private @Nullable VirtualClock virtualClock;
    private final Map<Provider, DeliveryPolicy> policies = new EnumMap<>(Provider.class);

    private Builder() {}

    /**
     * Sets the HTTP client. The default speaks HTTP/1.1, follows no redirects (a redirect is a
     * failed attempt, as with the providers) and gives up connecting after 10 s.
     *
     * @param client the client
     * @return this builder
     */
    public Builder httpClient(HttpClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * Sets the wall clock that stamps attempts ({@link Attempt#sentAt()}, {@code svix-timestamp}).
     * Keep it close to real time: receivers compare signature timestamps with their own clock.
     *
     * @param clock the clock; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets the virtual clock that retry delays advance, to share it with code under test.
     *
     * @param virtualClock the clock; default a new one standing at the current time
     * @return this builder
     */
    public Builder virtualClock(VirtualClock virtualClock) {
      this.virtualClock = Objects.requireNonNull(virtualClock, "virtualClock == null");
      return this;
    }

    /**
     * Sets the policy for the samples of {@link DeliveryPolicy#provider()}, replacing that
     * provider's default: for example {@code DeliveryPolicy.agntix().signedWith(signer)}.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(DeliveryPolicy policy) {
      Objects.requireNonNull(policy, "policy == null");
      policies.put(policy.provider(), policy);
      return this;
    }

    /** {@return the simulator} */
    public WebhookSimulator build() {
      return new WebhookSimulator(this);
    }
  }
}
