package io.teleglas.alertbot.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded PostgreSQL server listening on 127.0.0.1 only, started once per test class; each test
 * gets a database of its own from {@link #newDatabase()}.
 */
public final class TestPostgres implements AutoCloseable {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final EmbeddedPostgres server;

  private TestPostgres(EmbeddedPostgres server) {
    this.server = server;
  }

  public static TestPostgres start() throws IOException {
    return new TestPostgres(
        EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start());
  }

  /** Creates an empty database and returns its JDBC URL. */
  public String newDatabase() throws SQLException {
    String name = "store_" + DATABASES.incrementAndGet();
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return url(name);
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database + "?user=postgres";
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
