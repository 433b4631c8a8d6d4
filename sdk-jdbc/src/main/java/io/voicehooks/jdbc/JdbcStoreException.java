package io.voicehooks.jdbc;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when the database cannot be reached or a statement fails. A {@code WebhookHandler} answers
 * it with 503, so the provider retries later.
 */
public final class JdbcStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The SQL state of the failure, or null. */
  private final @Nullable String sqlState;

  JdbcStoreException(String operation, SQLException cause) {
    super(operation + " failed (SQLState " + cause.getSQLState() + ")", cause);
    this.sqlState = cause.getSQLState();
  }

  /** {@return the SQL state reported by the driver, or null} */
  public @Nullable String sqlState() {
    return sqlState;
  }
}
