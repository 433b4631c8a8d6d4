package io.voicehooks.jdbc;

import io.voicehooks.core.WebhookException;
import io.voicehooks.core.internal.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** Identifier checks and schema creation shared by the store and the inbox. */
final class Sql {
  private static final Pattern IDENTIFIER =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}");

  /** Serialises concurrent schema creation across replicas (CREATE ... IF NOT EXISTS races). */
  private static final long SCHEMA_LOCK = 0x766f696365686fL;

  /**
   * The SQL states of failures caused by what one delivery carries rather than by the database: a
   * character the server encoding cannot hold (22021, 22P05) or a value over a size limit (54000).
   * Retrying cannot help them.
   */
  private static final Set<String> CONTENT_STATES = Set.of("22021", "22P05", "54000");

  /** Keys up to this many characters are stored as they are; an index holds 2,704 bytes. */
  static final int MAX_STORED_KEY_LENGTH = 256;

  private static final Duration MAX_DURATION = Duration.ofDays(36_500);

  private Sql() {}

  static String checkTable(String name) {
    Objects.requireNonNull(name, "table == null");
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "table must be an unquoted SQL identifier, optionally schema-qualified");
    }
    return name;
  }

  /**
   * Runs the statements of {@code schema.sql} that concern {@code defaultTable}, renamed to {@code
   * table} (index names follow the table's unqualified name), in one transaction under an advisory
   * lock, so replicas starting together do not race.
   */
  static void createSchema(DataSource dataSource, String defaultTable, String table) {
    String unqualified = table.substring(table.indexOf('.') + 1);
    Pattern indexName = Pattern.compile("\\b" + defaultTable + "_(\\w+)");
    Pattern tableName = Pattern.compile("\\b" + defaultTable + "\\b");
    List<String> statements = new ArrayList<>();
    for (String statement : schemaStatements()) {
      if (tableName.matcher(statement).find()) {
        String renamed = indexName.matcher(statement).replaceAll(unqualified + "_$1");
        statements.add(tableName.matcher(renamed).replaceAll(table));
      }
    }
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
        for (String statement : statements) {
          s.execute(statement);
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("Creating table " + table, e);
    }
  }

  /** Statements run on one borrowed connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs statements on a connection from the pool and ends their transaction on every path: commits
   * after them and rolls back when one fails, when the pool lent a manual-commit connection (an
   * auto-commit one ends each statement by itself). A write left uncommitted would be lost with its
   * 200 already sent, and a transaction left open would hold its row locks, and its frozen {@code
   * now()}, into the connection's next borrower.
   *
   * @param operation what is done, for the failure's message
   * @throws JdbcStoreException if the database fails; {@link WebhookException} if it refuses a
   *     value of the delivery ({@link #failure})
   */
  static <T> T inTransaction(DataSource dataSource, String operation, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean manual = !c.getAutoCommit();
      try {
        T result = work.run(c);
        if (manual) {
          c.commit();
        }
        return result;
      } catch (SQLException | RuntimeException e) {
        if (manual) {
          rollbackQuietly(c);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  /** Rolls back; a broken connection's transaction ends with it, and the pool discards it. */
  static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // The connection is broken.
    }
  }

  /**
   * Translates a failure: the database being unavailable or failing is a {@link
   * JdbcStoreException}, which a handler answers with 503 so the sender retries; a value this one
   * delivery carries and the database refuses is a {@link WebhookException}, which it answers with
   * 400, since every retry would fail the same way.
   */
  static RuntimeException failure(String operation, SQLException e) {
    String state = e.getSQLState();
    if (state != null && CONTENT_STATES.contains(state)) {
      return new WebhookException(
          operation
              + " failed: the database cannot store a value of this delivery (SQLState "
              + state
              + ")");
    }
    return new JdbcStoreException(operation, e);
  }

  /**
   * Returns the key as stored: itself when short, else {@code sha256:} and its digest, so any key a
   * delivery can carry fits the unique index.
   */
  static String storedKey(String key) {
    return key.length() <= MAX_STORED_KEY_LENGTH ? key : "sha256:" + Digests.sha256Hex(key);
  }

  /**
   * Returns a duration in milliseconds, at most about 100 years: PostgreSQL's intervals and
   * timestamps end long before {@code Long.MAX_VALUE} milliseconds.
   */
  static long millis(Duration duration) {
    return duration.compareTo(MAX_DURATION) > 0 ? MAX_DURATION.toMillis() : duration.toMillis();
  }

  /** The DDL statements of {@code schema.sql}, comments removed. */
  static List<String> schemaStatements() {
    String text;
    try (InputStream in = Sql.class.getResourceAsStream("schema.sql")) {
      text =
          new String(
              Objects.requireNonNull(in, "schema.sql").readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder code = new StringBuilder();
    for (String line : text.split("\n")) {
      if (!line.strip().startsWith("--")) {
        code.append(line).append('\n');
      }
    }
    List<String> statements = new ArrayList<>();
    for (String statement : code.toString().split(";")) {
      if (!statement.isBlank()) {
        statements.add(statement.strip());
      }
    }
    return statements;
  }
}
