-- VoiceHooks tables for PostgreSQL 12+. JdbcIdempotencyStore.createSchema() and
-- JdbcInbox.createSchema() run these statements (with your table names); both are idempotent.
-- To manage the schema yourself (Flyway, Liquibase), copy them into a migration.

-- Shared idempotency store: one row per event key being processed or done; claim_token is the
-- current claim's owner, which alone may complete or release it.
CREATE TABLE IF NOT EXISTS voicehooks_idempotency (
  idempotency_key TEXT        PRIMARY KEY,
  state           TEXT        NOT NULL CHECK (state IN ('IN_PROGRESS', 'COMPLETED')),
  expires_at      TIMESTAMPTZ NOT NULL,
  claim_token     TEXT
);
-- Tables created before claims had owners gain the column.
ALTER TABLE voicehooks_idempotency ADD COLUMN IF NOT EXISTS claim_token TEXT;
CREATE INDEX IF NOT EXISTS voicehooks_idempotency_expires_at
  ON voicehooks_idempotency (expires_at);

-- Durable inbox: one row per accepted delivery, raw bytes as received.
CREATE TABLE IF NOT EXISTS voicehooks_inbox (
  id              BIGSERIAL   PRIMARY KEY,
  idempotency_key TEXT        NOT NULL UNIQUE,
  event_type      TEXT        NOT NULL,
  headers         TEXT        NOT NULL,
  body            BYTEA       NOT NULL,
  received_at     TIMESTAMPTZ NOT NULL,
  status          TEXT        NOT NULL DEFAULT 'PENDING'
                              CHECK (status IN ('PENDING', 'DONE', 'DEAD')),
  attempts        INTEGER     NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_error      TEXT,
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS voicehooks_inbox_due
  ON voicehooks_inbox (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX IF NOT EXISTS voicehooks_inbox_dead
  ON voicehooks_inbox (updated_at) WHERE status = 'DEAD';
