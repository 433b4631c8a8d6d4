package io.voicehooks.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** Identifier checks and schema creation shared by the store and the inbox. */
final class Sql {
  private static final Pattern IDENTIFIER =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}");

  /** Serialises concurrent schema creation across replicas (CREATE ... IF NOT EXISTS races). */
  private static final long SCHEMA_LOCK = 0x766f696365686fL;

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

  /**
   * Commits when the connection came from the pool in manual-commit mode: single statements rely on
   * auto-commit otherwise, and an uncommitted row would be lost with its 200 already sent.
   */
  static void commitIfManual(Connection c) throws SQLException {
    if (!c.getAutoCommit()) {
      c.commit();
    }
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
