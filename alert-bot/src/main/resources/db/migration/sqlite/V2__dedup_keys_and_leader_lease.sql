-- Keep in step with ../postgresql/V2__dedup_keys_and_leader_lease.sql. The leader lease exists only
-- there: on SQLite one instance owns DATA_DIR and is always the leader.

-- A message's identity across instances (see the PostgreSQL file); NULLs never collide.
ALTER TABLE outbox ADD COLUMN dedup_key TEXT;
CREATE UNIQUE INDEX outbox_dedup_key ON outbox (dedup_key);
