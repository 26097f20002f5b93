package com.example.accounts.permission.projection;

import com.example.accounts.permission.domain.AccountView;
import com.example.accounts.permission.domain.Member;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads an account's {@link AccountView} out of one generation: everything its checks depend on, in one statement. */
public final class AccountViewReader {

    private final Pool pool;
    private final ReadModelSchema tables;

    AccountViewReader(Pool pool, ReadModelSchema tables) {
        this.pool = pool;
        this.tables = tables;
    }

    /** One account's view, read by one statement so that it is one consistent snapshot. Empty when it is unknown. */
    public Uni<Optional<AccountView>> load(UUID accountId) {
        return pool.preparedQuery(tables.sql(LOAD)).execute(Tuple.of(accountId)).chain(rows -> {
            if (rows.size() > 0) {
                return Uni.createFrom().item(Optional.of(view(accountId, rows.iterator().next())));
            }
            return staleWithoutAccount(accountId);
        });
    }

    /** REP-1, SUP-5: these sessions of the account, ended ones too (the view holds only those not ended). */
    public Uni<Map<UUID, AccountView.Session>> sessions(UUID accountId, Collection<UUID> sessionIds) {
        return pool.preparedQuery(tables.sql("""
                SELECT session_id, kind, owner, co_organizers, company_id, device_id, ended, worked_by FROM {rm}.sessions
                WHERE account_id = $1 AND session_id = ANY($2)"""))
                .execute(Tuple.of(accountId, sessionIds.toArray(UUID[]::new))).map(rows -> {
                    Map<UUID, AccountView.Session> sessions = new HashMap<>();
                    for (Row s : rows) {
                        UUID id = s.getUUID("session_id");
                        sessions.put(id, new AccountView.Session(id, s.getString("kind"), s.getUUID("owner"), uuids((JsonArray) s.getValue("co_organizers")),
                                s.getUUID("company_id"), s.getUUID("device_id"), s.getBoolean("ended"), uuids((JsonArray) s.getValue("worked_by"))));
                    }
                    return sessions;
                });
    }

    /** An account whose opening could not be applied exists only as its dead letters: stale, with no members. */
    private Uni<Optional<AccountView>> staleWithoutAccount(UUID accountId) {
        return pool.preparedQuery(tables.sql("SELECT string_agg(reason, '; ') FROM {rm}.dead_letters WHERE account_id = $1")).execute(Tuple.of(accountId))
                .map(rows -> Optional.ofNullable(rows.iterator().next().getString(0)).map(reason -> new AccountView(accountId, "", Set.of(), false,
                        false, false, Map.of(), Set.of(), Map.of(), Set.of(), Map.of(), Set.of(), Set.of(), Map.of(), Map.of(), Map.of(), Map.of(), reason)));
    }

    private static final String LOAD = """
            SELECT a.name, a.plan->'modules' AS modules, a.settings, a.restrict_unassigned_queue_login AS restrict, a.billing_contact,
              COALESCE((SELECT json_agg(json_build_object('id', m.member_id, 'login', m.login_id, 'name', m.name, 'role', m.role,
                            'access', m.company_access, 'features', m.support_features, 'groups', m.user_groups,
                            'supervisedUserGroups', m.supervised_user_groups, 'supervisedDeviceGroups', m.supervised_device_groups,
                            'cc', m.contact_center_roles, 'added', m.added_position,
                            'seats', COALESCE((SELECT json_agg(s.module) FROM {rm}.member_seats s
                                               WHERE s.account_id = m.account_id AND s.member_id = m.member_id), '[]'::json)))
                        FROM {rm}.members m WHERE m.account_id = a.account_id), '[]'::json) AS members,
              COALESCE((SELECT json_agg(c.company_id) FROM {rm}.companies c WHERE c.account_id = a.account_id), '[]'::json) AS companies,
              COALESCE((SELECT json_agg(json_build_object('id', d.device_id, 'company', d.company_id, 'group', d.device_group_id))
                        FROM {rm}.devices d WHERE d.account_id = a.account_id), '[]'::json) AS devices,
              COALESCE((SELECT json_agg(x.queue_id) FROM {rm}.queues x WHERE x.account_id = a.account_id), '[]'::json) AS queues,
              COALESCE((SELECT json_agg(json_build_object('queue', x.queue_id, 'member', x.member_id, 'role', x.role))
                        FROM {rm}.queue_assignments x WHERE x.account_id = a.account_id), '[]'::json) AS assignments,
              COALESCE((SELECT json_agg(json_build_object('queue', l.queue_id, 'member', l.member_id, 'permissions', l.permissions))
                        FROM {rm}.agent_logins l WHERE l.account_id = a.account_id), '[]'::json) AS logins,
              (SELECT r.permissions FROM {rm}.contact_center_roles r WHERE r.account_id = a.account_id AND r.role = 'SUPERVISOR') AS supervisor,
              (SELECT r.permissions FROM {rm}.contact_center_roles r WHERE r.account_id = a.account_id AND r.role = 'AGENT') AS agent,
              COALESCE((SELECT json_agg(json_build_object('id', p.policy_id, 'name', p.name, 'enabled', p.enabled, 'permissions', p.permissions))
                        FROM {rm}.security_policies p WHERE p.account_id = a.account_id), '[]'::json) AS policies,
              COALESCE((SELECT json_agg(json_build_object('id', s.session_id, 'kind', s.kind, 'owner', s.owner, 'co', s.co_organizers,
                            'company', s.company_id, 'device', s.device_id, 'ended', s.ended, 'worked', s.worked_by))
                        FROM {rm}.sessions s WHERE s.account_id = a.account_id AND NOT s.ended), '[]'::json) AS sessions,
              COALESCE((SELECT json_object_agg(p.topic, p.position) FROM {rm}.account_positions p WHERE p.account_id = a.account_id), '{}'::json) AS positions,
              (SELECT string_agg(d.reason, '; ') FROM {rm}.dead_letters d WHERE d.account_id = a.account_id) AS stale
            FROM {rm}.accounts a WHERE a.account_id = $1""";

