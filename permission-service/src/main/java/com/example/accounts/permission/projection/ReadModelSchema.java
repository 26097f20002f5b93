package com.example.accounts.permission.projection;

import com.example.accounts.contract.vocabulary.Language;
import io.vertx.mutiny.sqlclient.Pool;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tables of one generation, in schema {@code rm_<n>}: the model, its applied events, positions and dead letters. A
 * generation is rebuilt from the topics rather than migrated, so it creates its tables itself; what later versions
 * added ({@code ALTER ... IF NOT EXISTS}) reaches a generation created before them, empty until a rebuild fills it.
 */
public final class ReadModelSchema {

    private static final Duration DB = Duration.ofSeconds(30);

    static final String TABLES = """
            CREATE TABLE IF NOT EXISTS {rm}.accounts (
                account_id uuid PRIMARY KEY, name text NOT NULL, billing_contact uuid NOT NULL, plan jsonb NOT NULL,
                settings jsonb NOT NULL DEFAULT '{"serverInviteEmails": true, "coOrganizers": true, "defaultLanguage": "{language}"}',
                restrict_unassigned_queue_login boolean NOT NULL DEFAULT false);
            CREATE TABLE IF NOT EXISTS {rm}.member_seats (
                account_id uuid NOT NULL, member_id uuid NOT NULL, module text NOT NULL, PRIMARY KEY (account_id, member_id, module));
            CREATE TABLE IF NOT EXISTS {rm}.members (
                account_id uuid NOT NULL, member_id uuid NOT NULL, login_id text NOT NULL, email text NOT NULL,
                name text NOT NULL, role text NOT NULL, company_access jsonb NOT NULL, support_features jsonb NOT NULL,
                user_groups jsonb NOT NULL DEFAULT '[]', supervised_user_groups jsonb NOT NULL DEFAULT '[]',
                supervised_device_groups jsonb NOT NULL DEFAULT '[]', contact_center_roles jsonb NOT NULL DEFAULT '[]',
                PRIMARY KEY (account_id, member_id));
            -- USR-13: the account position of the membership's UserAdded, so that a login acts as its earliest membership
            ALTER TABLE {rm}.members ADD COLUMN IF NOT EXISTS added_position bigint NOT NULL DEFAULT 0;
            CREATE TABLE IF NOT EXISTS {rm}.queues (account_id uuid NOT NULL, queue_id uuid NOT NULL, name text NOT NULL, PRIMARY KEY (account_id, queue_id));
            CREATE TABLE IF NOT EXISTS {rm}.queue_assignments (
                account_id uuid NOT NULL, queue_id uuid NOT NULL, member_id uuid NOT NULL, role text NOT NULL,
                PRIMARY KEY (account_id, queue_id, member_id));
            CREATE TABLE IF NOT EXISTS {rm}.agent_logins (
                account_id uuid NOT NULL, queue_id uuid NOT NULL, member_id uuid NOT NULL, permissions jsonb NOT NULL,
                PRIMARY KEY (account_id, queue_id, member_id));
            CREATE TABLE IF NOT EXISTS {rm}.contact_center_roles (
                account_id uuid NOT NULL, role text NOT NULL, permissions jsonb NOT NULL, PRIMARY KEY (account_id, role));
            CREATE TABLE IF NOT EXISTS {rm}.groups (
                account_id uuid NOT NULL, group_id uuid NOT NULL, kind text NOT NULL, name text NOT NULL, PRIMARY KEY (account_id, group_id));
            CREATE TABLE IF NOT EXISTS {rm}.security_policies (
                account_id uuid NOT NULL, policy_id uuid NOT NULL, name text NOT NULL, permissions jsonb NOT NULL, enabled boolean NOT NULL,
                PRIMARY KEY (account_id, policy_id));
            CREATE TABLE IF NOT EXISTS {rm}.devices (
                account_id uuid NOT NULL, device_id uuid NOT NULL, name text NOT NULL, company_id uuid NOT NULL, device_group_id uuid,
                PRIMARY KEY (account_id, device_id));
            CREATE TABLE IF NOT EXISTS {rm}.companies (
                account_id uuid NOT NULL, company_id uuid NOT NULL, name text NOT NULL, PRIMARY KEY (account_id, company_id));
            CREATE TABLE IF NOT EXISTS {rm}.sessions (
                account_id uuid NOT NULL, session_id uuid NOT NULL, kind text NOT NULL, owner uuid NOT NULL, co_organizers jsonb NOT NULL,
                company_id uuid, device_id uuid, ended boolean NOT NULL, PRIMARY KEY (account_id, session_id));
            -- REP-1: who worked a session (owned it at any time); a generation created before it was known gets it here
            ALTER TABLE {rm}.sessions ADD COLUMN IF NOT EXISTS worked_by jsonb NOT NULL DEFAULT '[]';
            -- an account's view loads the sessions not ended, however many have ended
            CREATE INDEX IF NOT EXISTS sessions_not_ended ON {rm}.sessions (account_id) WHERE NOT ended;
            CREATE TABLE IF NOT EXISTS {rm}.applied_streams (stream_id text PRIMARY KEY, version bigint NOT NULL);
            -- EVT-1: which event each applied (stream, version) was, so that another event at a version applied is never taken for a repeat
            CREATE TABLE IF NOT EXISTS {rm}.applied_events (
                stream_id text NOT NULL, version bigint NOT NULL, event_id uuid NOT NULL, PRIMARY KEY (stream_id, version));
            -- EVT-1: an event applied at a version another event then came at, and that later event (the store's); a rebuild
            -- inherits the rows and applies the later event in its place
            CREATE TABLE IF NOT EXISTS {rm}.superseded (
                event_id uuid PRIMARY KEY, by_event_id uuid NOT NULL, stream_id text NOT NULL, version bigint NOT NULL);
            CREATE TABLE IF NOT EXISTS {rm}.account_positions (
                topic text NOT NULL, account_id uuid NOT NULL, position bigint NOT NULL, PRIMARY KEY (topic, account_id));
            CREATE TABLE IF NOT EXISTS {rm}.partition_offsets (
                topic text NOT NULL, partition int NOT NULL, next_offset bigint NOT NULL, PRIMARY KEY (topic, partition));
            CREATE TABLE IF NOT EXISTS {rm}.dead_letters (
                topic text NOT NULL, partition int NOT NULL, record_offset bigint NOT NULL, account_id uuid, event_type text,
                reason text NOT NULL, PRIMARY KEY (topic, partition, record_offset));
            CREATE INDEX IF NOT EXISTS dead_letters_by_account ON {rm}.dead_letters (account_id);
            """.replace("{language}", Language.DEFAULT.code());

