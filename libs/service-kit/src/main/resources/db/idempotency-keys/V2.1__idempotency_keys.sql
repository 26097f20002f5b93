-- SEC-3: the first answer to each (caller, Idempotency-Key). A claim has no answer until its request has one, so
-- answer is nullable; a table of an earlier version had it NOT NULL. Runs on a database that holds the table already.
CREATE TABLE IF NOT EXISTS idempotency_keys (
    login_id text NOT NULL, key text NOT NULL, fingerprint text NOT NULL, answer jsonb,
    created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (login_id, key));
ALTER TABLE idempotency_keys ALTER COLUMN answer DROP NOT NULL;
