package io.voicehooks.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * The data source the tests give the library: a HikariCP pool on the real PostgreSQL, lending
 * auto-commit connections, or manual-commit ones when the system property {@value #MANUAL_COMMIT}
 * is true (the module's second surefire run). Many production pools lend manual-commit connections,
 * and not all of them roll back on return or reset what a borrower changed: every connection the
 * library gives back is checked, and a transaction it left open, or an auto-commit mode other than
 * the one it was lent in, is recorded for {@link #assertConnectionsGivenBackAsLent()}. Test code's
 * own SQL goes through {@link #adminConnection()}.
 */
final class TestDataSource implements DataSource, AutoCloseable {
  static final String MANUAL_COMMIT = "voicehooks.test.manualCommit";

  private final HikariDataSource pool;
  private final boolean manualCommit;
  private final List<String> changed = new CopyOnWriteArrayList<>();

  TestDataSource(HikariDataSource pool, boolean manualCommit) {
    this.pool = pool;
    this.manualCommit = manualCommit;
  }

  static boolean manualCommitRequested() {
    return Boolean.getBoolean(MANUAL_COMMIT);
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = pool.getConnection();
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close") && !connection.isClosed()) {
                checkGivenBack(connection);
              }
              try {
                return method.invoke(connection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** Records what the library left changed on a connection it gives back, unless it is broken. */
  private void checkGivenBack(Connection connection) throws SQLException {
    BaseConnection base = connection.unwrap(BaseConnection.class);
    if (base.isClosed()) {
      return; // a lost session: the pool discards it
    }
    TransactionState state = base.getTransactionState();
    if (state != TransactionState.IDLE) {
      changed.add(state + " at return, from " + caller());
    }
    if (connection.getAutoCommit() == manualCommit) {
      changed.add(
          "autoCommit "
              + manualCommit
              + " at return, lent "
              + !manualCommit
              + ", from "
              + caller());
    }
  }

  /** The library method that borrowed the connection, for the failure message. */
  private static String caller() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(
                        f ->
                            f.getClassName().startsWith("io.voicehooks.jdbc.Jdbc")
                                || f.getClassName().startsWith("io.voicehooks.jdbc.Inbox"))
                    .findFirst()
                    .map(f -> f.getClassName() + "." + f.getMethodName())
                    .orElse("?"));
  }

  /**
   * Returns an auto-commit connection for the test's own statements, never checked.
   *
   * @return the connection
   * @throws SQLException if none can be had
   */
  Connection adminConnection() throws SQLException {
    Connection connection = pool.getConnection();
    connection.setAutoCommit(true); // HikariCP restores its default on return
    return connection;
  }

  /**
   * Fails if the library gave back a connection in an open or failed transaction, or in another
   * auto-commit mode than it was lent in.
   */
  void assertConnectionsGivenBackAsLent() {
    assertThat(changed).as("connections the library gave back changed").isEmpty();
  }

  @Override
  public void close() {
    pool.close();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the tests' pool has one user");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return pool.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return pool.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return pool.isWrapperFor(type);
  }
}