    /** The tables that hold the model itself, compared by PRM-5's rebuild test. */
    public static final List<String> MODEL_TABLES = List.of("accounts", "members", "member_seats", "companies", "groups", "devices",
            "security_policies", "queues", "queue_assignments", "agent_logins", "contact_center_roles", "sessions", "applied_streams",
            "applied_events", "superseded", "account_positions", "dead_letters");

    private final Pool pool;
    private final String name;
    private final Map<String, String> sql = new ConcurrentHashMap<>();

    ReadModelSchema(Pool pool, int generation) {
        this.pool = pool;
        this.name = "rm_" + generation;
    }

    public String name() {
        return name;
    }

    /** A statement of this generation: {@code {rm}} in the template names its schema. */
    String sql(String template) {
        return sql.computeIfAbsent(template, t -> t.replace("{rm}", name));
    }

    public void create() {
        pool.withTransaction(c -> c.query("CREATE SCHEMA IF NOT EXISTS " + name).execute().chain(() -> c.query(sql(TABLES)).execute()))
                .await().atMost(DB);
    }

    public void drop() {
        pool.query("DROP SCHEMA IF EXISTS " + name + " CASCADE").execute().await().atMost(DB);
    }

    /** EVT-1: a rebuilt generation inherits the events {@code from} found superseded, so that it applies the later ones instead. */
    public void inheritSuperseded(ReadModelSchema from) {
        pool.query(sql("INSERT INTO {rm}.superseded (event_id, by_event_id, stream_id, version) SELECT event_id, by_event_id, stream_id, version FROM "
                + from.name + ".superseded ON CONFLICT DO NOTHING")).execute().await().atMost(DB);
    }
}
