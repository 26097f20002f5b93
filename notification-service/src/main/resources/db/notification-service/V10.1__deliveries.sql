-- notification-service's tables, as the versions before Flyway created them at start; runs on a database that holds
-- them already (baselined at 0). None is rebuilt: the directory and the positions are read once from the topics, the
-- deliveries are the record of what was sent.
-- directory_accounts, directory_members: what the emails need to know of accounts and members, read from the events
-- (names, addresses, languages, roles)
CREATE TABLE IF NOT EXISTS directory_accounts (
    account_id uuid PRIMARY KEY, name text NOT NULL, language text NOT NULL DEFAULT 'en');
CREATE TABLE IF NOT EXISTS directory_members (
    account_id uuid NOT NULL, member_id uuid NOT NULL, login_id text NOT NULL, name text NOT NULL,
    email text NOT NULL, language text, role text NOT NULL, PRIMARY KEY (account_id, member_id));
CREATE INDEX IF NOT EXISTS directory_members_by_login ON directory_members (account_id, login_id);
-- installed_topics, consumer_positions: when each topic was first read here, and per partition the next record to
-- read and the live position, from which records may send email (before it they only teach the directory)
CREATE TABLE IF NOT EXISTS installed_topics (topic text PRIMARY KEY, installed_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS consumer_positions (
    topic text NOT NULL, partition int NOT NULL, next_offset bigint NOT NULL, live_from bigint NOT NULL,
    PRIMARY KEY (topic, partition));
-- email_deliveries: every email to send, once per source (event or invite) and recipient, its state and attempts;
-- its contents (the values its mail is written from, an invite's URL sealed) only until it is sent or given up
CREATE TABLE IF NOT EXISTS email_deliveries (
    delivery_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    source_id uuid NOT NULL, recipient text NOT NULL, account_id uuid NOT NULL, kind text NOT NULL,
    language text NOT NULL, message_id text NOT NULL, contents jsonb,
    status text NOT NULL DEFAULT 'PENDING', attempts int NOT NULL DEFAULT 0, last_error text,
    queued_at timestamptz NOT NULL DEFAULT now(), next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_at timestamptz, ended_at timestamptz,
    UNIQUE (source_id, recipient));
-- a queue of an earlier version kept the rendered mail: it loses those columns, and what still waited in it is given
-- up, since its mail (an invite URL in clear among it, INV-2) is not kept
DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()
               AND table_name = 'email_deliveries' AND column_name = 'subject') THEN
        ALTER TABLE email_deliveries ADD COLUMN contents jsonb;
        UPDATE email_deliveries SET status = 'FAILED', ended_at = now(),
            last_error = 'queued by an earlier version of the service, whose queue kept the rendered mail: not sent'
            WHERE status = 'PENDING';
        ALTER TABLE email_deliveries DROP COLUMN subject, DROP COLUMN text_body, DROP COLUMN html_body;
    END IF;
END $$;
CREATE INDEX IF NOT EXISTS email_deliveries_due ON email_deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX IF NOT EXISTS email_deliveries_sending ON email_deliveries (claimed_at) WHERE status = 'SENDING';
CREATE INDEX IF NOT EXISTS email_deliveries_of_account ON email_deliveries (account_id, queued_at DESC);
-- applied_events, diverged_events: which event each (stream, version) read was, and the records that came at a
-- version read with another event, which flag their accounts (EVT-1)
CREATE TABLE IF NOT EXISTS applied_events (
    stream_id text NOT NULL, version bigint NOT NULL, event_id uuid NOT NULL, PRIMARY KEY (stream_id, version));
CREATE TABLE IF NOT EXISTS diverged_events (
    topic text NOT NULL, partition int NOT NULL, record_offset bigint NOT NULL, account_id uuid NOT NULL, reason text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (topic, partition, record_offset));