    private static AccountView view(UUID accountId, Row row) {
        UUID billing = row.getUUID("billing_contact");
        JsonObject settings = (JsonObject) row.getValue("settings");
        Map<UUID, Member> members = new HashMap<>();
        for (Object item : array(row, "members")) {
            JsonObject m = (JsonObject) item;
            UUID id = UUID.fromString(m.getString("id"));
            JsonObject access = m.getJsonObject("access");
            members.put(id, new Member(id, m.getString("login"), m.getString("name"), m.getString("role"), id.equals(billing),
                    strings(m.getJsonArray("seats")), strings(m.getJsonArray("features")), access.getBoolean("all", false),
                    uuids(access.getJsonArray("companies")), uuids(m.getJsonArray("groups")), uuids(m.getJsonArray("supervisedUserGroups")),
                    uuids(m.getJsonArray("supervisedDeviceGroups")), strings(m.getJsonArray("cc")), m.getLong("added")));
        }
        Map<UUID, AccountView.Device> devices = new HashMap<>();
        for (Object item : array(row, "devices")) {
            JsonObject d = (JsonObject) item;
            UUID id = UUID.fromString(d.getString("id"));
            devices.put(id, new AccountView.Device(id, UUID.fromString(d.getString("company")), nullableUuid(d.getString("group"))));
        }
        Map<UUID, Map<UUID, String>> assignments = new HashMap<>();
        for (Object item : array(row, "assignments")) {
            JsonObject x = (JsonObject) item;
            assignments.computeIfAbsent(UUID.fromString(x.getString("queue")), k -> new HashMap<>())
                    .put(UUID.fromString(x.getString("member")), x.getString("role"));
        }
        Map<UUID, Map<UUID, Set<String>>> logins = new HashMap<>();
        for (Object item : array(row, "logins")) {
            JsonObject l = (JsonObject) item;
            logins.computeIfAbsent(UUID.fromString(l.getString("queue")), k -> new HashMap<>())
                    .put(UUID.fromString(l.getString("member")), strings(l.getJsonArray("permissions")));
        }
        Map<UUID, AccountView.Policy> policies = new HashMap<>();
        for (Object item : array(row, "policies")) {
            JsonObject p = (JsonObject) item;
            UUID id = UUID.fromString(p.getString("id"));
            policies.put(id, new AccountView.Policy(id, p.getString("name"), p.getBoolean("enabled"), strings(p.getJsonArray("permissions"))));
        }
        Map<UUID, AccountView.Session> sessions = new HashMap<>();
        for (Object item : array(row, "sessions")) {
            JsonObject s = (JsonObject) item;
            UUID id = UUID.fromString(s.getString("id"));
            sessions.put(id, new AccountView.Session(id, s.getString("kind"), UUID.fromString(s.getString("owner")), uuids(s.getJsonArray("co")),
                    nullableUuid(s.getString("company")), nullableUuid(s.getString("device")), s.getBoolean("ended"), uuids(s.getJsonArray("worked"))));
        }
        Map<String, Long> positions = new HashMap<>();
        ((JsonObject) row.getValue("positions")).forEach(e -> positions.put(e.getKey(), ((Number) e.getValue()).longValue()));
        Object supervisor = row.getValue("supervisor");
        Object agent = row.getValue("agent");
        return new AccountView(accountId, row.getString("name"), strings((JsonArray) row.getValue("modules")),
                settings.getBoolean("serverInviteEmails", true), settings.getBoolean("coOrganizers", true), row.getBoolean("restrict"), members,
                uuids(array(row, "companies")), devices, uuids(array(row, "queues")), assignments,
                supervisor == null ? AccountView.DEFAULT_SUPERVISOR_PERMISSIONS : AccountView.supervisorPermissions(strings((JsonArray) supervisor)),
                agent == null ? Set.of() : strings((JsonArray) agent), logins, policies, sessions, positions, row.getString("stale"));
    }

    private static JsonArray array(Row row, String column) {
        return (JsonArray) row.getValue(column);
    }

    private static Set<String> strings(JsonArray array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.toString()));
        return values;
    }

    private static Set<UUID> uuids(JsonArray array) {
        Set<UUID> values = new HashSet<>();
        array.forEach(value -> values.add(UUID.fromString(value.toString())));
        return values;
    }

    private static UUID nullableUuid(String text) {
        return text == null ? null : UUID.fromString(text);
    }
}
