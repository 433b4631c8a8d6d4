package io.voicehooks.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.jdbc.JdbcInbox.Status;
import io.voicehooks.jdbc.TestEvents.TestEvent;
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
 * attempt count, which headers are stored and how they read back, how a failure is stored, the
 * count purgeDone reports, a replay waking an idle worker at once rather than at its next poll,
 * {@code close} stopping the workers, and the inbox on a pool of the other kind than this run's.
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
        dataSource.assertConnectionsGivenBackAsLent();
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
  void backoff_doublesPerFailureUpToTheCap() {
    Backoff backoff = Backoff.of(Duration.ofMillis(100), Duration.ofMillis(800));
    assertThat(backoff.millis(1)).isEqualTo(100);
    assertThat(backoff.millis(2)).isEqualTo(200);
    assertThat(backoff.millis(3)).isEqualTo(400);
    assertThat(backoff.millis(4)).isEqualTo(800);
    assertThat(backoff.millis(5)).isEqualTo(800);
    Backoff uneven = Backoff.of(Duration.ofMillis(300), Duration.ofMillis(1_000));
    assertThat(uneven.millis(3)).isEqualTo(1_000);
  }

  @Test
  void describe_cutsTheFailureToItsLength_andReplacesControlCharacters() {
    assertThat(InboxProcessor.describe(new IllegalStateException("x".repeat(2_000))))
        .hasSize(1_000)
        .startsWith("java.lang.IllegalStateException: xxx");
    assertThat(InboxProcessor.describe(new IllegalStateException("a\u0000b\nc\td\u007Fe\u001Ff")))
        .isEqualTo("java.lang.IllegalStateException: a?b\nc\td?e?f");
    assertThat(InboxProcessor.describe(new IllegalStateException()))
        .isEqualTo("java.lang.IllegalStateException");
    RuntimeException unreadable =
        new RuntimeException() {
          private static final long serialVersionUID = 1L;

          @Override
          public String getMessage() {
            throw new IllegalStateException("no message today");
          }
        };
    assertThat(InboxProcessor.describe(unreadable)).isEqualTo(unreadable.getClass().getName());
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
    Map<String, List<String>> stored = StoredHeaders.kept(headers);
    assertThat(stored).isEqualTo(Map.of("content-type", List.of("application/json")));
    assertThat(StoredHeaders.kept(WebhookHeaders.of())).isEmpty();
  }

  @Test
  void storedHeaders_readBackAsWritten_andUnreadableJsonAsNone() {
    WebhookHeaders headers =
        WebhookHeaders.of(
            "Content-Type", "application/json", "Svix-Id", "msg_1", "Authorization", "Bearer x");
    WebhookHeaders read = StoredHeaders.read(StoredHeaders.write(headers));
    assertThat(read.all("content-type")).containsExactly("application/json");
    assertThat(read.all("svix-id")).containsExactly("msg_1");
    assertThat(read.all("authorization")).isEmpty();
    assertThat(StoredHeaders.read("not json").all("content-type")).isEmpty();
  }

  @Test
  void toString_namesTheTableAndWorkers() {
    JdbcInbox<TestEvent> inbox = builder(event -> {}).workers(3).build();
    assertThat(inbox.toString()).isEqualTo("JdbcInbox[table=" + table + ", workers=3]");
    assertThat(JdbcIdempotencyStore.builder(dataSource).table(table).build().toString())
        .isEqualTo("JdbcIdempotencyStore[table=" + table + "]");
  }

  @Test
  void purgeDone_reportsHowManyRowsWent() {
    inbox = builder(event -> {}).build();
    inbox.createSchema();
    inbox.handler().handle(TestEvents.ping("a"));
    inbox.handler().handle(TestEvents.ping("b"));
    assertThat(inbox.drain()).isEqualTo(2);
    assertThat(inbox.purgeDone(Duration.ZERO)).isEqualTo(2);
    assertThat(inbox.count(Status.DONE)).isZero();
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
    assertThat(inbox.count(Status.DEAD)).isEqualTo(1);
    inbox.start();
    Thread.sleep(100); // the idle worker is waiting its hour-long poll interval
    assertThat(inbox.replay(inbox.deadLetters(1).get(0).id())).isTrue();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (inbox.count(Status.DONE) != 1) {
      assertThat(System.nanoTime()).as("replayed row processed").isLessThan(deadline);
      Thread.sleep(10);
    }
    assertThat(calls).hasValue(2);
    assertThat(inbox.replay(Long.MAX_VALUE)).as("no such dead letter").isFalse();
  }

  @Test
  void drain_onAPoolOfTheOtherKind_commitsEachOutcomeAndGivesConnectionsBackAsLent() {
    // This run's pool is of one kind (see TestDataSource); this test takes the other, so that every
    // run, the mutation run's included, sees the inbox on both.
    try (TestDataSource other = Postgres.dataSource(4, !TestDataSource.manualCommitRequested())) {
      JdbcInbox<TestEvent> onOther =
          JdbcInbox.<TestEvent>builder(
                  other,
                  TestEvents.parser(),
                  event -> {
                    if (event.idempotencyKey().equals("ping:fails")) {
                      throw new IllegalStateException("down");
                    }
                  })
              .table(table)
              .maxAttempts(2)
              .backoff(Duration.ZERO, Duration.ZERO)
              .build();
      onOther.createSchema();
      onOther.handler().handle(TestEvents.ping("ok"));
      onOther.handler().handle(TestEvents.ping("fails"));
      int taken = 0;
      for (int i = 0; i < 10 && onOther.count(Status.DEAD) < 1; i++) {
        taken += onOther.drain();
      }
      assertThat(taken).as("done, retried, parked").isEqualTo(3);
      assertThat(onOther.drain()).isZero();
      assertThat(onOther.count(Status.DONE)).isEqualTo(1);
      assertThat(onOther.count(Status.PENDING)).isZero();
      assertThat(onOther.replay(onOther.deadLetters(1).get(0).id())).isTrue();
      assertThat(onOther.count(Status.PENDING)).isEqualTo(1);
      assertThat(onOther.purgeDone(Duration.ZERO)).isEqualTo(1);
      other.assertConnectionsGivenBackAsLent();
    }
  }

  @Test
  void close_stopsTheWorkers() {
    inbox = builder(event -> {}).workers(2).build();
    inbox.createSchema();
    inbox.start();
    assertThat(workerThreads()).hasSize(2);
    inbox.close();
    assertThat(workerThreads()).isEmpty();
  }

  private List<Thread> workerThreads() {
    String prefix = "voicehooks-inbox-" + table + "-";
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith(prefix))
        .toList();
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
    assertThat(inbox.count(Status.PENDING))
        .as("counted, and due again after its backoff")
        .isEqualTo(1);
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
