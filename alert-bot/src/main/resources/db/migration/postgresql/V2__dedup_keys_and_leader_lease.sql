-- High availability (docs/operations.md, "High availability"). Keep the outbox part in step with
-- ../sqlite/V2__dedup_keys_and_leader_lease.sql; the lease exists only here, because only a shared
-- PostgreSQL server lets instances on different machines elect one leader.

-- A message's identity across instances: the same alert decided by two instances' engines gets the
-- same key, so a standby that takes over stores what the dead leader had not, and nothing twice.
-- NULL for messages without one (edits, digests, admin notices); NULLs never collide.
ALTER TABLE outbox ADD COLUMN dedup_key TEXT;
CREATE UNIQUE INDEX outbox_dedup_key ON outbox (dedup_key);

-- One row per elected role. The holder keeps it by renewing expires_at before it passes; anyone
-- may take it once it has passed. Times are the server's (clock_timestamp()), so the instances'
-- clocks do not matter. term counts hand-overs, for the logs.
CREATE TABLE leader_lease (
    name        TEXT        PRIMARY KEY,
    holder      TEXT        NOT NULL,
    term        BIGINT      NOT NULL,
    acquired_at TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);
