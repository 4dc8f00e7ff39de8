package zorgpadbench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The benchmark's PostgreSQL: one embedded server (zonky) with a data directory that survives
 * between runs ({@code target/benchmarks/db/pg}), durable like production: {@code fsync=on},
 * {@code synchronous_commit=on}, {@code full_page_writes=on} (zonky's defaults switch them off),
 * verified with {@code SHOW}. Generated databases are kept as templates; each run works on copies
 * ({@code CREATE DATABASE … TEMPLATE …}).
 */
final class Pg implements AutoCloseable {

  static final String USER = "postgres";
  static final String PASSWORD = "not-checked";

  final EmbeddedPostgres server;
  final String fsync;
  final String synchronousCommit;
  final String version;

  private Pg(EmbeddedPostgres server) throws SQLException {
    this.server = server;
    try (Connection connection = server.getPostgresDatabase().getConnection()) {
      fsync = DbStats.text(connection, "show fsync");
      synchronousCommit = DbStats.text(connection, "show synchronous_commit");
      version = DbStats.text(connection, "show server_version");
    }
    if (!"on".equals(fsync) || !"on".equals(synchronousCommit)) {
      throw new IllegalStateException(
          "embedded PostgreSQL is not durable: fsync="
              + fsync
              + ", synchronous_commit="
              + synchronousCommit);
    }
  }

  static Pg start(Path dataDirectory) throws IOException, SQLException {
    Files.createDirectories(dataDirectory.getParent());
    EmbeddedPostgres server =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setPGStartupWait(Duration.ofSeconds(120))
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("max_connections", "100")
            .setServerConfig("shared_buffers", "256MB")
            .start();
    return new Pg(server);
  }

  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
  }

  boolean exists(String database) throws SQLException {
    try (Connection connection = server.getPostgresDatabase().getConnection()) {
      return DbStats.single(
              connection, "select count(*) from pg_database where datname = '" + database + "'")
          > 0;
    }
  }

  void drop(String database) throws SQLException {
    execute("drop database if exists " + database + " with (force)");
  }

  void create(String database, String template) throws SQLException {
    drop(database);
    execute("create database " + database + (template == null ? "" : " template " + template));
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
