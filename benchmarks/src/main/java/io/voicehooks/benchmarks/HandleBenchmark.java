package io.voicehooks.benchmarks;

import io.voicehooks.agntix.AgntixEvent;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.core.IdempotencyStore;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.core.WebhookResponse.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One signed Agntix {@code session.ended} delivery end to end, against its own first half:
 *
 * <ul>
 *   <li>{@code handle}: {@link WebhookHandler#handle(WebhookRequest)} with the signing parser: Svix
 *       verification, parse, claim in the in-memory idempotency store, dispatch to a listener that
 *       only keeps the event, complete the key, answer 200;
 *   <li>{@code verifyAndParse}: the same parser's {@code parse} alone (verification and parse), the
 *       baseline.
 * </ul>
 *
 * <p>De-duplication must not short-circuit the measurement: a repeated key would be answered
 * "duplicate" after a hash lookup, skipping the dispatch and the completion. So the benchmark
 * cycles through {@value #DELIVERIES} deliveries with distinct ids (each signed with its own
 * signature), and the store holds at most {@value #STORE_SIZE} keys. When a key comes round again,
 * {@value #DELIVERIES} newer claims have pushed it out, so every call claims a fresh key,
 * dispatches and completes it, and also pays for evicting the oldest key: the steady state of a
 * long-running receiver whose store is full. A fresh key per call from a counter was rejected: the
 * key comes from the body, so each call would have to build and sign a new body, measuring the
 * signing too. Every answer is checked, and an iteration fails if any was not "processed". Both
 * methods walk the same requests in the same order, so both see the same cache behaviour.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class HandleBenchmark {
  /** Distinct deliveries cycled through; a power of two. */
  static final int DELIVERIES = 4096;

  /** The idempotency store's capacity, well below {@link #DELIVERIES}. */
  static final int STORE_SIZE = 1024;

  private static final String FIXTURE_ID = "4981804c-2658-4893-84ff-9c2fa90fb3c2";

  private final byte[][] bodies = new byte[DELIVERIES][];
  private final WebhookRequest[] requests = new WebhookRequest[DELIVERIES];
  private AgntixWebhookParser parser;
  private WebhookHandler handler;
  private int next;
  private long notProcessed;
  private AgntixEvent lastEvent;

  /** Makes the distinct bodies and builds the handler once per trial. */
  @Setup(Level.Trial)
  public void setUpTrial() {
    String fixture = new String(Payloads.agntixSessionEnded(), StandardCharsets.UTF_8);
    if (!fixture.contains(FIXTURE_ID)) {
      throw new IllegalStateException("The session.ended payload no longer has id " + FIXTURE_ID);
    }
    for (int i = 0; i < DELIVERIES; i++) {
      String id = String.format("%08x", i) + FIXTURE_ID.substring(8);
      bodies[i] = fixture.replace(FIXTURE_ID, id).getBytes(StandardCharsets.UTF_8);
    }
    parser = AgntixWebhookParser.create(Signed.SECRET);
    handler =
        WebhookHandler.builder(parser)
            .listener(event -> lastEvent = event)
            .idempotencyStore(IdempotencyStore.inMemory(STORE_SIZE, Duration.ofHours(24)))
            .build();
    signNow();
  }

  /**
   * Signs every delivery with the current time. Once per trial, as in {@link VerifyBenchmark}: a
   * trial must finish within the five-minute timestamp tolerance, or every delivery is rejected and
   * the iteration fails.
   */
  private void signNow() {
    for (int i = 0; i < DELIVERIES; i++) {
      requests[i] = Signed.now("msg_" + i, bodies[i]).request();
    }
  }

  /** Fails the iteration if de-duplication (or anything else) kept a delivery from processing. */
  @TearDown(Level.Iteration)
  public void checkEveryDeliveryWasProcessed() {
    if (notProcessed > 0) {
      long count = notProcessed;
      notProcessed = 0;
      throw new IllegalStateException(count + " deliveries were not processed");
    }
  }

  @Benchmark
  public WebhookResponse handle() {
    WebhookResponse response = handler.handle(requests[next++ & (DELIVERIES - 1)]);
    if (response.outcome() != Outcome.PROCESSED) {
      notProcessed++;
    }
    return response;
  }

  @Benchmark
  public AgntixEvent verifyAndParse() {
    return parser.parse(requests[next++ & (DELIVERIES - 1)]);
  }

  /** {@return the last event the listener saw; keeps the listener's work observable} */
  public AgntixEvent lastEvent() {
    return lastEvent;
  }
}
