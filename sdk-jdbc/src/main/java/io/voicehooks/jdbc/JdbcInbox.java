package io.voicehooks.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicehooks.core.Inbox;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.internal.Durations;
import io.voicehooks.core.internal.Failures;
import io.voicehooks.core.internal.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *       {@link #deadLetters(int)} lists and {@link #replay(long)} requeues.
 * </ul>
 *
 * <p>Stored deliveries are re-parsed with {@link WebhookParser#forStoredDeliveries()}, since they
 * were verified on receipt. The listener runs while its row is locked, so keep it shorter than the
 * database's idle-in-transaction timeout, if one is set. Instances are thread-safe.
 *
 * @param <E> the provider's event type
 */
public final class JdbcInbox<E extends WebhookEvent> implements Inbox<E>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcInbox.class);
  static final String DEFAULT_TABLE = "voicehooks_inbox";
  private static final ObjectMapper JSON = Json.mapper();
  private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {};
  private static final int MAX_ERROR_LENGTH = 1_000;
  private static final List<String> STORED_HEADERS =
      List.of(
          "content-type",
          "user-agent",
          "svix-id",
          "svix-timestamp",
          "webhook-id",
          "webhook-timestamp");

  private final DataSource dataSource;
  private final WebhookParser<E> parser;
  private final WebhookParser<E> storedParser;
  private final Consumer<? super E> listener;
  private final String table;
  private final int workerCount;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration pollInterval;
  private final Object wakeUp = new Object();
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running;
  private volatile boolean stopping;

  private JdbcInbox(Builder<E> builder) {
    this.dataSource = builder.dataSource;
    this.parser = builder.parser;
    this.storedParser = builder.parser.forStoredDeliveries();
    this.listener = builder.listener;
    this.table = builder.table;
    this.workerCount = builder.workers;
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.pollInterval = builder.pollInterval;
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
    String headers;
    try {
      headers = JSON.writeValueAsString(storedHeaders(request.headers()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Headers could not be written as JSON", e);
    }
    String sql =
        "INSERT INTO "
            + table
            + " (idempotency_key, event_type, headers, body, received_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING";
    // 200 follows: the row is committed even on a pool that lends manual-commit connections.
    boolean stored =
        Sql.inTransaction(
            dataSource,
            "Storing a delivery in the inbox",
            c -> {
              try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, Sql.storedKey(event.idempotencyKey()));
                s.setString(2, event.eventType());
                s.setString(3, headers);
                s.setBytes(4, request.body());
                s.setTimestamp(5, Timestamp.from(request.receivedAt()));
                return s.executeUpdate() == 1;
              }
            });
    if (stored) {
      wakeAWorker();
    }
    return stored;
  }

  /** Wakes one idle worker of this process for a row that is due now. */
  private void wakeAWorker() {
    synchronized (wakeUp) {
      wakeUp.notify();
    }
  }

  /**
   * Keeps the headers worth having on a stored delivery (content type, user agent, the Svix id and
   * timestamp) and drops the rest: credentials such as {@code Authorization} or a shared-secret
   * header must not sit in a table and its backups, and stored rows are not verified again.
   */
  static Map<String, List<String>> storedHeaders(WebhookHeaders headers) {
    Map<String, List<String>> kept = new java.util.TreeMap<>();
    for (String name : STORED_HEADERS) {
      List<String> values = headers.all(name);
      if (!values.isEmpty()) {
        kept.put(name, values);
      }
    }
    return kept;
  }

  /** Starts the worker threads; they poll for due rows until {@link #close()}. */
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    stopping = false;
    for (int i = 0; i < workerCount; i++) {
      Thread worker = new Thread(this::work, "voicehooks-inbox-" + table + "-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
  }

  private void work() {
    long failures = 0;
    while (running) {
      boolean worked;
      try {
        worked = processNext();
        failures = 0;
      } catch (RuntimeException | Error e) {
        // Whatever happens to one row, the worker lives on: a dead worker would leave the inbox
        // filling up behind answers of 200.
        worked = false;
        if (running && failures++ % 100 == 0) {
          LOG.error("Inbox worker failed to read or update {}", table, e);
        }
      }
      if (!worked && running) {
        synchronized (wakeUp) {
          try {
            TimeUnit.MILLISECONDS.timedWait(wakeUp, Sql.millis(pollInterval));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }

  /**
   * Processes due rows on the calling thread until none is left, for tests and for callers who run
   * the work on their own scheduler instead of {@link #start()}.
   *
   * @return how many rows were taken (processed, retried or parked)
   */
  public int drain() {
    int count = 0;
    while (processNext()) {
      count++;
    }
    return count;
  }

  /**
   * Takes one due row, dispatches it and records the outcome, all in one transaction.
   *
   * @return false when no row was due
   */
  boolean processNext() {
    String select =
        "SELECT id, headers, body, received_at, attempts FROM "
            + table
            + " WHERE status = 'PENDING' AND next_attempt_at <= now()"
            + " ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED";
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        long id;
        int attempts;
        WebhookRequest request;
        try (PreparedStatement s = c.prepareStatement(select);
            ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            c.rollback();
            return false;
          }
          id = rs.getLong(1);
          request =
              WebhookRequest.of(
                  WebhookHeaders.of(readHeaders(rs.getString(2))),
                  rs.getBytes(3),
                  rs.getTimestamp(4).toInstant());
          attempts = rs.getInt(5) + 1;
        }
        Throwable failure = dispatch(request);
        if (failure != null && isShuttingDown() && !Failures.isFatal(failure)) {
          // Stopped mid-event: leave the row untouched, as a crash would, for the next worker.
          c.rollback();
          return false;
        }
        if (failure == null) {
          update(c, "status = 'DONE', last_error = NULL", id, attempts, null, null);
        } else if (attempts >= maxAttempts) {
          // The row id, not the stored type: an unmodelled type is text from the sender.
          LOG.warn("Inbox parked row {} as a dead letter after {} attempts", id, attempts);
          update(c, "status = 'DEAD', last_error = ?", id, attempts, describe(failure), null);
        } else {
          // From the failure's time, not the transaction's start: a listener slower than the
          // backoff must still wait it out.
          update(
              c,
              "last_error = ?,"
                  + " next_attempt_at = clock_timestamp() + ? * interval '1 millisecond'",
              id,
              attempts,
              describe(failure),
              backoffMillis(attempts));
        }
        c.commit();
        if (failure != null) {
          // The attempt is counted and the row advances; the JVM's own failure goes on up.
          Failures.rethrowIfFatal(failure);
        }
        return true;
      } catch (SQLException | RuntimeException e) {
        Sql.rollbackQuietly(c);
        throw e;
      } finally {
        restoreAutoCommit(c, autoCommit);
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("Processing the inbox", e);
    }
  }

  /** Pools that do not reset connections must get this one back as they lent it. */
  private static void restoreAutoCommit(Connection c, boolean autoCommit) {
    try {
      c.setAutoCommit(autoCommit);
    } catch (SQLException ignored) {
      // The connection is broken; the pool discards it.
    }
  }

  /**
   * Runs the listener; whatever it throws is this attempt's failure, counted and recorded before
   * anything propagates, so no failure can keep a row due with its attempts unchanged.
   */
  private @Nullable Throwable dispatch(WebhookRequest request) {
    try {
      listener.accept(storedParser.parse(request));
      return null;
    } catch (RuntimeException | Error e) {
      return e;
    }
  }

  /** A failure while {@link #stop} interrupts the workers is the stop's doing, not the event's. */
  private boolean isShuttingDown() {
    return stopping;
  }

  /** Sets {@code attempts} and the given columns of one row; parameters follow their order. */
  private void update(
      Connection c,
      String assignments,
      long id,
      int attempts,
      @Nullable String error,
      @Nullable Long backoffMillis)
      throws SQLException {
    String sql =
        "UPDATE "
            + table
            + " SET attempts = ?, updated_at = clock_timestamp(), "
            + assignments
            + " WHERE id = ?";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int i = 1;
      s.setInt(i++, attempts);
      if (error != null) {
        s.setString(i++, error);
      }
      if (backoffMillis != null) {
        s.setLong(i++, backoffMillis);
      }
      s.setLong(i, id);
      s.executeUpdate();
    }
  }

  long backoffMillis(int attempts) {
    long max = Sql.millis(maxBackoff);
    long millis = Sql.millis(initialBackoff);
    for (int i = 1; i < attempts && millis < max; i++) {
      millis *= 2;
    }
    return Math.min(millis, max);
  }

  /**
   * The failure as stored in {@code last_error}: its class and message, cut to a length, with
   * control characters (a NUL quoted from a payload, which a text column cannot hold) replaced.
   */
  static String describe(Throwable failure) {
    String text = failure.getClass().getName();
    String message;
    try {
      message = failure.getMessage();
    } catch (RuntimeException e) {
      message = null; // a listener's exception whose message cannot be had: its class will do
    }
    if (message != null) {
      text += ": " + message;
    }
    if (text.length() > MAX_ERROR_LENGTH) {
      text = text.substring(0, MAX_ERROR_LENGTH);
    }
    StringBuilder clean = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      clean.append(ch < 0x20 && ch != '\n' && ch != '\t' || ch == 0x7F ? '?' : ch);
    }
    return clean.toString();
  }

  private static Map<String, List<String>> readHeaders(String json) {
    try {
      return JSON.readValue(json, HEADERS);
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }

  /**
   * Lists parked deliveries, oldest first.
   *
   * @param limit the most to return
   * @return the dead letters
   */
  public List<DeadLetter> deadLetters(int limit) {
    String sql =
        "SELECT id, idempotency_key, event_type, attempts, received_at, last_error FROM "
            + table
            + " WHERE status = 'DEAD' ORDER BY updated_at, id LIMIT ?";
    return Sql.inTransaction(
        dataSource,
        "Listing dead letters",
        c -> {
          List<DeadLetter> letters = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                letters.add(
                    new DeadLetter(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6)));
              }
            }
          }
          return letters;
        });
  }

  /**
   * Puts a dead letter back in the queue with a fresh attempt count.
   *
   * @param id the dead letter's {@link DeadLetter#id()}
   * @return true if it was a dead letter and is now pending
   */
  public boolean replay(long id) {
    String sql =
        "UPDATE "
            + table
            + " SET status = 'PENDING', attempts = 0, next_attempt_at = now(), updated_at = now()"
            + " WHERE id = ? AND status = 'DEAD'";
    boolean replayed =
        Sql.inTransaction(
            dataSource,
            "Replaying a dead letter",
            c -> {
              try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, id);
                return s.executeUpdate() == 1;
              }
            });
    if (replayed) {
      wakeAWorker();
    }
    return replayed;
  }

  /**
   * Counts rows by status.
   *
   * @param status {@code PENDING}, {@code DONE} or {@code DEAD}
   * @return the number of rows in that status
   */
  public long count(String status) {
    return Sql.inTransaction(
        dataSource,
        "Counting inbox rows",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("SELECT count(*) FROM " + table + " WHERE status = ?")) {
            s.setString(1, status);
            try (ResultSet rs = s.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /**
   * Deletes processed rows older than the given age. Their keys then no longer de-duplicate, so
   * keep them longer than the provider's retry window.
   *
   * @param olderThan the age past which done rows go
   * @return how many rows were deleted
   */
  public int purgeDone(Duration olderThan) {
    String sql =
        "DELETE FROM "
            + table
            + " WHERE status = 'DONE' AND updated_at < now() - ? * interval '1 millisecond'";
    return Sql.inTransaction(
        dataSource,
        "Purging done inbox rows",
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, Sql.millis(olderThan));
            return s.executeUpdate();
          }
        });
  }

  /**
   * Stops the workers, letting each finish the event in hand for up to {@code timeout}; a worker
   * still busy then is interrupted, and its row, left uncommitted, is taken again later.
   *
   * @param timeout how long to let workers finish
   */
  public synchronized void stop(Duration timeout) {
    running = false;
    stopping = true;
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
    long deadline = System.nanoTime() + Durations.saturatedNanos(timeout);
    for (Thread worker : workers) {
      try {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left > 0) {
          worker.join(left);
        }
        if (worker.isAlive()) {
          worker.interrupt();
          worker.join(1_000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    workers.clear();
    stopping = false;
  }

  /** Stops the workers, waiting up to 30 seconds for events in hand. */
  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }

  @Override
  public String toString() {
    return "JdbcInbox{table=" + table + ", workers=" + workerCount + "}";
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
