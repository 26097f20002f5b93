-- The event store's tables (EVT-1, EVT-3), as every version before Flyway created them at start. Written to run on a
-- database that already holds them too (a store of an earlier version, baselined at 0): it creates what is missing.
CREATE TABLE IF NOT EXISTS events (
    position        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    stream_id       text        NOT NULL,
    version         bigint      NOT NULL,
    event_id        uuid        NOT NULL UNIQUE,
    account_id      uuid        NOT NULL,
    type            text        NOT NULL,
    schema_version  int         NOT NULL,
    data            jsonb       NOT NULL,
    metadata        jsonb       NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    tx_id           xid8        NOT NULL DEFAULT pg_current_xact_id(),
    PRIMARY KEY (stream_id, version)
);
-- the relay reads in (transaction id, position) order
CREATE INDEX IF NOT EXISTS events_relay_order ON events (tx_id, position);
-- when the row was written, whatever time the command carried: how long an event waits for the relay (a store older
-- than the column gets it too)
ALTER TABLE events ADD COLUMN IF NOT EXISTS stored_at timestamptz NOT NULL DEFAULT now();
CREATE TABLE IF NOT EXISTS relay_checkpoints (
    relay     text   PRIMARY KEY,
    tx_id     xid8   NOT NULL,
    position  bigint NOT NULL
);
