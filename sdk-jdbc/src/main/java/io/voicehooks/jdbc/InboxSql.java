package io.voicehooks.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The inbox table's statements, built once from its (already checked) name, each run on a
 * connection the caller lends and whose transaction the caller ends. Values go in and come out as
 * the columns hold them; what they mean is the writer's, the processor's and the inbox's business.
 */
final class InboxSql {
  private final String insertSql;
  private final String takeDueSql;
  private final String doneSql;
  private final String deadSql;
  private final String retrySql;
  private final String deadLettersSql;
  private final String replaySql;
  private final String countSql;
  private final String purgeDoneSql;

  InboxSql(String table) {
    this.insertSql =
        "INSERT INTO "
            + table
            + " (idempotency_key, event_type, headers, body, received_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING";
    this.takeDueSql =
        "SELECT id, headers, body, received_at, attempts FROM "
            + table
            + " WHERE status = 'PENDING' AND next_attempt_at <= now()"
            + " ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED";
    String update = "UPDATE " + table + " SET attempts = ?, updated_at = clock_timestamp(), ";
    this.doneSql = update + "status = 'DONE', last_error = NULL WHERE id = ?";
    this.deadSql = update + "status = 'DEAD', last_error = ? WHERE id = ?";
    // From the failure's time, not the transaction's start: a listener slower than the backoff
    // must still wait it out.
    this.retrySql =
        update
            + "last_error = ?, next_attempt_at = clock_timestamp() + ? * interval '1 millisecond'"
            + " WHERE id = ?";
    this.deadLettersSql =
        "SELECT id, idempotency_key, event_type, attempts, received_at, last_error FROM "
            + table
            + " WHERE status = 'DEAD' ORDER BY updated_at, id LIMIT ?";
    this.replaySql =
        "UPDATE "
            + table
            + " SET status = 'PENDING', attempts = 0, next_attempt_at = now(), updated_at = now()"
            + " WHERE id = ? AND status = 'DEAD'";
    this.countSql = "SELECT count(*) FROM " + table + " WHERE status = ?";
    this.purgeDoneSql =
        "DELETE FROM "
            + table
            + " WHERE status = 'DONE' AND updated_at < now() - ? * interval '1 millisecond'";
  }

  /** A pending row that is due, as taken (and locked) by {@link #takeDue}. */
  record Due(long id, String headers, byte[] body, Instant receivedAt, int attempts) {}

  /**
   * Stores one delivery unless its key is stored: the insert is also the de-duplication claim.
   *
   * @return true if the row was written now
   */
  boolean insert(
      Connection c,
      String idempotencyKey,
      String eventType,
      String headers,
      byte[] body,
      Instant receivedAt)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(insertSql)) {
      s.setString(1, Sql.storedKey(idempotencyKey));
      s.setString(2, eventType);
      s.setString(3, headers);
      s.setBytes(4, body);
      s.setTimestamp(5, Timestamp.from(receivedAt));
      return s.executeUpdate() == 1;
    }
  }

  /** Takes the next due row, locked until the transaction ends, skipping rows others hold. */
  @Nullable Due takeDue(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(takeDueSql);
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      return new Due(
          rs.getLong(1),
          rs.getString(2),
          rs.getBytes(3),
          rs.getTimestamp(4).toInstant(),
          rs.getInt(5));
    }
  }

  /** Marks a row done after its attempt number {@code attempts} succeeded. */
  void markDone(Connection c, long id, int attempts) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(doneSql)) {
      s.setInt(1, attempts);
      s.setLong(2, id);
      s.executeUpdate();
    }
  }

  /** Parks a row as a dead letter after its last attempt failed with {@code error}. */
  void markDead(Connection c, long id, int attempts, String error) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(deadSql)) {
      s.setInt(1, attempts);
      s.setString(2, error);
      s.setLong(3, id);
      s.executeUpdate();
    }
  }

  /** Records a failed attempt and makes the row due again {@code backoffMillis} from now. */
  void retryLater(Connection c, long id, int attempts, String error, long backoffMillis)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(retrySql)) {
      s.setInt(1, attempts);
      s.setString(2, error);
      s.setLong(3, backoffMillis);
      s.setLong(4, id);
      s.executeUpdate();
    }
  }

  /** Lists up to {@code limit} dead letters, oldest first. */
  List<DeadLetter> deadLetters(Connection c, int limit) throws SQLException {
    List<DeadLetter> letters = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(deadLettersSql)) {
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
  }

  /**
   * Makes a dead letter pending again, with a fresh attempt count.
   *
   * @return true if the row was a dead letter
   */
  boolean replay(Connection c, long id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(replaySql)) {
      s.setLong(1, id);
      return s.executeUpdate() == 1;
    }
  }

  /** Counts the rows in one status. */
  long count(Connection c, JdbcInbox.Status status) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(countSql)) {
      s.setString(1, status.name());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Deletes the done rows last updated more than {@code olderThanMillis} ago. */
  int purgeDone(Connection c, long olderThanMillis) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(purgeDoneSql)) {
      s.setLong(1, olderThanMillis);
      return s.executeUpdate();
    }
  }
}
