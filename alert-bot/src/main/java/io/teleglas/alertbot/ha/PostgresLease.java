package io.teleglas.alertbot.ha;

import static java.util.Objects.requireNonNull;

import io.teleglas.alertbot.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * A {@link Lease} as one row of PostgreSQL's {@code leader_lease} table (migration V2). Expiry is
 * judged on the server's clock ({@code clock_timestamp()}), so the instances' clocks may disagree
 * without two of them believing they hold it. Taking and renewing are one atomic upsert: the row
 * changes hands only when its holder is the caller or its time has passed. Thread-safe.
 */
public final class PostgresLease implements Lease {

  private static final String ACQUIRE =
      "INSERT INTO leader_lease (name, holder, term, acquired_at, expires_at)"
          + " VALUES (?, ?, 1, clock_timestamp(), clock_timestamp() + make_interval(secs => ?))"
          + " ON CONFLICT (name) DO UPDATE SET"
          + " holder = excluded.holder,"
          + " term = CASE WHEN leader_lease.holder = excluded.holder THEN leader_lease.term"
          + " ELSE leader_lease.term + 1 END,"
          + " acquired_at = CASE WHEN leader_lease.holder = excluded.holder"
          + " THEN leader_lease.acquired_at ELSE excluded.acquired_at END,"
          + " expires_at = excluded.expires_at"
          + " WHERE leader_lease.holder = excluded.holder"
          + " OR leader_lease.expires_at <= clock_timestamp()"
          + " RETURNING term";

  private final Database db;
  private final String name;
  private final String holder;
  private final double ttlSeconds;

  /**
   * @param name the role, one row per role
   * @param holder this instance's stable identity: an instance restarted with the same identity
   *     takes its own unexpired lease back at once
   * @param ttl how long a renewal holds
   */
  public PostgresLease(Database db, String name, String holder, Duration ttl) {
    this.db = requireNonNull(db, "db is null");
    this.name = requireNonNull(name, "name is null");
    this.holder = requireNonNull(holder, "holder is null");
    if (db.vendor() != Database.Vendor.POSTGRESQL) {
      throw new IllegalArgumentException("a leader lease needs PostgreSQL, not " + db.vendor());
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, got " + ttl);
    }
    this.ttlSeconds = ttl.toMillis() / 1000.0;
  }

  @Override
  public boolean tryAcquire() {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(ACQUIRE)) {
            s.setString(1, name);
            s.setString(2, holder);
            s.setDouble(3, ttlSeconds);
            try (ResultSet r = s.executeQuery()) {
              return r.next();
            }
          }
        });
  }

  @Override
  public void release() {
    db.inTransaction(
        c ->
            update(
                c,
                "UPDATE leader_lease SET expires_at = clock_timestamp()"
                    + " WHERE name = ? AND holder = ? AND expires_at > clock_timestamp()"));
  }

  @Override
  public Optional<String> holder() {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT holder FROM leader_lease WHERE name = ?"
                      + " AND expires_at > clock_timestamp()")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
          }
        });
  }

  private Integer update(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, name);
      s.setString(2, holder);
      return s.executeUpdate();
    }
  }

  @Override
  public String toString() {
    return "lease " + name + " for " + holder;
  }
}
