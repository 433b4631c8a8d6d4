package io.voicehooks.jdbc;

import io.voicehooks.core.Inbox;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.core.WebhookRequest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A durable inbox on PostgreSQL: the {@link WebhookHandler}'s durable mode. Each verified delivery
 * is written, raw bytes and idempotency key, in one {@code INSERT ... ON CONFLICT DO NOTHING} that
 * is also the de-duplication claim, <em>before</em> 200 is answered. Worker threads take due rows
 * with {@code SELECT ... FOR UPDATE SKIP LOCKED}, parse and dispatch them to the listener, and mark
 * them done in the same transaction.
 *
 * <pre>{@code
 * JdbcInbox<AgniEvent> inbox = JdbcInbox.builder(dataSource, AgniWebhookParser.create(), crm::record)
 *     .workers(4)
 *     .build();
 * inbox.createSchema();
 * inbox.start();
 * WebhookHandler handler = inbox.handler();   // answer every delivery with handler.handle(...)
 * }</pre>
 *
 * <p>What it guarantees:
 *
 * <ul>
 *   <li>Nothing acknowledged is lost: a row is written before 200, and a worker that dies (crash,
 *       kill, lost connection) leaves its row's transaction uncommitted, so the row is taken again
 *       by the next worker on any replica.
 *   <li>Each distinct event is stored once, however many replicas receive its retries; the listener
 *       runs once per stored event, except when a worker dies after the listener returned but
 *       before its commit: then the event is dispatched again (at-least-once under crashes, so make
 *       listeners idempotent where a repeat matters).
 *   <li>A failing listener is retried with exponential backoff ({@link Builder#backoff}) up to
 *       {@link Builder#maxAttempts} attempts, then the row is parked as a {@link DeadLetter} that
 *       {@link #deadLetters(int)} lists and {@link #replay(long)} requeues; {@link #count(Status)}
 *       tells how many rows are pending, done or dead.
 * </ul>
 *
 * <p>Stored deliveries are re-parsed with {@link WebhookParser#forStoredDeliveries()}, since they
 * were verified on receipt. The listener runs while its row is locked, so keep it shorter than the
 * database's idle-in-transaction timeout, if one is set. Instances are thread-safe.
 *
 * @param <E> the provider's event type
 */
public final class JdbcInbox<E extends WebhookEvent> implements Inbox<E>, AutoCloseable {
  static final String DEFAULT_TABLE = "voicehooks_inbox";

  private final DataSource dataSource;
  private final WebhookParser<E> parser;
  private final String table;
  private final InboxSql sql;
  private final InboxWriter writer;
  private final InboxWorkers workers;
  private final InboxProcessor<E> processor;

  private JdbcInbox(Builder<E> builder) {
    this.dataSource = builder.dataSource;
    this.parser = builder.parser;
    this.table = builder.table;
    this.sql = new InboxSql(table);
    this.workers = new InboxWorkers(table, builder.workers, builder.pollInterval);
    this.writer = new InboxWriter(dataSource, sql, workers::wakeOne);
    this.processor =
        new InboxProcessor<>(
            dataSource,
            sql,
            parser.forStoredDeliveries(),
            builder.listener,
            builder.maxAttempts,
            Backoff.of(builder.initialBackoff, builder.maxBackoff),
            workers::isStopping);
  }

  /**
   * Returns a builder.
   *
   * @param dataSource a pooled data source for PostgreSQL
   * @param parser the provider's parser, which verifies deliveries on receipt
   * @param listener receives each stored event, on a worker thread
   * @param <E> the provider's event type
   * @return the builder
   */
  public static <E extends WebhookEvent> Builder<E> builder(
      DataSource dataSource, WebhookParser<E> parser, Consumer<? super E> listener) {
    return new Builder<>(
        Objects.requireNonNull(dataSource, "dataSource == null"),
        Objects.requireNonNull(parser, "parser == null"),
        Objects.requireNonNull(listener, "listener == null"));
  }

  /** Creates the inbox table and its indexes if they do not exist; safe from every replica. */
  public void createSchema() {
    Sql.createSchema(dataSource, DEFAULT_TABLE, table);
  }

  /**
   * Returns a handler that stores every verified delivery in this inbox before answering 200.
   *
   * @return the handler
   */
  public WebhookHandler handler() {
    return handlerBuilder().build();
  }

  /**
   * Returns a handler builder already set to this inbox, for further options such as {@code
   * verifier} or {@code drainTimeout}.
   *
   * @return the builder
   */
  public WebhookHandler.Builder<E> handlerBuilder() {
    return WebhookHandler.builder(parser).inbox(this);
  }

  @Override
  public boolean offer(E event, WebhookRequest request) {
    Objects.requireNonNull(event, "event == null");
    Objects.requireNonNull(request, "request == null");
    return writer.offer(event, request);
  }

  /** Starts the worker threads; they poll for due rows until {@link #close()}. */
  public void start() {
    workers.start(processor::processNext);
  }

  /**
   * Processes due rows on the calling thread until none is left, for tests and for callers who run
   * the work on their own scheduler instead of {@link #start()}.
   *
   * @return how many rows were taken (processed, retried or parked)
   */
  public int drain() {
    return processor.drain();
  }

  /**
   * Lists parked deliveries, oldest first.
   *
   * @param limit the most to return
   * @return the dead letters
   */
  public List<DeadLetter> deadLetters(int limit) {
    return Sql.inTransaction(dataSource, "Listing dead letters", c -> sql.deadLetters(c, limit));
  }

  /**
   * Puts a dead letter back in the queue with a fresh attempt count.
   *
   * @param id the dead letter's {@link DeadLetter#id()}
   * @return true if it was a dead letter and is now pending
   */
  public boolean replay(long id) {
    boolean replayed =
        Sql.inTransaction(dataSource, "Replaying a dead letter", c -> sql.replay(c, id));
    if (replayed) {
      workers.wakeOne();
    }
    return replayed;
  }

  /**
   * Counts the stored deliveries in one status.
   *
   * @param status the status
   * @return how many rows are in it
   */
  public long count(Status status) {
    Objects.requireNonNull(status, "status == null");
    return Sql.inTransaction(dataSource, "Counting inbox rows", c -> sql.count(c, status));
  }

  /**
   * Deletes processed rows older than the given age. Their keys then no longer de-duplicate, so
   * keep them longer than the provider's retry window.
   *
   * @param olderThan the age past which done rows go
   * @return how many rows were deleted
   */
  public int purgeDone(Duration olderThan) {
    long millis = Sql.millis(olderThan);
    return Sql.inTransaction(dataSource, "Purging done inbox rows", c -> sql.purgeDone(c, millis));
  }

  /**
   * Stops the workers, letting each finish the event in hand for up to {@code timeout}; a worker
   * still busy then is interrupted, and its row, left uncommitted, is taken again later.
   *
   * @param timeout how long to let workers finish
   */
  public void stop(Duration timeout) {
    workers.stop(timeout);
  }

  /** Stops the workers, waiting up to 30 seconds for events in hand. */
  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }

  @Override
  public String toString() {
    return "JdbcInbox[table=" + table + ", workers=" + workers.count() + "]";
  }

  /** The status of a stored delivery, as {@link #count(Status)} counts them. */
  public enum Status {
    /** Waiting for its first attempt, or for its next one after a failure. */
    PENDING,
    /**
     * Processed: the listener returned. Kept to de-duplicate retries until {@link
     * JdbcInbox#purgeDone}.
     */
    DONE,
    /**
     * Failed on every attempt and parked: a {@link DeadLetter}, until {@link JdbcInbox#replay
     * replayed}.
     */
    DEAD
  }

  /**
   * Builds a {@link JdbcInbox}.
   *
   * @param <E> the provider's event type
   */
  public static final class Builder<E extends WebhookEvent> {
    private final DataSource dataSource;
    private final WebhookParser<E> parser;
    private final Consumer<? super E> listener;
    private String table = DEFAULT_TABLE;
    private int workers = 2;
    private int maxAttempts = 10;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofMinutes(5);
    private Duration pollInterval = Duration.ofSeconds(1);

    private Builder(DataSource dataSource, WebhookParser<E> parser, Consumer<? super E> listener) {
      this.dataSource = dataSource;
      this.parser = parser;
      this.listener = listener;
    }

    /**
     * Sets the table name.
     *
     * @param table an unquoted identifier, optionally schema-qualified; default {@code
     *     voicehooks_inbox}
     * @return this builder
     */
    public Builder<E> table(String table) {
      this.table = Sql.checkTable(table);
      return this;
    }

    /**
     * Sets how many worker threads {@link #start()} runs in this process.
     *
     * @param workers at least 1; default 2
     * @return this builder
     */
    public Builder<E> workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1");
      }
      this.workers = workers;
      return this;
    }

    /**
     * Sets how many times a failing event is tried before it is parked as a dead letter.
     *
     * @param maxAttempts at least 1; default 10
     * @return this builder
     */
    public Builder<E> maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the wait after a failure: {@code initial}, doubled per further failure, at most {@code
     * max}.
     *
     * @param initial the first wait, zero or more; default 1 second
     * @param max the longest wait; default 5 minutes
     * @return this builder
     */
    public Builder<E> backoff(Duration initial, Duration max) {
      Objects.requireNonNull(initial, "initial == null");
      Objects.requireNonNull(max, "max == null");
      if (initial.isNegative() || max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("backoff needs 0 <= initial <= max");
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /**
     * Sets how often an idle worker looks for due rows (new rows from this process wake it at
     * once).
     *
     * @param pollInterval positive; default 1 second
     * @return this builder
     */
    public Builder<E> pollInterval(Duration pollInterval) {
      Objects.requireNonNull(pollInterval, "pollInterval == null");
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException("pollInterval must be positive");
      }
      this.pollInterval = pollInterval;
      return this;
    }

    /** {@return the inbox; call {@link JdbcInbox#start()} to run its workers} */
    public JdbcInbox<E> build() {
      return new JdbcInbox<>(this);
    }
  }
}
