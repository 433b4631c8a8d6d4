package io.voicehooks.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real PostgreSQL the tests run against: the one {@code VOICEHOOKS_JDBC_URL} names (.ci/run
 * starts one with scripts/start-postgres). Without it, or when it does not answer, the tests fail
 * in CI ({@code CI=true}) and are skipped elsewhere, saying why either way: see {@link
 * ExternalService}.
 *
 * <p>Public, and shipped in this module's test-jar, so that other modules' tests (examples'
 * durable-mode test) follow the same rule without a copy of it.
 */
public final class Postgres {
  static final String URL_VARIABLE = "VOICEHOOKS_JDBC_URL";

  private Postgres() {}

  /** Probed once per test JVM, on first use. */
  private static final class Holder {
    static final ExternalService SERVICE =
        ExternalService.fromEnvironment(
            "PostgreSQL", URL_VARIABLE, "run scripts/start-postgres", Postgres::probe);
  }

  static void probe(String url) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("connectTimeout", "5");
    properties.setProperty("loginTimeout", "5");
    try (Connection connection = DriverManager.getConnection(url, properties);
        Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1");
    }
  }

  /**
   * Returns the test database's URL; fails the calling test in CI and skips it elsewhere when there
   * is none, or it does not answer. Call it from a test or {@code @BeforeEach}.
   *
   * @return the JDBC URL of a database that answered
   */
  public static String url() {
    return Holder.SERVICE.require();
  }

  /**
   * Returns a pool on the test database, lending manual-commit connections when {@link
   * TestDataSource#MANUAL_COMMIT} is set. Without a database, fails (CI) or skips the calling test,
   * as {@link #url()} does.
   */
  static TestDataSource dataSource(int poolSize) {
    return dataSource(poolSize, TestDataSource.manualCommitRequested());
  }

  /**
   * Returns a pool on the test database lending connections of the given kind, whatever this run's
   * {@link TestDataSource#MANUAL_COMMIT}: for tests that need both kinds in every run.
   */
  static TestDataSource dataSource(int poolSize, boolean manualCommit) {
    String url = url();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(poolSize);
    config.setConnectionTimeout(10_000);
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
