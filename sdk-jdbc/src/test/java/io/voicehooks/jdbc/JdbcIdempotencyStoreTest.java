package io.voicehooks.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.IdempotencyStore.Claim;
import io.voicehooks.core.IdempotencyStore.Claim.Status;
import io.voicehooks.core.TestEvents;
import io.voicehooks.core.WebhookException;
import io.voicehooks.core.WebhookHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

final class JdbcIdempotencyStoreTest {
  private static TestDataSource dataSource;
  private static String table;
  private static JdbcIdempotencyStore store;

  /**
   * Once per class, but from {@code @BeforeEach}: without a database each test then fails (CI) or
   * is skipped and counted, where a skip in {@code @BeforeAll} would drop the class from the
   * counts.
   */
  @BeforeEach
  void createTableOnce() {
    if (store != null) {
      return;
    }
    dataSource = Postgres.dataSource(24);
    table = Postgres.uniqueTable("it_idem");
    store = JdbcIdempotencyStore.builder(dataSource).table(table).build();
    store.createSchema();
  }

  @AfterEach
  void everyTransactionEnded() {
    if (dataSource != null) {
      dataSource.assertNoTransactionLeftOpen();
    }
  }

  @AfterAll
  static void dropTable() throws Exception {
    if (dataSource != null) {
      Postgres.drop(dataSource, table);
      dataSource.close();
    }
  }

  @Test
  void claim_completeRelease_followTheSpi() {
    Claim first = store.claim("a", Duration.ofMinutes(1));
    assertThat(first.status()).isEqualTo(Status.CLAIMED);
    assertThat(store.claim("a", Duration.ofMinutes(1)).status()).isEqualTo(Status.IN_PROGRESS);
    store.release(first);
    Claim again = store.claim("a", Duration.ofMinutes(1));
    assertThat(again.status()).isEqualTo(Status.CLAIMED);
    store.complete(again);
    store.release(again);
    assertThat(store.claim("a", Duration.ofMinutes(1)).status()).isEqualTo(Status.COMPLETED);
  }

  @Test
  void claim_abandonedClaim_isClaimableAfterItsLease() throws Exception {
    // A lease long enough that the second claim lands inside it on a loaded machine (50 ms did
    // not always).
    assertThat(store.claim("crashed", Duration.ofSeconds(1)).status()).isEqualTo(Status.CLAIMED);
    assertThat(store.claim("crashed", Duration.ofMinutes(1)).status())
        .isEqualTo(Status.IN_PROGRESS);
    Thread.sleep(1_200);
    assertThat(store.claim("crashed", Duration.ofMinutes(1)).status()).isEqualTo(Status.CLAIMED);
  }

  @Test
  void completeAndRelease_afterTheLeaseRanOutAndARetryClaimed_changeNothing() throws Exception {
    Claim first = store.claim("slow", Duration.ofMillis(50));
    Thread.sleep(120);
    Claim retry = store.claim("slow", Duration.ofMinutes(1));
    assertThat(retry.status()).as("the lease ran out").isEqualTo(Status.CLAIMED);

    store.release(first);
    assertThat(store.claim("slow", Duration.ofMinutes(1)).status())
        .as("the first delivery's release left the retry's claim")
        .isEqualTo(Status.IN_PROGRESS);
    store.complete(first);
    assertThat(store.claim("slow", Duration.ofMinutes(1)).status())
        .as("the first delivery's completion did not complete the retry's claim")
        .isEqualTo(Status.IN_PROGRESS);

    store.release(retry);
    assertThat(store.claim("slow", Duration.ofMinutes(1)).status())
        .as("the owner's release frees the key")
        .isEqualTo(Status.CLAIMED);
  }

  @Test
  void complete_afterTheRowWasPurged_remembersTheCompletion() throws Exception {
    Claim slow = store.claim("purged", Duration.ofMillis(50));
    Thread.sleep(120);
    store.purgeExpired();
    store.complete(slow);
    assertThat(store.claim("purged", Duration.ofMinutes(1)).status()).isEqualTo(Status.COMPLETED);
  }

