-- The alert bot's durable state on SQLite. Times are epoch milliseconds (UTC).
-- Keep in step with ../postgresql/V1__outbox_and_subscriptions.sql: same tables, same columns.

-- Every message handed to Telegram, stored before the first attempt.
-- AUTOINCREMENT: ids are never reused, even after the newest rows were purged.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id         TEXT    NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('SEND', 'EDIT')),
    group_key       TEXT,
    html            TEXT    NOT NULL,
    summary         TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    state           TEXT    NOT NULL DEFAULT 'PENDING'
                            CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED', 'MERGED')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    not_before      INTEGER NOT NULL,
    last_error      TEXT,
    revision        INTEGER NOT NULL DEFAULT 0,
    handed_revision INTEGER NOT NULL DEFAULT 0,
    merged_into     INTEGER,
    message_id      INTEGER,
    finished_at     INTEGER,
    CHECK (kind = 'SEND' OR group_key IS NOT NULL),
    CHECK ((state = 'PENDING') = (finished_at IS NULL))
);

CREATE INDEX outbox_pending ON outbox (not_before, id) WHERE state = 'PENDING';
CREATE INDEX outbox_pending_chat ON outbox (chat_id, group_key, id) WHERE state = 'PENDING';
CREATE INDEX outbox_finished ON outbox (finished_at) WHERE state <> 'PENDING';

-- The Telegram message each group (one storm in one chat) was delivered as, for later edits.
CREATE TABLE group_messages (
    chat_id    TEXT    NOT NULL,
    group_key  TEXT    NOT NULL,
    message_id INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (chat_id, group_key)
);

-- Lifetime totals, kept apart from the rows so purging old rows does not reset them.
CREATE TABLE outbox_totals (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    delivered INTEGER NOT NULL,
    failed    INTEGER NOT NULL,
    merged    INTEGER NOT NULL
);
INSERT INTO outbox_totals (id, delivered, failed, merged) VALUES (1, 0, 0, 0);

CREATE TABLE subscribers (
    chat_id            INTEGER PRIMARY KEY,
    active             INTEGER NOT NULL CHECK (active IN (0, 1)),
    muted_until        INTEGER,
    deactivated_reason TEXT,
    deactivated_at     INTEGER,
    created_at         INTEGER NOT NULL
);

-- topics: the topic words in declaration order, comma-separated, e.g. 'liq,whale'.
CREATE TABLE subscriptions (
    chat_id    INTEGER NOT NULL REFERENCES subscribers (chat_id) ON DELETE CASCADE,
    coin       TEXT    NOT NULL,
    topics     TEXT    NOT NULL,
    min_usd    REAL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (chat_id, coin)
);
