package com.example.accounts.account.domain;

import com.example.accounts.account.domain.Account.Member;
import com.example.accounts.account.domain.Account.Queue;
import com.example.accounts.account.domain.AccountCommand.AssignContactCenterRole;
import com.example.accounts.account.domain.AccountCommand.AssignQueue;
import com.example.accounts.account.domain.AccountCommand.ChangeContactCenterRolePermissions;
import com.example.accounts.account.domain.AccountCommand.ChangeContactCenterSettings;
import com.example.accounts.account.domain.AccountCommand.CreateQueue;
import com.example.accounts.account.domain.AccountCommand.RevokeContactCenterRole;
import com.example.accounts.account.domain.AccountEvent.ContactCenterRoleAssigned;
import com.example.accounts.account.domain.AccountEvent.ContactCenterRolePermissionsChanged;
import com.example.accounts.account.domain.AccountEvent.ContactCenterRoleRevoked;
import com.example.accounts.account.domain.AccountEvent.ContactCenterSettingsChanged;
import com.example.accounts.account.domain.AccountEvent.QueueAssignmentChanged;
import com.example.accounts.account.domain.AccountEvent.QueueCreated;
import com.example.accounts.contract.vocabulary.CcPermission;
import com.example.accounts.contract.vocabulary.CcRole;
import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.QueueRole;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.rules.Refusal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static com.example.accounts.account.domain.AccountGuards.actor;
import static com.example.accounts.account.domain.AccountGuards.found;
import static com.example.accounts.account.domain.AccountGuards.fullAdmin;
import static com.example.accounts.account.domain.AccountGuards.member;
import static com.example.accounts.account.domain.AccountGuards.name;

/** Contact-center roles, queues, role permissions and organization settings (CC-1 to CC-5). Pure. */
final class ContactCenterRules {

    /** CC-3: each MANAGE_X and the VIEW_X it needs. */
    private static final Map<CcPermission, CcPermission> VIEW_OF = Map.of(
            CcPermission.MANAGE_QUEUE_SETTINGS, CcPermission.VIEW_QUEUE_SETTINGS,
            CcPermission.MANAGE_BREAK_REASONS, CcPermission.VIEW_BREAK_REASONS,
            CcPermission.MANAGE_SKILLS, CcPermission.VIEW_SKILLS);

    private ContactCenterRules() {
    }

    /**
     * CC-1: full admins (every contact admin is one) administer the contact center, and like every part of the
     * module that needs it in the plan and their own licence (SEAT-3, SEAT-5), as the read model's cc.admin decides.
     */
    private static Member contactAdmin(Account state, String actorLoginId, String what) {
        Member actor = actor(state, actorLoginId);
        if (actor.role() != Role.ADMIN) {
            throw Refusal.forbidden(RuleId.CC_1, "only contact admins and full admins " + what + "; you are " + actor.role());
        }
        licensed(state, actor, what);
        return actor;
    }

    /** SEAT-5: a module not in the plan grants nothing; SEAT-3: without its seat, no part of it, admins included. */
    private static void licensed(Account state, Member actor, String what) {
        if (!state.plan().modules().contains(Module.CONTACT_CENTER)) {
            throw Refusal.invalid(RuleId.SEAT_5, null, "CONTACT_CENTER is not in the account's plan");
        }
        if (!actor.seats().contains(Module.CONTACT_CENTER)) {
            throw Refusal.forbidden(RuleId.SEAT_3, "you hold no CONTACT_CENTER licence, and without it nobody may " + what + ", admins included");
        }
    }

    static List<AccountEvent> assignRole(AssignContactCenterRole assign, Account state) {
        contactAdmin(state, assign.actorLoginId(), "assign contact-center roles");
        Member target = member(state, assign.memberId());
        if (assign.role() == null) {
            throw Refusal.invalid(RuleId.CC_1, "role", "must be one of " + List.of(CcRole.values()));
        }
        if (assign.role() == CcRole.CONTACT_ADMIN && target.role() != Role.ADMIN) {
            throw Refusal.invalid(RuleId.CC_1, "role", "CONTACT_ADMIN requires ADMIN; " + target.name() + " is " + target.role());
        }
        if (target.role() == Role.MONITORING_OBSERVER) {
            throw Refusal.invalid(RuleId.USR_11, "role", "monitoring observers hold no contact-center role");
        }
        return target.contactCenterRoles().contains(assign.role())
                ? List.of()
                : List.of(new ContactCenterRoleAssigned(target.memberId(), assign.role()));
    }

    static List<AccountEvent> revokeRole(RevokeContactCenterRole revoke, Account state) {
        contactAdmin(state, revoke.actorLoginId(), "revoke contact-center roles");
        Member target = member(state, revoke.memberId());
        return target.contactCenterRoles().contains(revoke.role()) ? revoked(state, target, revoke.role()) : List.of();
    }

    /** A role taken away, and with it the queue assignments it carried. */
    static List<AccountEvent> revoked(Account state, Member member, CcRole role) {
        List<AccountEvent> events = new ArrayList<>();
        QueueRole carried = role == CcRole.AGENT ? QueueRole.AGENT : role == CcRole.SUPERVISOR ? QueueRole.SUPERVISOR : null;
        if (carried != null) {
            state.queues().values().stream().filter(q -> q.assignments().get(member.memberId()) == carried).map(Queue::queueId).sorted()
                    .forEach(queue -> events.add(new QueueAssignmentChanged(queue, member.memberId(), null)));
        }
        events.add(new ContactCenterRoleRevoked(member.memberId(), role));
        return events;
    }

