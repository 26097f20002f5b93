package com.example.accounts.permission.projection;

import com.example.accounts.contract.EventEnvelope;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What each event does to the read model's tables, as SQL statements on the tables of one generation ({@code {rm}}
 * stands for its schema). Pure: the statements of an event depend on the event alone, so a replay writes the
 * same rows (PRM-5).
 */
final class Projection {

    /** One statement to run, in order. */
    record Statement(String sql, Tuple args) {
    }

    static final Set<String> TYPES = Set.of("AccountOpened", "PlanChanged", "BillingContactChanged", "RoleChanged", "UserDeleted",
            "SeatProvisioned", "SeatReleased", "UserAdded", "UserProfileChanged", "AccountSettingsChanged", "BillingInfoChanged",
            "UserGroupCreated", "UserGroupRenamed", "DeviceGroupCreated", "DeviceGroupRenamed", "UserGroupDeleted", "DeviceGroupDeleted",
            "UserGroupsChanged", "SupervisedGroupsChanged", "DeviceAdded", "DeviceChanged", "DeviceRemoved", "SecurityPolicyDefined",
            "SecurityPolicyChanged", "SecurityPolicyEnabled", "SecurityPolicyDisabled", "ContactCenterRoleAssigned",
            "ContactCenterRoleRevoked", "QueueCreated", "QueueAssignmentChanged", "ContactCenterRolePermissionsChanged",
            "ContactCenterSettingsChanged", "CompanyAccessChanged", "SupportFeaturesChanged", "CompanyAdded", "CompanyRenamed",
            "CompanyRemoved", "SupportSessionStarted", "SupportSessionHandedOver", "SupportSessionEnded", "TrainingSessionScheduled",
            "TrainingCoOrganizersChanged", "TrainingSessionEnded", "AgentLoggedIntoQueue", "AgentLoggedOutOfQueue");

    /**
     * Types of the contract that change nothing a check reads (who joined a session, what was requested in it):
     * applied as no statements, so their stream versions and positions still count (PRM-1, PRM-4). A type in neither
     * set is unknown and goes to the dead letters; a test keeps the two sets equal to the contract.
     */
    static final Set<String> NOT_PROJECTED = Set.of("CustomerJoined", "SupportActionRequested", "TechnicianLeftSession",
            "ExternalInviteIssued", "ExternalInviteRedeemed", "ExternalInviteRevoked", "ExternalTechnicianLoggedOut",
            "TrainingSessionStarted", "TrainingRecordingStarted", "TrainingRecordingStopped", "ParticipantJoined", "ParticipantRemoved",
            "PresenterChanged", "KeyboardControlGiven", "KeyboardControlTakenBack", "TrainingFollowUpSent");

    private Projection() {
    }

