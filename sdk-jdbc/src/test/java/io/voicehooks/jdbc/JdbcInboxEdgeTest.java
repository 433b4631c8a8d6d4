package io.voicehooks.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.TestEvents;
import io.voicehooks.core.TestEvents.TestEvent;
import io.voicehooks.core.WebhookHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inbox's edges a mutation test found unpinned: backoff doubling up to its cap, the smallest
 * attempt count, which headers are stored, the count purgeDone reports, and a replay waking an idle
 * worker at once rather than at its next poll.
 */
final class JdbcInboxEdgeTest {
  private TestDataSource dataSource;
  private String table;
  private JdbcInbox<TestEvent> inbox;

  @BeforeEach
  void createTable() {
    dataSource = Postgres.dataSource(8);
    table = Postgres.uniqueTable("it_inbox_edge");
  }

  @AfterEach
  void dropTable() throws Exception {
    if (inbox != null) {
      inbox.stop(Duration.ofSeconds(5));
    }
    if (dataSource != null) {
      try {
        dataSource.assertNoTransactionLeftOpen();
      } finally {
        Postgres.drop(dataSource, table);
        dataSource.close();
      }
    }
  }

  private JdbcInbox.Builder<TestEvent> builder(java.util.function.Consumer<TestEvent> listener) {
    return JdbcInbox.builder(dataSource, TestEvents.parser(), listener).table(table);
  }

  @Test
  void backoffMillis_doublesPerFailureUpToTheCap() {
    JdbcInbox<TestEvent> inbox =
        builder(event -> {}).backoff(Duration.ofMillis(100), Duration.ofMillis(800)).build();
    assertThat(inbox.backoffMillis(1)).isEqualTo(100);
    assertThat(inbox.backoffMillis(2)).isEqualTo(200);
    assertThat(inbox.backoffMillis(3)).isEqualTo(400);
    assertThat(inbox.backoffMillis(4)).isEqualTo(800);
    assertThat(inbox.backoffMillis(5)).isEqualTo(800);
    JdbcInbox<TestEvent> uneven =
        builder(event -> {}).backoff(Duration.ofMillis(300), Duration.ofMillis(1_000)).build();
    assertThat(uneven.backoffMillis(3)).isEqualTo(1_000);
  }

  @Test
  void maxAttempts_oneIsTheSmallest() {
    assertThatCode(() -> builder(event -> {}).maxAttempts(1)).doesNotThrowAnyException();
    assertThatThrownBy(() -> builder(event -> {}).maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts must be at least 1");
  }

  @Test
  void storedHeaders_keepsOnlyTheListedHeadersThatArePresent() {
    WebhookHeaders headers =
        WebhookHeaders.of(
            "Authorization", "Bearer secret", "Content-Type", "application/json", "X-Other", "1");
    Map<String, List<String>> stored = JdbcInbox.storedHeaders(headers);
    assertThat(stored).isEqualTo(Map.of("content-type", List.of("application/json")));
    assertThat(JdbcInbox.storedHeaders(WebhookHeaders.of())).isEmpty();
  }

  @Test
  void toString_namesTheTableAndWorkers() {
    JdbcInbox<TestEvent> inbox = builder(event -> {}).workers(3).build();
    assertThat(inbox.toString()).isEqualTo("JdbcInbox{table=" + table + ", workers=3}");
    assertThat(JdbcIdempotencyStore.builder(dataSource).table(table).build().toString())
        .isEqualTo("JdbcIdempotencyStore{table=" + table + "}");
  }

  @Test
  void purgeDone_reportsHowManyRowsWent() {
    inbox = builder(event -> {}).build();
    inbox.createSchema();
    inbox.handler().handle(TestEvents.ping("a"));
    inbox.handler().handle(TestEvents.ping("b"));
    assertThat(inbox.drain()).isEqualTo(2);
    assertThat(inbox.purgeDone(Duration.ZERO)).isEqualTo(2);
    assertThat(inbox.count("DONE")).isZero();
  }

  @Test
  void replay_wakesAnIdleWorkerAtOnce() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    inbox =
        builder(
                event -> {
                  if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("first attempt fails");
                  }
                })
            .maxAttempts(1)
            .pollInterval(Duration.ofHours(1))
            .build();
    inbox.createSchema();
    inbox.handler().handle(TestEvents.ping("a"));
    assertThat(inbox.drain()).isEqualTo(1);
    assertThat(inbox.count("DEAD")).isEqualTo(1);
    inbox.start();
    Thread.sleep(100); // the idle worker is waiting its hour-long poll interval
    assertThat(inbox.replay(inbox.deadLetters(1).get(0).id())).isTrue();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (inbox.count("DONE") != 1) {
      assertThat(System.nanoTime()).as("replayed row processed").isLessThan(deadline);
      Thread.sleep(10);
    }
    assertThat(calls).hasValue(2);
    assertThat(inbox.replay(Long.MAX_VALUE)).as("no such dead letter").isFalse();
  }

  @Test
  void drain_listenerThrowingTheJvmsOwnError_propagatesItOnceTheAttemptIsCounted() {
    inbox =
        builder(
                event -> {
                  throw new InternalError("simulated JVM failure");
                })
            .maxAttempts(3)
            .build();
    inbox.createSchema();
    inbox.handler().handle(TestEvents.ping("fatal"));
    assertThatThrownBy(() -> inbox.drain()).isInstanceOf(InternalError.class);
    assertThat(inbox.count("PENDING")).as("counted, and due again after its backoff").isEqualTo(1);
    assertThat(inbox.drain()).as("not due yet: the attempt was recorded").isZero();
  }

  @Test
  void drain_listenerThrowingAnOrdinaryError_recordsItWithoutPropagating() {
    inbox =
        builder(
                event -> {
                  throw new AssertionError("listener bug");
                })
            .maxAttempts(1)
            .build();
    inbox.createSchema();
    inbox.handler().handle(TestEvents.ping("bug"));
    assertThat(inbox.drain()).isEqualTo(1);
    assertThat(inbox.deadLetters(1))
        .singleElement()
        .satisfies(d -> assertThat(d.lastError()).startsWith("java.lang.AssertionError"));
  }
}