    /** USR-6: a deleted member leaves every queue. */
    static List<AccountEvent> leaveQueues(Account state, Member member) {
        return state.queues().values().stream().filter(q -> q.assignments().containsKey(member.memberId())).map(Queue::queueId).sorted()
                .<AccountEvent>map(queue -> new QueueAssignmentChanged(queue, member.memberId(), null)).toList();
    }

    static List<AccountEvent> createQueue(CreateQueue create, Account state) {
        contactAdmin(state, create.actorLoginId(), "configure queues");
        String name = name(RuleId.CC_1, "name", create.name());
        Account.byName(state.queues().values(), name, Queue::name).ifPresent(other -> {
            throw Refusal.conflict(RuleId.CC_1, "name", "a queue named '" + other.name() + "' exists already");
        });
        return List.of(new QueueCreated(create.queueId(), name));
    }

    /**
     * CC-1, CC-8: members are assigned as agent only with AGENT, as supervisor only with SUPERVISOR (the only member
     * holds both, ACC-1); null unassigns.
     */
    static List<AccountEvent> assignQueue(AssignQueue assign, Account state) {
        contactAdmin(state, assign.actorLoginId(), "assign members to queues");
        Queue queue = found(state.queues(), assign.queueId(), "queue");
        Member target = member(state, assign.memberId());
        if (assign.role() == QueueRole.AGENT && !state.holds(target, CcRole.AGENT)) {
            throw Refusal.invalid(RuleId.CC_8, "role", target.name() + " does not hold AGENT");
        }
        if (assign.role() == QueueRole.SUPERVISOR && !state.holds(target, CcRole.SUPERVISOR)) {
            throw Refusal.invalid(RuleId.CC_1, "role", target.name() + " does not hold SUPERVISOR");
        }
        return Objects.equals(queue.assignments().get(target.memberId()), assign.role())
                ? List.of()
                : List.of(new QueueAssignmentChanged(queue.queueId(), target.memberId(), assign.role()));
    }

    /** CC-2 to CC-4: permissions are set per role, whole; CC-3's view/manage pairs hold. */
    static List<AccountEvent> changeRolePermissions(ChangeContactCenterRolePermissions change, Account state) {
        contactAdmin(state, change.actorLoginId(), "configure role permissions");
        if (change.role() != CcRole.SUPERVISOR && change.role() != CcRole.AGENT) {
            throw Refusal.invalid(RuleId.CC_2, "role", "permissions are set for SUPERVISOR or AGENT");
        }
        if (change.permissions() == null || change.permissions().stream().anyMatch(Objects::isNull)) {
            throw Refusal.invalid(RuleId.CC_2, "permissions", "is required: a list of permissions of the role");
        }
        Set<CcPermission> asked = change.permissions().isEmpty() ? EnumSet.noneOf(CcPermission.class) : EnumSet.copyOf(change.permissions());
        for (CcPermission permission : asked) {
            if (permission.supervisor() != (change.role() == CcRole.SUPERVISOR)) {
                throw Refusal.invalid(change.role() == CcRole.SUPERVISOR ? RuleId.CC_3 : RuleId.CC_4, "permissions",
                        permission + " is not a permission of " + change.role());
            }
        }
        Set<CcPermission> current = change.role() == CcRole.SUPERVISOR
                ? state.contactCenter().supervisorPermissions()
                : state.contactCenter().agentPermissions();
        if (change.role() == CcRole.SUPERVISOR) {
            if (!asked.contains(CcPermission.VIEW_QUEUE_SETTINGS)) {
                throw Refusal.invalid(RuleId.CC_3, "permissions", "VIEW_QUEUE_SETTINGS cannot be turned off");
            }
            for (Map.Entry<CcPermission, CcPermission> pair : VIEW_OF.entrySet()) {
                if (asked.contains(pair.getKey()) && !asked.contains(pair.getValue())) {
                    if (current.contains(pair.getValue())) {
                        throw Refusal.invalid(RuleId.CC_3, "permissions", pair.getValue() + " cannot be turned off while " + pair.getKey() + " is on");
                    }
                    asked.add(pair.getValue()); // CC-3: turning MANAGE_X on turns VIEW_X on
                }
            }
        }
        return asked.equals(current) ? List.of() : List.of(new ContactCenterRolePermissionsChanged(change.role(), List.copyOf(asked)));
    }

    /** ACC-5, CC-6: contact-center organization settings are changed by full admins, with the module and its licence (CC-1). */
    static List<AccountEvent> changeSettings(ChangeContactCenterSettings change, Account state) {
        Member actor = actor(state, change.actorLoginId());
        fullAdmin(actor, RuleId.ACC_5, "change contact-center organization settings");
        licensed(state, actor, "change contact-center organization settings");
        return change.restrictUnassignedQueueLogin() == state.contactCenter().restrictUnassignedQueueLogin()
                ? List.of()
                : List.of(new ContactCenterSettingsChanged(change.restrictUnassignedQueueLogin()));
    }
}