  @Test
  void claim_keysNoIndexCouldHold_areStoredAsTheirDigest() {
    String longKey = "call:" + "x".repeat(100_000);
    Claim claim = store.claim(longKey, Duration.ofMinutes(1));
    assertThat(claim.status()).isEqualTo(Status.CLAIMED);
    assertThat(store.claim(longKey, Duration.ofMinutes(1)).status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(store.claim(longKey + "y", Duration.ofMinutes(1)).status())
        .as("another long key is another key")
        .isEqualTo(Status.CLAIMED);
    store.complete(claim);
    assertThat(store.claim(longKey, Duration.ofMinutes(1)).status()).isEqualTo(Status.COMPLETED);
  }

  @Test
  void claim_aKeyTheDatabaseRefuses_isTheDeliverysFaultNotTheStores() {
    assertThatThrownBy(() -> store.claim("nul\u0000inside", Duration.ofMinutes(1)))
        .isExactlyInstanceOf(WebhookException.class)
        .hasMessageContaining("22021")
        .hasMessageNotContaining("inside");
  }

  @Test
  void endlessLeaseAndRetention_saturateInsteadOfFailingEveryDelivery() {
    Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
    JdbcIdempotencyStore keepForever =
        JdbcIdempotencyStore.builder(dataSource).table(table).retention(forever).build();
    Claim claim = keepForever.claim("forever", forever);
    assertThat(claim.status()).isEqualTo(Status.CLAIMED);
    keepForever.complete(claim);
    assertThat(keepForever.claim("forever", Duration.ofMinutes(1)).status())
        .isEqualTo(Status.COMPLETED);
  }

  @Test
  void complete_retentionEnds_keyIsClaimableAndPurged() throws Exception {
    JdbcIdempotencyStore shortLived =
        JdbcIdempotencyStore.builder(dataSource)
            .table(table)
            .retention(Duration.ofMillis(50))
            .build();
    shortLived.complete(shortLived.claim("short", Duration.ofMinutes(1)));
    assertThat(shortLived.claim("short", Duration.ofMinutes(1)).status())
        .isEqualTo(Status.COMPLETED);
    Thread.sleep(120);
    assertThat(shortLived.purgeExpired()).isGreaterThanOrEqualTo(1);
    assertThat(shortLived.claim("short", Duration.ofMinutes(1)).status()).isEqualTo(Status.CLAIMED);
  }

  @Test
  void createSchema_repeatedAndConcurrent_isIdempotent() throws Exception {
    String other = Postgres.uniqueTable("it_idem_schema");
    JdbcIdempotencyStore fresh = JdbcIdempotencyStore.builder(dataSource).table(other).build();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(pool.submit(fresh::createSchema));
      }
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
      fresh.createSchema();
      assertThat(fresh.claim("x", Duration.ofMinutes(1)).status()).isEqualTo(Status.CLAIMED);
    } finally {
      pool.shutdownNow();
      Postgres.drop(dataSource, other);
    }
  }

  @Test
  void builder_rejectsInjectableTableNames() {
    assertThatThrownBy(() -> JdbcIdempotencyStore.builder(dataSource).table("x; DROP TABLE y"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @Tag("load") // 10,000 deliveries: left out of the mutation run (see README.md)
  void twoReplicas_sameDeliveriesConcurrently_processEachOnce() throws Exception {
    int deliveries = 10_000;
    Map<String, AtomicInteger> dispatched = new ConcurrentHashMap<>();
    WebhookHandler[] replicas = new WebhookHandler[2];
    for (int r = 0; r < replicas.length; r++) {
      // Each replica has its own store instance: they share only the table, as two processes do.
      JdbcIdempotencyStore own = JdbcIdempotencyStore.builder(dataSource).table(table).build();
      replicas[r] =
          WebhookHandler.builder(TestEvents.parser())
              .idempotencyStore(own)
              .listener(
                  e ->
                      dispatched
                          .computeIfAbsent(e.idempotencyKey(), k -> new AtomicInteger())
                          .incrementAndGet())
              .build();
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < deliveries; i++) {
      ids.add("replica-" + i);
    }
    Collections.shuffle(ids, new java.util.Random(7));
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    long start = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      AtomicInteger next = new AtomicInteger();
      for (int t = 0; t < 16; t++) {
        futures.add(
            pool.submit(
                () -> {
                  int i;
                  while ((i = next.getAndIncrement()) < deliveries * 2) {
                    // Each delivery reaches both replicas at about the same moment.
                    WebhookHandler replica = replicas[i % 2];
                    String id = ids.get(i / 2);
                    int status;
                    do {
                      status = replica.handle(TestEvents.ping(id)).status();
                      statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    } while (status == 409);
                    assertThat(status).isEqualTo(200);
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get(300, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(dispatched).hasSize(deliveries);
    assertThat(dispatched.values()).allSatisfy(count -> assertThat(count).hasValue(1));
    System.out.printf(
        "Two replicas, shared JdbcIdempotencyStore: %,d deliveries (each twice) in %,d ms,"
            + " %,d distinct processed once each; statuses %s%n",
        deliveries * 2, millis, dispatched.size(), statuses);
  }
}