    static List<Statement> of(EventEnvelope event) {
        JsonNode data = event.data();
        UUID account = event.accountId();
        return switch (event.type()) {
            case "AccountOpened" -> one("INSERT INTO {rm}.accounts (account_id, name, billing_contact, plan) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                    Tuple.of(account, text(data, "name"), uuid(data, "billingContactMemberId"), object(data, "plan")));
            case "PlanChanged" -> one("UPDATE {rm}.accounts SET plan = $2 WHERE account_id = $1", Tuple.of(account, object(data, "plan")));
            case "BillingContactChanged" -> one("UPDATE {rm}.accounts SET billing_contact = $2 WHERE account_id = $1",
                    Tuple.of(account, uuid(data, "toMemberId")));
            case "RoleChanged" -> one("UPDATE {rm}.members SET role = $3 WHERE account_id = $1 AND member_id = $2",
                    Tuple.of(account, uuid(data, "memberId"), text(data, "to")));
            // USR-6, SEAT-6: the member leaves with their seats and queue assignments.
            case "UserDeleted" -> List.of(
                    new Statement("DELETE FROM {rm}.member_seats WHERE account_id = $1 AND member_id = $2", Tuple.of(account, uuid(data, "memberId"))),
                    new Statement("DELETE FROM {rm}.queue_assignments WHERE account_id = $1 AND member_id = $2", Tuple.of(account, uuid(data, "memberId"))),
                    new Statement("DELETE FROM {rm}.agent_logins WHERE account_id = $1 AND member_id = $2", Tuple.of(account, uuid(data, "memberId"))),
                    new Statement("DELETE FROM {rm}.members WHERE account_id = $1 AND member_id = $2", Tuple.of(account, uuid(data, "memberId"))));
            case "SeatProvisioned" -> one("INSERT INTO {rm}.member_seats (account_id, member_id, module) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                    Tuple.of(account, uuid(data, "memberId"), text(data, "module")));
            case "SeatReleased" -> one("DELETE FROM {rm}.member_seats WHERE account_id = $1 AND member_id = $2 AND module = $3",
                    Tuple.of(account, uuid(data, "memberId"), text(data, "module")));
            // USR-13: the event's position orders the memberships of one login; the earliest is the one it acts as
            case "UserAdded" -> one("""
                    INSERT INTO {rm}.members (account_id, member_id, login_id, email, name, role, company_access, support_features, added_position)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING""",
                    Tuple.from(List.of(account, uuid(data, "memberId"), text(data, "loginId"), text(data, "email"), text(data, "name"),
                            text(data, "role"), object(data, "companyAccess"), array(data, "supportFeatures"), event.position())));
            case "UserProfileChanged" -> one("UPDATE {rm}.members SET name = $3, email = $4 WHERE account_id = $1 AND member_id = $2",
                    Tuple.of(account, uuid(data, "memberId"), text(data, "name"), text(data, "email")));
            case "AccountSettingsChanged" -> one("UPDATE {rm}.accounts SET settings = $2 WHERE account_id = $1", Tuple.of(account, object(data, "settings")));
            // Billing information decides no permission; the billing contact does (BillingContactChanged).
            case "BillingInfoChanged" -> List.of();
            case "UserGroupCreated", "UserGroupRenamed" -> group(account, data, "USER");
            case "DeviceGroupCreated", "DeviceGroupRenamed" -> group(account, data, "DEVICE");
            // CMP-3: members leave a deleted group, and its supervisors no longer supervise it.
            case "UserGroupDeleted" -> List.of(
                    new Statement("DELETE FROM {rm}.groups WHERE account_id = $1 AND group_id = $2", Tuple.of(account, uuid(data, "groupId"))),
                    new Statement("""
                            UPDATE {rm}.members SET user_groups = user_groups - $2, supervised_user_groups = supervised_user_groups - $2
                            WHERE account_id = $1 AND (user_groups ? $2 OR supervised_user_groups ? $2)""", Tuple.of(account, text(data, "groupId"))));
            // CMP-4: the devices of a deleted device group stay, in no group.
            case "DeviceGroupDeleted" -> List.of(
                    new Statement("DELETE FROM {rm}.groups WHERE account_id = $1 AND group_id = $2", Tuple.of(account, uuid(data, "groupId"))),
                    new Statement("UPDATE {rm}.devices SET device_group_id = NULL WHERE account_id = $1 AND device_group_id = $2",
                            Tuple.of(account, uuid(data, "groupId"))),
                    new Statement("""
                            UPDATE {rm}.members SET supervised_device_groups = supervised_device_groups - $2
                            WHERE account_id = $1 AND supervised_device_groups ? $2""", Tuple.of(account, text(data, "groupId"))));
            case "UserGroupsChanged" -> one("UPDATE {rm}.members SET user_groups = $3 WHERE account_id = $1 AND member_id = $2",
                    Tuple.of(account, uuid(data, "memberId"), array(data, "userGroups")));
            case "SupervisedGroupsChanged" -> one("""
                    UPDATE {rm}.members SET supervised_user_groups = $3, supervised_device_groups = $4 WHERE account_id = $1 AND member_id = $2""",
                    Tuple.of(account, uuid(data, "memberId"), array(data, "userGroups"), array(data, "deviceGroups")));
            case "DeviceAdded", "DeviceChanged" -> one("""
                    INSERT INTO {rm}.devices (account_id, device_id, name, company_id, device_group_id) VALUES ($1, $2, $3, $4, $5)
                    ON CONFLICT (account_id, device_id) DO UPDATE
                    SET name = excluded.name, company_id = excluded.company_id, device_group_id = excluded.device_group_id""",
                    Tuple.of(account, uuid(data, "deviceId"), text(data, "name"), uuid(data, "companyId"), nullableUuid(data, "deviceGroupId")));
            case "DeviceRemoved" -> one("DELETE FROM {rm}.devices WHERE account_id = $1 AND device_id = $2", Tuple.of(account, uuid(data, "deviceId")));
            case "SecurityPolicyDefined", "SecurityPolicyChanged" -> one("""
                    INSERT INTO {rm}.security_policies (account_id, policy_id, name, permissions, enabled) VALUES ($1, $2, $3, $4, true)
                    ON CONFLICT (account_id, policy_id) DO UPDATE SET name = excluded.name, permissions = excluded.permissions""",
                    Tuple.of(account, uuid(data, "policyId"), text(data, "name"), array(data, "permissions")));
            case "SecurityPolicyEnabled", "SecurityPolicyDisabled" ->
                one("UPDATE {rm}.security_policies SET enabled = $3 WHERE account_id = $1 AND policy_id = $2",
                        Tuple.of(account, uuid(data, "policyId"), event.type().equals("SecurityPolicyEnabled")));
            case "ContactCenterRoleAssigned" -> one("""
                    UPDATE {rm}.members SET contact_center_roles = contact_center_roles || to_jsonb($3::text)
                    WHERE account_id = $1 AND member_id = $2 AND NOT contact_center_roles ? $3""",
                    Tuple.of(account, uuid(data, "memberId"), text(data, "role")));
            case "ContactCenterRoleRevoked" ->
                one("UPDATE {rm}.members SET contact_center_roles = contact_center_roles - $3 WHERE account_id = $1 AND member_id = $2",
                        Tuple.of(account, uuid(data, "memberId"), text(data, "role")));
            case "QueueCreated" -> one("INSERT INTO {rm}.queues (account_id, queue_id, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                    Tuple.of(account, uuid(data, "queueId"), text(data, "name")));
            case "QueueAssignmentChanged" -> data.get("role").isNull()
                    ? one("DELETE FROM {rm}.queue_assignments WHERE account_id = $1 AND queue_id = $2 AND member_id = $3",
                            Tuple.of(account, uuid(data, "queueId"), uuid(data, "memberId")))
                    : one("""
                            INSERT INTO {rm}.queue_assignments (account_id, queue_id, member_id, role) VALUES ($1, $2, $3, $4)
                            ON CONFLICT (account_id, queue_id, member_id) DO UPDATE SET role = excluded.role""",
                            Tuple.of(account, uuid(data, "queueId"), uuid(data, "memberId"), text(data, "role")));
            case "ContactCenterRolePermissionsChanged" -> one("""
                    INSERT INTO {rm}.contact_center_roles (account_id, role, permissions) VALUES ($1, $2, $3)
                    ON CONFLICT (account_id, role) DO UPDATE SET permissions = excluded.permissions""",
                    Tuple.of(account, text(data, "role"), array(data, "permissions")));
            case "ContactCenterSettingsChanged" -> one("UPDATE {rm}.accounts SET restrict_unassigned_queue_login = $2 WHERE account_id = $1",
                    Tuple.of(account, data.get("restrictUnassignedQueueLogin").asBoolean()));
            case "CompanyAccessChanged" -> one("UPDATE {rm}.members SET company_access = $3 WHERE account_id = $1 AND member_id = $2",
                    Tuple.of(account, uuid(data, "memberId"), object(data, "companyAccess")));
            case "SupportFeaturesChanged" -> one("UPDATE {rm}.members SET support_features = $3 WHERE account_id = $1 AND member_id = $2",
                    Tuple.of(account, uuid(data, "memberId"), array(data, "supportFeatures")));
            case "CompanyAdded", "CompanyRenamed" -> one("""
                    INSERT INTO {rm}.companies (account_id, company_id, name) VALUES ($1, $2, $3)
                    ON CONFLICT (account_id, company_id) DO UPDATE SET name = excluded.name""",
                    Tuple.of(account, uuid(data, "companyId"), text(data, "name")));
            // CMP-2: the company leaves every access list with it; a list it empties reaches no company.
            case "CompanyRemoved" -> List.of(
                    new Statement("DELETE FROM {rm}.companies WHERE account_id = $1 AND company_id = $2", Tuple.of(account, uuid(data, "companyId"))),
                    new Statement("""
                            UPDATE {rm}.members SET company_access = jsonb_set(company_access, '{companies}', (company_access->'companies') - $2)
                            WHERE account_id = $1 AND company_access->'companies' ? $2""", Tuple.of(account, text(data, "companyId"))));
            case "SupportSessionStarted" -> one("""
                    INSERT INTO {rm}.sessions (account_id, session_id, kind, owner, co_organizers, company_id, device_id, ended, worked_by)
                    VALUES ($1, $2, 'SUPPORT', $3, '[]', $4, $5, false, $6) ON CONFLICT DO NOTHING""",
                    Tuple.of(account, uuid(data, "sessionId"), uuid(data, "ownerMemberId"), nullableUuid(data, "companyId"),
                            nullableUuid(data, "deviceId"), new JsonArray().add(text(data, "ownerMemberId"))));
            // REP-1: the technician who handed it over worked it, and keeps its report
            case "SupportSessionHandedOver" -> one("""
                    UPDATE {rm}.sessions SET owner = $3, worked_by = CASE WHEN worked_by ? $4 THEN worked_by ELSE worked_by || to_jsonb($4::text) END
                    WHERE account_id = $1 AND session_id = $2""",
                    Tuple.of(account, uuid(data, "sessionId"), uuid(data, "toMemberId"), text(data, "toMemberId")));
            case "SupportSessionEnded", "TrainingSessionEnded" -> one("UPDATE {rm}.sessions SET ended = true WHERE account_id = $1 AND session_id = $2",
                    Tuple.of(account, uuid(data, "sessionId")));
            case "TrainingSessionScheduled" -> one("""
                    INSERT INTO {rm}.sessions (account_id, session_id, kind, owner, co_organizers, company_id, device_id, ended)
                    VALUES ($1, $2, 'TRAINING', $3, $4, NULL, NULL, false) ON CONFLICT DO NOTHING""",
                    Tuple.of(account, uuid(data, "sessionId"), uuid(data, "organizerMemberId"), array(data, "coOrganizerMemberIds")));
            case "TrainingCoOrganizersChanged" -> one("UPDATE {rm}.sessions SET co_organizers = $3 WHERE account_id = $1 AND session_id = $2",
                    Tuple.of(account, uuid(data, "sessionId"), array(data, "coOrganizerMemberIds")));
            // CC-7: what the agent may do in the queue is fixed here, until they are logged out of it
            case "AgentLoggedIntoQueue" -> one("""
                    INSERT INTO {rm}.agent_logins (account_id, queue_id, member_id, permissions) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (account_id, queue_id, member_id) DO UPDATE SET permissions = excluded.permissions""",
                    Tuple.of(account, uuid(data, "queueId"), uuid(data, "agentMemberId"), array(data, "permissions")));
            case "AgentLoggedOutOfQueue" -> one("DELETE FROM {rm}.agent_logins WHERE account_id = $1 AND queue_id = $2 AND member_id = $3",
                    Tuple.of(account, uuid(data, "queueId"), uuid(data, "agentMemberId")));
            default -> {
                if (NOT_PROJECTED.contains(event.type())) {
                    yield List.of();
                }
                throw new UnknownEventException(event.type());
            }
        };
    }

    private static List<Statement> one(String sql, Tuple args) {
        return List.of(new Statement(sql, args));
    }

    private static List<Statement> group(UUID account, JsonNode data, String kind) {
        return one("""
                INSERT INTO {rm}.groups (account_id, group_id, kind, name) VALUES ($1, $2, $3, $4)
                ON CONFLICT (account_id, group_id) DO UPDATE SET name = excluded.name""",
                Tuple.of(account, uuid(data, "groupId"), kind, text(data, "name")));
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field " + field + " is missing or not text");
        }
        return value.asText();
    }

    private static UUID uuid(JsonNode data, String field) {
        return UUID.fromString(text(data, field));
    }

    private static UUID nullableUuid(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : uuid(data, field);
    }

    private static JsonObject object(JsonNode data, String field) {
        return new JsonObject(data.get(field).toString());
    }

    private static JsonArray array(JsonNode data, String field) {
        return new JsonArray(data.get(field).toString());
    }
}
