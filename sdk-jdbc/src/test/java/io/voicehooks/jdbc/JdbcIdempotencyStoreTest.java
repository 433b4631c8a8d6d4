package io.voicehooks.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.voicehooks.core.IdempotencyStore.Claim;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class JdbcIdempotencyStoreTest {
  private static HikariDataSource dataSource;
  private static String table;
  private static JdbcIdempotencyStore store;

  @BeforeAll
  static void createTable() {
    dataSource = Postgres.dataSource(24);
    table = Postgres.uniqueTable("it_idem");
    store = JdbcIdempotencyStore.builder(dataSource).table(table).build();
    store.createSchema();
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
    assertThat(store.claim("a", Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
    assertThat(store.claim("a", Duration.ofMinutes(1))).isEqualTo(Claim.IN_PROGRESS);
    store.release("a");
    assertThat(store.claim("a", Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
    store.complete("a");
    store.release("a");
    assertThat(store.claim("a", Duration.ofMinutes(1))).isEqualTo(Claim.COMPLETED);
  }

  @Test
  void claim_abandonedClaim_isClaimableAfterItsLease() throws Exception {
    assertThat(store.claim("crashed", Duration.ofMillis(50))).isEqualTo(Claim.CLAIMED);
    assertThat(store.claim("crashed", Duration.ofMinutes(1))).isEqualTo(Claim.IN_PROGRESS);
    Thread.sleep(120);
    assertThat(store.claim("crashed", Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
  }

  @Test
  void complete_retentionEnds_keyIsClaimableAndPurged() throws Exception {
    JdbcIdempotencyStore shortLived =
        JdbcIdempotencyStore.builder(dataSource)
            .table(table)
            .retention(Duration.ofMillis(50))
            .build();
    shortLived.claim("short", Duration.ofMinutes(1));
    shortLived.complete("short");
    assertThat(shortLived.claim("short", Duration.ofMinutes(1))).isEqualTo(Claim.COMPLETED);
    Thread.sleep(120);
    assertThat(shortLived.purgeExpired()).isGreaterThanOrEqualTo(1);
    assertThat(shortLived.claim("short", Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
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
      assertThat(fresh.claim("x", Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
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
