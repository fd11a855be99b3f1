-- The alert bot's durable state on PostgreSQL. Times are epoch milliseconds (UTC).
-- Keep in step with ../sqlite/V1__outbox_and_subscriptions.sql: same tables, same columns.

-- Every message handed to Telegram, stored before the first attempt.
CREATE TABLE outbox (
    id              BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    chat_id         TEXT    NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('SEND', 'EDIT')),
    group_key       TEXT,
    html            TEXT    NOT NULL,
    summary         TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    state           TEXT    NOT NULL DEFAULT 'PENDING'
                            CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED', 'MERGED')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    not_before      BIGINT  NOT NULL,
    last_error      TEXT,
    revision        INTEGER NOT NULL DEFAULT 0,
    handed_revision INTEGER NOT NULL DEFAULT 0,
    merged_into     BIGINT,
    message_id      BIGINT,
    finished_at     BIGINT,
    CHECK (kind = 'SEND' OR group_key IS NOT NULL),
    CHECK ((state = 'PENDING') = (finished_at IS NULL))
);

CREATE INDEX outbox_pending ON outbox (not_before, id) WHERE state = 'PENDING';
CREATE INDEX outbox_pending_chat ON outbox (chat_id, group_key, id) WHERE state = 'PENDING';
CREATE INDEX outbox_finished ON outbox (finished_at) WHERE state <> 'PENDING';

-- The Telegram message each group (one storm in one chat) was delivered as, for later edits.
CREATE TABLE group_messages (
    chat_id    TEXT   NOT NULL,
    group_key  TEXT   NOT NULL,
    message_id BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (chat_id, group_key)
);

-- Lifetime totals, kept apart from the rows so purging old rows does not reset them.
CREATE TABLE outbox_totals (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    delivered BIGINT  NOT NULL,
    failed    BIGINT  NOT NULL,
    merged    BIGINT  NOT NULL
);
INSERT INTO outbox_totals (id, delivered, failed, merged) VALUES (1, 0, 0, 0);

CREATE TABLE subscribers (
    chat_id            BIGINT  PRIMARY KEY,
    active             BOOLEAN NOT NULL,
    muted_until        BIGINT,
    deactivated_reason TEXT,
    deactivated_at     BIGINT,
    created_at         BIGINT  NOT NULL
);

-- topics: the topic words in declaration order, comma-separated, e.g. 'liq,whale'.
CREATE TABLE subscriptions (
    chat_id    BIGINT           NOT NULL REFERENCES subscribers (chat_id) ON DELETE CASCADE,
    coin       TEXT             NOT NULL,
    topics     TEXT             NOT NULL,
    min_usd    DOUBLE PRECISION,
    created_at BIGINT           NOT NULL,
    PRIMARY KEY (chat_id, coin)
);
