package io.voicehooks.jdbc;

import io.voicehooks.core.IdempotencyStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * An {@link IdempotencyStore} on one PostgreSQL table, shared by every replica of a receiver, so
 * that a retry landing on another replica is still processed once.
 *
 * <p>A claim is one statement: {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE expires_at <=
 * now()}, which inserts a new key or takes over one whose lease or retention has run out, and does
 * nothing to a live key. Completion sets the row to {@code COMPLETED} for the retention time;
 * release deletes an in-progress row. Each claim writes a fresh owner token, and complete and
 * release act only on a row that still carries theirs, so a delivery that outlived its lease cannot
 * complete or free the claim of the retry that took the key over. Times come from the database's
 * clock, so replicas need not agree on theirs. Keys longer than 256 characters are stored as their
 * SHA-256 digest, which an index can hold. The table's DDL is in {@code
 * io/voicehooks/jdbc/schema.sql}; {@link #createSchema()} runs it.
 *
 * <p>Expired rows are harmless (they are claimable) but take space: call {@link #purgeExpired()}
 * now and then, say hourly. Instances are thread-safe; every method borrows a connection from the
 * data source per call (a claim runs one or two statements, rarely a few more), so give it a pooled
 * data source.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {
  static final String DEFAULT_TABLE = "voicehooks_idempotency";

  private final DataSource dataSource;
  private final String table;
  private final long retentionMillis;
  private final String claimSql;
  private final String stateSql;
  private final String completeSql;
  private final String releaseSql;
  private final String purgeSql;

  private JdbcIdempotencyStore(DataSource dataSource, String table, Duration retention) {
    this.dataSource = dataSource;
    this.table = table;
    this.retentionMillis = Sql.millis(retention);
    this.claimSql =
        "INSERT INTO "
            + table
            + " (idempotency_key, state, expires_at, claim_token)"
            + " VALUES (?, 'IN_PROGRESS', now() + ? * interval '1 millisecond', ?)"
            + " ON CONFLICT (idempotency_key) DO UPDATE"
            + " SET state = 'IN_PROGRESS', expires_at = EXCLUDED.expires_at,"
            + " claim_token = EXCLUDED.claim_token"
            + " WHERE "
            + table
            + ".expires_at <= now()";
    this.stateSql =
        "SELECT state FROM " + table + " WHERE idempotency_key = ? AND expires_at > now()";
    // A purged row is completed anew; a live row only while it is still this claim's.
    this.completeSql =
        "INSERT INTO "
            + table
            + " (idempotency_key, state, expires_at, claim_token)"
            + " VALUES (?, 'COMPLETED', now() + ? * interval '1 millisecond', ?)"
            + " ON CONFLICT (idempotency_key) DO UPDATE"
            + " SET state = 'COMPLETED', expires_at = EXCLUDED.expires_at"
            + " WHERE "
            + table
            + ".state = 'IN_PROGRESS' AND "
            + table
            + ".claim_token = EXCLUDED.claim_token";
    this.releaseSql =
        "DELETE FROM "
            + table
            + " WHERE idempotency_key = ? AND state = 'IN_PROGRESS' AND claim_token = ?";
    this.purgeSql = "DELETE FROM " + table + " WHERE expires_at <= now()";
  }

  /**
   * Returns a store on the default table, {@code voicehooks_idempotency}, remembering completed
   * keys for 24 hours (Agntix retries for up to 24 hours).
   *
   * @param dataSource a pooled data source for PostgreSQL
   * @return the store
   */
  public static JdbcIdempotencyStore create(DataSource dataSource) {
    return builder(dataSource).build();
  }

  /**
   * Returns a builder.
   *
   * @param dataSource a pooled data source for PostgreSQL
   * @return the builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource == null"));
  }

  /** Creates the table and its index if they do not exist; safe to call from every replica. */
  public void createSchema() {
    Sql.createSchema(dataSource, DEFAULT_TABLE, table);
  }

  @Override
  public Claim claim(String key, Duration lease) {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(lease, "lease == null");
    String stored = Sql.storedKey(key);
    String token = UUID.randomUUID().toString();
    // The transaction ends on every path: on a manual-commit connection even a duplicate's no-op
    // upsert holds the row's lock until then, and would block the owner's complete.
    return Sql.inTransaction(
        dataSource,
        "Claiming an idempotency key",
        c -> claim(c, key, stored, token, Sql.millis(lease)));
  }

  private Claim claim(Connection c, String key, String stored, String token, long leaseMillis)
      throws SQLException {
    // A key released or expired between the two statements is simply claimed on the next try.
    for (int attempt = 0; attempt < 3; attempt++) {
      try (PreparedStatement insert = c.prepareStatement(claimSql)) {
        insert.setString(1, stored);
        insert.setLong(2, Math.max(1, leaseMillis));
        insert.setString(3, token);
        if (insert.executeUpdate() == 1) {
          return Claim.claimed(key, token);
        }
      }
      try (PreparedStatement select = c.prepareStatement(stateSql)) {
        select.setString(1, stored);
        try (ResultSet rs = select.executeQuery()) {
          if (rs.next()) {
            return "COMPLETED".equals(rs.getString(1))
                ? Claim.completed(key)
                : Claim.inProgress(key);
          }
        }
      }
    }
    return Claim.inProgress(key);
  }

  @Override
  public void complete(Claim claim) {
    Objects.requireNonNull(claim, "claim == null");
    update("Completing an idempotency key", completeSql, claim, retentionMillis);
  }

  @Override
  public void release(Claim claim) {
    Objects.requireNonNull(claim, "claim == null");
    update("Releasing an idempotency key", releaseSql, claim, null);
  }

  /**
   * Deletes the rows whose lease or retention has run out.
   *
   * @return how many rows were deleted
   */
  public int purgeExpired() {
    return Sql.inTransaction(
        dataSource,
        "Purging expired idempotency keys",
        c -> {
          try (PreparedStatement s = c.prepareStatement(purgeSql)) {
            return s.executeUpdate();
          }
        });
  }

  /** Runs complete or release: the key, then the retention if given, then the owner token. */
  private void update(String operation, String sql, Claim claim, @Nullable Long millis) {
    String token = claim.requireToken();
    Sql.inTransaction(
        dataSource,
        operation,
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, Sql.storedKey(claim.key()));
            if (millis != null) {
              s.setLong(i++, millis);
            }
            s.setString(i, token);
            return s.executeUpdate();
          }
        });
  }

  @Override
  public String toString() {
    return "JdbcIdempotencyStore[table=" + table + "]";
  }

  /** Builds a {@link JdbcIdempotencyStore}. */
  public static final class Builder {
    private final DataSource dataSource;
    private String table = DEFAULT_TABLE;
    private Duration retention = Duration.ofHours(24);

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * Sets the table name.
     *
     * @param table an unquoted identifier, optionally schema-qualified; default {@code
     *     voicehooks_idempotency}
     * @return this builder
     */
    public Builder table(String table) {
      this.table = Sql.checkTable(table);
      return this;
    }

    /**
     * Sets how long completed keys are remembered: at least the provider's retry window.
     *
     * @param retention positive; default 24 hours
     * @return this builder
     */
    public Builder retention(Duration retention) {
      Objects.requireNonNull(retention, "retention == null");
      if (retention.isNegative() || retention.isZero()) {
        throw new IllegalArgumentException("retention must be positive");
      }
      this.retention = retention;
      return this;
    }

    /** {@return the store} */
    public JdbcIdempotencyStore build() {
      return new JdbcIdempotencyStore(dataSource, table, retention);
    }
  }
}
