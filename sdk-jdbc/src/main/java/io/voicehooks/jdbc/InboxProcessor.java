package io.voicehooks.jdbc;

import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.internal.Failures;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at one row, in one transaction: takes a due row (locked, skipping rows that others
 * hold), re-parses and dispatches it, and records the outcome before the commit: done; failed and
 * due again after its {@link Backoff}; or, at the last attempt, parked as a dead letter. A worker
 * that dies mid-attempt leaves the transaction uncommitted, so the row is taken again.
 *
 * @param <E> the provider's event type
 */
final class InboxProcessor<E extends WebhookEvent> {
  /** Logged under the inbox's name, where users look for it. */
  private static final Logger LOG = LoggerFactory.getLogger(JdbcInbox.class);

  private static final int MAX_ERROR_LENGTH = 1_000;

  private final DataSource dataSource;
  private final InboxSql sql;

  /** Parses rows without verifying them again: they were verified when they were received. */
  private final WebhookParser<E> storedParser;

  private final Consumer<? super E> listener;
  private final int maxAttempts;
  private final Backoff backoff;

  /** True while the workers are being stopped: a failure then is the stop's doing. */
  private final BooleanSupplier stopping;

  InboxProcessor(
      DataSource dataSource,
      InboxSql sql,
      WebhookParser<E> storedParser,
      Consumer<? super E> listener,
      int maxAttempts,
      Backoff backoff,
      BooleanSupplier stopping) {
    this.dataSource = dataSource;
    this.sql = sql;
    this.storedParser = storedParser;
    this.listener = listener;
    this.maxAttempts = maxAttempts;
    this.backoff = backoff;
    this.stopping = stopping;
  }

  /** {@return how many rows were taken (processed, retried or parked) until none was due} */
  int drain() {
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
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        InboxSql.Due row = sql.takeDue(c);
        if (row == null) {
          c.rollback();
          return false;
        }
        int attempts = row.attempts() + 1;
        Throwable failure =
            dispatch(
                WebhookRequest.of(StoredHeaders.read(row.headers()), row.body(), row.receivedAt()));
        if (failure != null && stopping.getAsBoolean() && !Failures.isFatal(failure)) {
          // Stopped mid-event: leave the row untouched, as a crash would, for the next worker.
          c.rollback();
          return false;
        }
        if (failure == null) {
          sql.markDone(c, row.id(), attempts);
        } else if (attempts >= maxAttempts) {
          // The row id, not the stored type: an unmodelled type is text from the sender.
          LOG.warn("Inbox parked row {} as a dead letter after {} attempts", row.id(), attempts);
          sql.markDead(c, row.id(), attempts, describe(failure));
        } else {
          sql.retryLater(c, row.id(), attempts, describe(failure), backoff.millis(attempts));
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
    int length = Math.min(text.length(), MAX_ERROR_LENGTH);
    StringBuilder clean = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      char ch = text.charAt(i);
      clean.append(ch < 0x20 && ch != '\n' && ch != '\t' || ch == 0x7F ? '?' : ch);
    }
    return clean.toString();
  }
}
