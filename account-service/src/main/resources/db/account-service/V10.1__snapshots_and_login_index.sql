-- account-service's own tables beside the event store's, as the versions before Flyway created them at start; runs
-- on a database that holds them already (baselined at 0).
-- Snapshots of account streams: only a cache of folds (the events stay the truth); a snapshot of another fold
-- ('' for one taken before folds were recorded) is folded again.
CREATE TABLE IF NOT EXISTS account_snapshots (
    stream_id text PRIMARY KEY, version bigint NOT NULL, position bigint NOT NULL, state jsonb NOT NULL,
    taken_at timestamptz NOT NULL DEFAULT now());
ALTER TABLE account_snapshots ADD COLUMN IF NOT EXISTS fold text NOT NULL DEFAULT '';
ALTER TABLE account_snapshots ADD COLUMN IF NOT EXISTS account_id uuid;
-- USR-2, ACC-6: a login's memberships, found from its UserAdded events without reading the others
CREATE INDEX IF NOT EXISTS events_user_added_login ON events ((data->>'loginId')) WHERE type = 'UserAdded';
