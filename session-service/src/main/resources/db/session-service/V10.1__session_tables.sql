-- session-service's own tables beside the event store's, as the versions before Flyway created them at start; runs
-- on a database that holds them already (baselined at 0). None is rebuilt from events: each is written in the
-- transaction that gives it its rows, or from account-service's events as they are read.
-- Snapshots of session streams: only a cache of folds (the events stay the truth).
CREATE TABLE IF NOT EXISTS session_snapshots (
    stream_id text PRIMARY KEY, version bigint NOT NULL, position bigint NOT NULL, state jsonb NOT NULL,
    taken_at timestamptz NOT NULL DEFAULT now());
ALTER TABLE session_snapshots ADD COLUMN IF NOT EXISTS fold text NOT NULL DEFAULT '';
ALTER TABLE session_snapshots ADD COLUMN IF NOT EXISTS account_id uuid;
-- INV-2: guest passes, kept as keyed hashes of join codes, invite tokens and guest keys
CREATE TABLE IF NOT EXISTS guest_passes (
    hash text PRIMARY KEY, kind text NOT NULL, account_id uuid NOT NULL, session_id uuid NOT NULL,
    subject_id uuid, expires_at timestamptz, created_at timestamptz NOT NULL DEFAULT now());
ALTER TABLE guest_passes ADD COLUMN IF NOT EXISTS keyed boolean NOT NULL DEFAULT false;
ALTER TABLE guest_passes ADD COLUMN IF NOT EXISTS closed_at timestamptz;
CREATE INDEX IF NOT EXISTS guest_passes_session ON guest_passes (session_id);
-- training codes written before they expired get the lifetime they have now (TrainingDecider.CODE_LIFETIME, 30 days)
UPDATE guest_passes SET expires_at = created_at + interval '2592000 seconds' WHERE kind = 'TRAINING_CODE' AND expires_at IS NULL;
-- whether each account allows co-organizers, at the account version it was read at
CREATE TABLE IF NOT EXISTS account_co_organizers (
    account_id uuid PRIMARY KEY, co_organizers boolean NOT NULL, account_version bigint NOT NULL);
-- which streams a member, or a policy, has a part in (StreamIndex)
CREATE TABLE IF NOT EXISTS member_streams (
    account_id uuid NOT NULL, member_id uuid NOT NULL, stream_id text NOT NULL, PRIMARY KEY (account_id, member_id, stream_id));
CREATE TABLE IF NOT EXISTS policy_streams (
    account_id uuid NOT NULL, policy_id uuid NOT NULL, stream_id text NOT NULL, PRIMARY KEY (account_id, policy_id, stream_id));
