package io.voicehooks.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real PostgreSQL the tests run against: the one {@code VOICEHOOKS_JDBC_URL} names (.ci/run
 * starts one with scripts/start-postgres). Without it the tests are skipped, and say why.
 */
final class Postgres {
  static final String URL_VARIABLE = "VOICEHOOKS_JDBC_URL";

  private Postgres() {}

  /**
   * Returns a pool on the test database, lending manual-commit connections when {@link
   * TestDataSource#MANUAL_COMMIT} is set (skips the test when no database is configured).
   */
  static TestDataSource dataSource(int poolSize) {
    String url = System.getenv(URL_VARIABLE);
    assumeTrue(
        url != null && !url.isBlank(),
        URL_VARIABLE + " is not set: run scripts/start-postgres and export the URL it prints");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(poolSize);
    config.setConnectionTimeout(10_000);
    boolean manualCommit = TestDataSource.manualCommitRequested();
    config.setAutoCommit(!manualCommit);
    return new TestDataSource(new HikariDataSource(config), manualCommit);
  }

  /** {@return a fresh table name, so test classes and runs never share rows} */
  static String uniqueTable(String prefix) {
    return prefix + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
  }

  static void drop(TestDataSource dataSource, String table) throws SQLException {
    try (Connection c = dataSource.adminConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + table);
    }
  }
}
