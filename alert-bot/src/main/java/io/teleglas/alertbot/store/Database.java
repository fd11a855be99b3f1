package io.teleglas.alertbot.store;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.teleglas.core.config.CommonConfig;
import io.teleglas.core.config.DatabaseUrl;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The alert bot's durable store: a SQLite file in {@code DATA_DIR}, or PostgreSQL when {@code
 * DATABASE_URL} is set. Opening it connects, brings the schema up to date with Flyway (unless
 * {@link CurrentSchema} finds it already is, the usual restart) and starts a small connection pool;
 * every failure on the way is a {@link DatabaseStartupException} with a one-line message. See
 * docs/storage.md.
 *
 * <p>Thread-safe. SQLite gets a pool of one connection, so writers queue in the pool instead of
 * meeting {@code SQLITE_BUSY}; PostgreSQL gets a few.
 */
public final class Database implements AutoCloseable {

  /** The file name of the SQLite database inside {@code DATA_DIR}. */
  public static final String SQLITE_FILE = "alert-bot.db";

  private static final int SQLITE_BUSY_TIMEOUT_MS = 5_000;
  private static final int POSTGRES_POOL_SIZE = 4;
  private static final int POSTGRES_CONNECT_TIMEOUT_S = 10;

  /** Which database engine is behind the store; the SQL differs in a few places. */
  public enum Vendor {
    SQLITE("SQLite", ""),
    POSTGRESQL("PostgreSQL", " FOR UPDATE");

    private final String label;
    private final String forUpdate;

    Vendor(String label, String forUpdate) {
      this.label = label;
      this.forUpdate = forUpdate;
    }

    /**
     * Appended to a SELECT that reads rows the transaction then changes. PostgreSQL needs the row
     * lock; a SQLite write transaction ({@code BEGIN IMMEDIATE}) already excludes other writers.
     */
    String forUpdate() {
      return forUpdate;
    }

    String migrations() {
      return "classpath:db/migration/" + name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** Work done on one connection inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final Vendor vendor;
  private final String description;
  private final HikariDataSource pool;

  private Database(Vendor vendor, String description, HikariDataSource pool) {
    this.vendor = vendor;
    this.description = description;
    this.pool = pool;
  }

  /** PostgreSQL when {@code DATABASE_URL} is set, else SQLite at {@code DATA_DIR/alert-bot.db}. */
  public static Database open(CommonConfig config) {
    return config
        .databaseUrl()
        .map(Database::postgres)
        .orElseGet(() -> sqlite(config.dataDir().resolve(SQLITE_FILE)));
  }

  /** A SQLite file, created with its directory if missing. */
  public static Database sqlite(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path dir = absolute.getParent();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      String why =
          e instanceof FileSystemException fs && fs.getReason() != null
              ? fs.getReason()
              : e.getClass().getSimpleName();
      throw new DatabaseStartupException(
          "cannot create the data directory "
              + dir
              + " ("
              + why
              + "): set DATA_DIR to a writable directory");
    }
    if (!Files.isWritable(dir)) {
      throw new DatabaseStartupException(
          "the data directory " + dir + " is not writable (set DATA_DIR to a writable directory)");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + absolute);
    return start(Vendor.SQLITE, "SQLite at " + absolute, source, 1);
  }

  /** PostgreSQL at a {@code jdbc:postgresql://} URL. */
  public static Database postgres(String jdbcUrl) {
    DatabaseUrl url;
    try {
      url = DatabaseUrl.parse(jdbcUrl);
    } catch (IllegalArgumentException e) {
      throw new DatabaseStartupException("DATABASE_URL: " + e.getMessage());
    }
    return postgres(url);
  }

  /** PostgreSQL at the configured URL; only its masked form is ever logged or shown. */
  public static Database postgres(DatabaseUrl url) {
    String description = "PostgreSQL at " + url.masked();
    PGSimpleDataSource source = new PGSimpleDataSource();
    try {
      source.setURL(url.url().reveal());
    } catch (IllegalArgumentException e) {
      throw new DatabaseStartupException("DATABASE_URL is not a valid PostgreSQL JDBC URL");
    }
    source.setConnectTimeout(POSTGRES_CONNECT_TIMEOUT_S);
    source.setLoginTimeout(POSTGRES_CONNECT_TIMEOUT_S);
    source.setApplicationName("teleglas-alert-bot");
    return start(Vendor.POSTGRESQL, description, source, POSTGRES_POOL_SIZE);
  }

  private static Database start(
      Vendor vendor, String description, DataSource source, int poolSize) {
    try (Connection probe = source.getConnection()) {
      probe.isValid(POSTGRES_CONNECT_TIMEOUT_S);
    } catch (SQLException e) {
      throw new DatabaseStartupException(
          "cannot open " + description + ": " + firstLine(e.getMessage()));
    }
    if (!CurrentSchema.isCurrent(vendor, source)) {
      SchemaMigrator.migrate(vendor, description, source);
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("store");
    config.setDataSource(source);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(Math.min(1, poolSize));
    config.setAutoCommit(true);
    try {
      return new Database(vendor, description, new HikariDataSource(config));
    } catch (RuntimeException e) {
      throw new DatabaseStartupException(
          "cannot open " + description + ": " + firstLine(String.valueOf(e.getMessage())));
    }
  }

  static String firstLine(String message) {
    if (message == null) {
      return "no detail given";
    }
    String trimmed = message.strip();
    int end = trimmed.indexOf('\n');
    return (end < 0 ? trimmed : trimmed.substring(0, end)).strip();
  }

  public Vendor vendor() {
    return vendor;
  }

  /** What the store is, for the startup log: engine and location, never a password. */
  public String describe() {
    return description;
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. An
   * {@link SQLException} comes out as a {@link StoreException}; unchecked exceptions pass through
   * unchanged after the rollback.
   */
  public <T> T inTransaction(Work<T> work) {
    requireNonNull(work, "work is null");
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException(description + ": " + firstLine(e.getMessage()), e);
    }
  }

  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException rollback) {
      cause.addSuppressed(rollback);
    }
  }

  /** Closes the pool; SQLite checkpoints its write-ahead log as the last connection closes. */
  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String toString() {
    return description;
  }
}
