package com.example.accounts.permission.projection;

import com.example.accounts.contract.ConsistencyToken;
import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.permission.domain.MemberFacts;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The permission read model in PostgreSQL. Each event is applied in one transaction together with the record
 * that it was applied (PRM-1): a stream's version moves only forward, so a repeated delivery changes nothing;
 * and the account's applied position, which consistency tokens wait for (PRM-4).
 */
@ApplicationScoped
public class ReadModel {

    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS accounts (
                account_id uuid PRIMARY KEY, name text NOT NULL, billing_contact uuid NOT NULL, plan jsonb NOT NULL,
                settings jsonb NOT NULL DEFAULT '{"serverInviteEmails": true, "coOrganizers": true, "defaultLanguage": "en"}',
                restrict_unassigned_queue_login boolean NOT NULL DEFAULT false);
            CREATE TABLE IF NOT EXISTS member_seats (
                account_id uuid NOT NULL, member_id uuid NOT NULL, module text NOT NULL, PRIMARY KEY (account_id, member_id, module));
            CREATE TABLE IF NOT EXISTS members (
                account_id uuid NOT NULL, member_id uuid NOT NULL, login_id text NOT NULL, email text NOT NULL,
                name text NOT NULL, role text NOT NULL, company_access jsonb NOT NULL, support_features jsonb NOT NULL,
                user_groups jsonb NOT NULL DEFAULT '[]', supervised_user_groups jsonb NOT NULL DEFAULT '[]',
                supervised_device_groups jsonb NOT NULL DEFAULT '[]', contact_center_roles jsonb NOT NULL DEFAULT '[]',
                PRIMARY KEY (account_id, member_id));
            CREATE TABLE IF NOT EXISTS queues (account_id uuid NOT NULL, queue_id uuid NOT NULL, name text NOT NULL, PRIMARY KEY (account_id, queue_id));
            CREATE TABLE IF NOT EXISTS queue_assignments (
                account_id uuid NOT NULL, queue_id uuid NOT NULL, member_id uuid NOT NULL, role text NOT NULL,
                PRIMARY KEY (account_id, queue_id, member_id));
            CREATE TABLE IF NOT EXISTS contact_center_roles (
                account_id uuid NOT NULL, role text NOT NULL, permissions jsonb NOT NULL, PRIMARY KEY (account_id, role));
            CREATE TABLE IF NOT EXISTS groups (
                account_id uuid NOT NULL, group_id uuid NOT NULL, kind text NOT NULL, name text NOT NULL, PRIMARY KEY (account_id, group_id));
            CREATE TABLE IF NOT EXISTS security_policies (
                account_id uuid NOT NULL, policy_id uuid NOT NULL, name text NOT NULL, permissions jsonb NOT NULL, enabled boolean NOT NULL,
                PRIMARY KEY (account_id, policy_id));
            CREATE TABLE IF NOT EXISTS devices (
                account_id uuid NOT NULL, device_id uuid NOT NULL, name text NOT NULL, company_id uuid NOT NULL, device_group_id uuid,
                PRIMARY KEY (account_id, device_id));
            CREATE TABLE IF NOT EXISTS companies (
                account_id uuid NOT NULL, company_id uuid NOT NULL, name text NOT NULL, PRIMARY KEY (account_id, company_id));
            CREATE INDEX IF NOT EXISTS members_by_login ON members (account_id, login_id);
            CREATE TABLE IF NOT EXISTS applied_streams (stream_id text PRIMARY KEY, version bigint NOT NULL);
            CREATE TABLE IF NOT EXISTS account_positions (
                topic text NOT NULL, account_id uuid NOT NULL, position bigint NOT NULL, PRIMARY KEY (topic, account_id));
            """;

    private final Pool pool;

    public ReadModel(Pool pool) {
        this.pool = pool;
    }

    void migrate(@Observes StartupEvent event) {
        pool.withTransaction(c -> c.query("SELECT pg_advisory_xact_lock(7355609)").execute().chain(() -> c.query(SCHEMA).execute()))
                .await().indefinitely();
    }

    /** Applies one event once; answers false when it had been applied before. */
    public Uni<Boolean> apply(String topic, EventEnvelope event) {
        return pool.withTransaction(c -> c.preparedQuery("""
                                INSERT INTO applied_streams (stream_id, version) VALUES ($1, $2)
                                ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version
                                WHERE applied_streams.version < excluded.version
                                RETURNING version""")
                .execute(Tuple.of(event.streamId(), event.version()))
                .chain(rows -> rows.size() == 0
                        ? Uni.createFrom().item(false)
                        : project(c, event).chain(() -> advance(c, topic, event)).replaceWith(true)));
    }

    private Uni<Void> project(SqlConnection c, EventEnvelope event) {
        var data = event.data();
        return switch (event.type()) {
            case "AccountOpened" -> c.preparedQuery("INSERT INTO accounts (account_id, name, billing_contact, plan) VALUES ($1, $2, $3, $4)")
                    .execute(Tuple.of(event.accountId(), data.get("name").asText(), UUID.fromString(data.get("billingContactMemberId").asText()),
                            new JsonObject(data.get("plan").toString())))
                    .replaceWithVoid();
            case "PlanChanged" -> update(c, "UPDATE accounts SET plan = $2 WHERE account_id = $1",
                    Tuple.of(event.accountId(), new JsonObject(data.get("plan").toString())));
            case "BillingContactChanged" -> update(c, "UPDATE accounts SET billing_contact = $2 WHERE account_id = $1",
                    Tuple.of(event.accountId(), uuid(data, "toMemberId")));
            case "RoleChanged" -> update(c, "UPDATE members SET role = $3 WHERE account_id = $1 AND member_id = $2",
                    Tuple.of(event.accountId(), uuid(data, "memberId"), data.get("to").asText()));
            case "UserDeleted" -> update(c, "DELETE FROM member_seats WHERE account_id = $1 AND member_id = $2",
                    Tuple.of(event.accountId(), uuid(data, "memberId")))
                    .chain(() -> update(c, "DELETE FROM members WHERE account_id = $1 AND member_id = $2",
                            Tuple.of(event.accountId(), uuid(data, "memberId"))));
            case "SeatProvisioned" -> update(c, "INSERT INTO member_seats (account_id, member_id, module) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                    Tuple.of(event.accountId(), uuid(data, "memberId"), data.get("module").asText()));
            case "SeatReleased" -> update(c, "DELETE FROM member_seats WHERE account_id = $1 AND member_id = $2 AND module = $3",
                    Tuple.of(event.accountId(), uuid(data, "memberId"), data.get("module").asText()));
            case "UserAdded" -> c.preparedQuery("""
                            INSERT INTO members (account_id, member_id, login_id, email, name, role, company_access, support_features)
                            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""")
                    .execute(Tuple.from(java.util.List.of(event.accountId(), UUID.fromString(data.get("memberId").asText()),
                            data.get("loginId").asText(), data.get("email").asText(), data.get("name").asText(), data.get("role").asText(),
                            new JsonObject(data.get("companyAccess").toString()), new JsonArray(data.get("supportFeatures").toString()))))
                    .replaceWithVoid();
            case "UserProfileChanged" -> update(c, "UPDATE members SET name = $3, email = $4 WHERE account_id = $1 AND member_id = $2",
                    Tuple.of(event.accountId(), uuid(data, "memberId"), data.get("name").asText(), data.get("email").asText()));
            case "AccountSettingsChanged" -> update(c, "UPDATE accounts SET settings = $2 WHERE account_id = $1",
                    Tuple.of(event.accountId(), new JsonObject(data.get("settings").toString())));
            // Billing information decides no permission; the billing contact does (BillingContactChanged).
            case "BillingInfoChanged" -> Uni.createFrom().voidItem();
            case "UserGroupCreated", "UserGroupRenamed" -> group(c, event, "USER");
            case "DeviceGroupCreated", "DeviceGroupRenamed" -> group(c, event, "DEVICE");
            // CMP-3: members leave a deleted group, and its supervisors no longer supervise it.
            case "UserGroupDeleted" -> update(c, "DELETE FROM groups WHERE account_id = $1 AND group_id = $2", Tuple.of(event.accountId(), uuid(data, "groupId")))
                    .chain(() -> update(c, """
                                    UPDATE members SET user_groups = user_groups - $2, supervised_user_groups = supervised_user_groups - $2
                                    WHERE account_id = $1 AND (user_groups ? $2 OR supervised_user_groups ? $2)""",
                            Tuple.of(event.accountId(), data.get("groupId").asText())));
            // CMP-4: the devices of a deleted device group stay, in no group.
            case "DeviceGroupDeleted" -> update(c, "DELETE FROM groups WHERE account_id = $1 AND group_id = $2", Tuple.of(event.accountId(), uuid(data, "groupId")))
                    .chain(() -> update(c, "UPDATE devices SET device_group_id = NULL WHERE account_id = $1 AND device_group_id = $2",
                            Tuple.of(event.accountId(), uuid(data, "groupId"))))
                    .chain(() -> update(c, """
                                    UPDATE members SET supervised_device_groups = supervised_device_groups - $2
                                    WHERE account_id = $1 AND supervised_device_groups ? $2""",
                            Tuple.of(event.accountId(), data.get("groupId").asText())));
            case "UserGroupsChanged" -> update(c, "UPDATE members SET user_groups = $3 WHERE account_id = $1 AND member_id = $2",
                    Tuple.of(event.accountId(), uuid(data, "memberId"), new JsonArray(data.get("userGroups").toString())));
            case "SupervisedGroupsChanged" -> update(c, """
                            UPDATE members SET supervised_user_groups = $3, supervised_device_groups = $4 WHERE account_id = $1 AND member_id = $2""",
                    Tuple.of(event.accountId(), uuid(data, "memberId"), new JsonArray(data.get("userGroups").toString()),
                            new JsonArray(data.get("deviceGroups").toString())));
            case "DeviceAdded", "DeviceChanged" -> update(c, """
                            INSERT INTO devices (account_id, device_id, name, company_id, device_group_id) VALUES ($1, $2, $3, $4, $5)
                            ON CONFLICT (account_id, device_id) DO UPDATE
                            SET name = excluded.name, company_id = excluded.company_id, device_group_id = excluded.device_group_id""",
                    Tuple.of(event.accountId(), uuid(data, "deviceId"), data.get("name").asText(), uuid(data, "companyId"),
                            data.get("deviceGroupId").isNull() ? null : uuid(data, "deviceGroupId")));
            case "DeviceRemoved" -> update(c, "DELETE FROM devices WHERE account_id = $1 AND device_id = $2",
                    Tuple.of(event.accountId(), uuid(data, "deviceId")));
            case "SecurityPolicyDefined", "SecurityPolicyChanged" -> update(c, """
                            INSERT INTO security_policies (account_id, policy_id, name, permissions, enabled) VALUES ($1, $2, $3, $4, true)
                            ON CONFLICT (account_id, policy_id) DO UPDATE SET name = excluded.name, permissions = excluded.permissions""",
                    Tuple.of(event.accountId(), uuid(data, "policyId"), data.get("name").asText(), new JsonArray(data.get("permissions").toString())));
            case "SecurityPolicyDisabled", "SecurityPolicyEnabled" -> update(c,
                    "UPDATE security_policies SET enabled = $3 WHERE account_id = $1 AND policy_id = $2",
                    Tuple.of(event.accountId(), uuid(data, "policyId"), event.type().equals("SecurityPolicyEnabled")));
            case "ContactCenterRoleAssigned" -> update(c, """
                            UPDATE members SET contact_center_roles = contact_center_roles || to_jsonb($3::text)
                            WHERE account_id = $1 AND member_id = $2 AND NOT contact_center_roles ? $3""",
                    Tuple.of(event.accountId(), uuid(data, "memberId"), data.get("role").asText()));
            case "ContactCenterRoleRevoked" -> update(c, "UPDATE members SET contact_center_roles = contact_center_roles - $3 WHERE account_id = $1 AND member_id = $2",
                    Tuple.of(event.accountId(), uuid(data, "memberId"), data.get("role").asText()));
            case "QueueCreated" -> update(c, "INSERT INTO queues (account_id, queue_id, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                    Tuple.of(event.accountId(), uuid(data, "queueId"), data.get("name").asText()));
            case "QueueAssignmentChanged" -> data.get("role").isNull()
                    ? update(c, "DELETE FROM queue_assignments WHERE account_id = $1 AND queue_id = $2 AND member_id = $3",
                    Tuple.of(event.accountId(), uuid(data, "queueId"), uuid(data, "memberId")))
                    : update(c, """
                            INSERT INTO queue_assignments (account_id, queue_id, member_id, role) VALUES ($1, $2, $3, $4)
                            ON CONFLICT (account_id, queue_id, member_id) DO UPDATE SET role = excluded.role""",
                    Tuple.of(event.accountId(), uuid(data, "queueId"), uuid(data, "memberId"), data.get("role").asText()));
            case "ContactCenterRolePermissionsChanged" -> update(c, """
                            INSERT INTO contact_center_roles (account_id, role, permissions) VALUES ($1, $2, $3)
                            ON CONFLICT (account_id, role) DO UPDATE SET permissions = excluded.permissions""",
                    Tuple.of(event.accountId(), data.get("role").asText(), new JsonArray(data.get("permissions").toString())));
            case "ContactCenterSettingsChanged" -> update(c, "UPDATE accounts SET restrict_unassigned_queue_login = $2 WHERE account_id = $1",
                    Tuple.of(event.accountId(), data.get("restrictUnassignedQueueLogin").asBoolean()));
            case "CompanyAccessChanged" -> update(c, "UPDATE members SET company_access = $3 WHERE account_id = $1 AND member_id = $2",
                    Tuple.of(event.accountId(), uuid(data, "memberId"), new JsonObject(data.get("companyAccess").toString())));
            case "SupportFeaturesChanged" -> update(c, "UPDATE members SET support_features = $3 WHERE account_id = $1 AND member_id = $2",
                    Tuple.of(event.accountId(), uuid(data, "memberId"), new JsonArray(data.get("supportFeatures").toString())));
            case "CompanyAdded", "CompanyRenamed" -> update(c, """
                            INSERT INTO companies (account_id, company_id, name) VALUES ($1, $2, $3)
                            ON CONFLICT (account_id, company_id) DO UPDATE SET name = excluded.name""",
                    Tuple.of(event.accountId(), uuid(data, "companyId"), data.get("name").asText()));
            // CMP-2: the company leaves every access list with it; a list it empties reaches no company.
            case "CompanyRemoved" -> update(c, "DELETE FROM companies WHERE account_id = $1 AND company_id = $2",
                    Tuple.of(event.accountId(), uuid(data, "companyId")))
                    .chain(() -> update(c, """
                                    UPDATE members SET company_access = jsonb_set(company_access, '{companies}', (company_access->'companies') - $2)
                                    WHERE account_id = $1 AND company_access->'companies' ? $2""",
                            Tuple.of(event.accountId(), data.get("companyId").asText())));
            default -> throw new UnknownEventException(event.type());
        };
    }

    private static Uni<Void> group(SqlConnection c, EventEnvelope event, String kind) {
        return update(c, """
                        INSERT INTO groups (account_id, group_id, kind, name) VALUES ($1, $2, $3, $4)
                        ON CONFLICT (account_id, group_id) DO UPDATE SET name = excluded.name""",
                Tuple.of(event.accountId(), uuid(event.data(), "groupId"), kind, event.data().get("name").asText()));
    }

    private static Uni<Void> update(SqlConnection c, String sql, Tuple args) {
        return c.preparedQuery(sql).execute(args).replaceWithVoid();
    }

    private static UUID uuid(com.fasterxml.jackson.databind.JsonNode data, String field) {
        return UUID.fromString(data.get(field).asText());
    }

    private Uni<Void> advance(SqlConnection c, String topic, EventEnvelope event) {
        return c.preparedQuery("""
                        INSERT INTO account_positions (topic, account_id, position) VALUES ($1, $2, $3)
                        ON CONFLICT (topic, account_id) DO UPDATE SET position = greatest(account_positions.position, excluded.position)""")
                .execute(Tuple.of(topic, event.accountId(), event.position())).replaceWithVoid();
    }

    /** PRM-4: whether the event the token names, and so every earlier one of its account, has been applied. */
    public Uni<Boolean> applied(ConsistencyToken token) {
        return pool.preparedQuery("SELECT position FROM account_positions WHERE topic = $1 AND account_id = $2")
                .execute(Tuple.of(token.topic(), token.accountId()))
                .map(rows -> rows.size() > 0 && rows.iterator().next().getLong(0) >= token.position());
    }

    public Uni<Optional<MemberFacts>> memberByLogin(UUID accountId, String loginId) {
        return member("m.login_id = $2", Tuple.of(accountId, loginId));
    }

    public Uni<Optional<MemberFacts>> member(UUID accountId, UUID memberId) {
        return member("m.member_id = $2", Tuple.of(accountId, memberId));
    }

    private Uni<Optional<MemberFacts>> member(String condition, Tuple args) {
        return pool.preparedQuery("""
                        SELECT m.account_id, m.member_id, m.role, a.billing_contact = m.member_id AS billing,
                               a.plan->'modules' AS modules, m.support_features AS features,
                               COALESCE((SELECT json_agg(s.module) FROM member_seats s
                                         WHERE s.account_id = m.account_id AND s.member_id = m.member_id), '[]'::json) AS seats
                        FROM members m JOIN accounts a ON a.account_id = m.account_id
                        WHERE m.account_id = $1 AND\s""" + condition)
                .execute(args)
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()).map(r ->
                        new MemberFacts(r.getUUID("account_id"), r.getUUID("member_id"), r.getString("role"), r.getBoolean("billing"),
                                strings(r.getJsonArray("modules")), strings(r.getJsonArray("seats")), strings(r.getJsonArray("features")))));
    }

    private static Set<String> strings(JsonArray array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.toString()));
        return values;
    }
}
