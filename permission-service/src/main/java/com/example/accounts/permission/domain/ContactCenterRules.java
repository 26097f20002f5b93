package com.example.accounts.permission.domain;

import com.example.accounts.contract.vocabulary.CcPermission;
import com.example.accounts.contract.vocabulary.CcRole;
import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.QueueRole;
import com.example.accounts.contract.vocabulary.Role;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static com.example.accounts.permission.domain.Guards.missingResource;
import static com.example.accounts.permission.domain.Guards.seat;

/** The contact center: its administration, the SUPERVISOR and AGENT role permissions, queues and queue logins (CC-1 to CC-8, ACC-1). */
final class ContactCenterRules {

    private ContactCenterRules() {
    }

    static Decision admin(Ask a) {
        return Decision.allOf(seat(a, Module.CONTACT_CENTER), contactAdmin(a));
    }

    static Decision monitorCalls(Ask a) {
        return Decision.allOf(seat(a, Module.CONTACT_CENTER), supervises(a, "CC-5: supervisors listen, whisper and barge"));
    }

    static Decision superviseQueue(Ask a) {
        return Decision.allOf(seat(a, Module.CONTACT_CENTER), supervises(a, "CC-5"));
    }

    /** CC-1: full admins and contact admins administer the contact center. */
    private static Decision contactAdmin(Ask a) {
        if (a.member().accountRole() != Role.ADMIN) {
            return Decision.deny("role " + a.member().role() + ": contact-center administration is for full admins, CONTACT_ADMIN included (CC-1)",
                    "role ADMIN");
        }
        return ccRole(a, CcRole.CONTACT_ADMIN).allowed()
                ? Decision.allow("role ADMIN with contact-center role CONTACT_ADMIN (CC-1)")
                : Decision.allow("role ADMIN (CC-1: full admins administer the contact center)");
    }

    /** A contact-center role the member holds, or every one of them as the only member of the account (ACC-1). */
    private static Decision ccRole(Ask a, CcRole role) {
        if (a.member().contactCenterRoles().contains(role.name())) {
            return Decision.allow("contact-center role " + role);
        }
        return a.account().members().size() == 1 && a.account().members().containsKey(a.member().memberId())
                ? Decision.allow("the account's only member holds every role (ACC-1), " + role + " included")
                : Decision.deny("not a " + role, "contact-center role " + role);
    }

    /**
     * CC-2, CC-3, CC-5: a supervisor has what the SUPERVISOR role's permissions grant, on the queues it supervises when
     * the role is limited to assigned queues; contact admins configure everything (CC-1).
     */
    static Decision supervisorPermission(Ask a, CcPermission permission) {
        Decision supervisor;
        if (!ccRole(a, CcRole.SUPERVISOR).allowed()) {
            supervisor = Decision.deny("not a SUPERVISOR (CC-3)", "contact-center role SUPERVISOR with " + permission);
        } else if (!a.account().supervisorPermissions().contains(permission.name())) {
            supervisor = Decision.deny("the SUPERVISOR role's permissions do not include " + permission + " (CC-2, CC-3)",
                    "SUPERVISOR permission " + permission);
        } else {
            supervisor = Decision.allOf(Decision.allow("SUPERVISOR permission " + permission + " (CC-3)"), queueScope(a));
        }
        return Decision.allOf(seat(a, Module.CONTACT_CENTER), Decision.anyOf(contactAdminOn(a), supervisor));
    }

    /**
     * CC-1, CC-5: contact admins and full admins see every queue's analytics; a supervisor those of the queues it
     * reaches. Asked without a queue it is all of them, which a supervisor limited to assigned queues does not reach.
     */
    static Decision analytics(Ask a) {
        Decision supervisor;
        if (!ccRole(a, CcRole.SUPERVISOR).allowed()) {
            supervisor = Decision.deny("not a SUPERVISOR (CC-5)", "contact-center role SUPERVISOR");
        } else if (a.resource() == null && a.account().supervisorPermissions().contains(CcPermission.LIMIT_TO_ASSIGNED_QUEUES.name())) {
            supervisor = Decision.deny(
                    "a supervisor sees the analytics of the queues it supervises, not all of them, while LIMIT_TO_ASSIGNED_QUEUES is on (CC-5)",
                    "a queue resource it supervises");
        } else if (a.resource() == null) {
            supervisor = Decision.allow("a SUPERVISOR reaching every queue: LIMIT_TO_ASSIGNED_QUEUES is off (CC-5)");
        } else {
            supervisor = Decision.allOf(Decision.allow("contact-center role SUPERVISOR sees the analytics of the queues it reaches (CC-5)"), queueScope(a));
        }
        return Decision.allOf(seat(a, Module.CONTACT_CENTER), Decision.anyOf(contactAdminOn(a), supervisor));
    }

    private static Decision contactAdminOn(Ask a) {
        if (a.resource() != null && !a.account().queues().contains(a.resource().id())) {
            return missingResource(a.resource());
        }
        return contactAdmin(a);
    }

    /** CC-5: with LIMIT_TO_ASSIGNED_QUEUES a supervisor reaches only the queues it supervises; without it, all. */
    private static Decision queueScope(Ask a) {
        if (a.resource() == null) {
            return Decision.allow("no queue asked (CC-5)");
        }
        UUID queue = a.resource().id();
        if (!a.account().queues().contains(queue)) {
            return missingResource(a.resource());
        }
        if (!a.account().supervisorPermissions().contains(CcPermission.LIMIT_TO_ASSIGNED_QUEUES.name())) {
            return Decision.allow("supervisors reach every queue: LIMIT_TO_ASSIGNED_QUEUES is off (CC-5)");
        }
        return QueueRole.SUPERVISOR.name().equals(a.account().queueRole(queue, a.member().memberId()))
                ? Decision.allow("supervisor of queue " + queue + " (CC-5)")
                : Decision.deny("not a supervisor of queue " + queue + ", and LIMIT_TO_ASSIGNED_QUEUES is on (CC-5)",
                        "assignment to queue " + queue + " as SUPERVISOR");
    }

    private static Decision supervises(Ask a, String why) {
        return ccRole(a, CcRole.SUPERVISOR).allowed()
                ? Decision.allOf(Decision.allow("contact-center role SUPERVISOR (" + why + ")"), queueScope(a))
                : Decision.deny("not a SUPERVISOR (" + why + ")", "contact-center role SUPERVISOR");
    }

    /**
     * CC-2, CC-4: an agent has what the AGENT role's permissions grant. CC-7: in a queue they are logged into (asked
     * with it), what was fixed at that login, until they log out; a change of the role's permissions reaches them at
     * their next login. Elsewhere, and without a queue, the role's permissions now (what their next login fixes).
     */
    static Decision agentPermission(Ask a, CcPermission permission) {
        Decision agent;
        Optional<Set<String>> fixed = Optional.empty();
        if (a.resource() != null) {
            if (!a.account().queues().contains(a.resource().id())) {
                return Decision.allOf(seat(a, Module.CONTACT_CENTER), missingResource(a.resource()));
            }
            fixed = a.account().loginPermissions(a.resource().id(), a.member().memberId());
        }
        if (!ccRole(a, CcRole.AGENT).allowed()) {
            agent = Decision.deny("not an AGENT (CC-4)", "contact-center role AGENT with " + permission);
        } else if (fixed.isPresent()) {
            UUID queue = a.resource().id();
            agent = fixed.get().contains(permission.name())
                    ? Decision.allow("AGENT permission " + permission + " fixed at the login into queue " + queue + " (CC-7)")
                    : Decision.deny("AGENT permission " + permission + " was not the AGENT role's at the login into queue " + queue
                            + "; a change of the role's permissions reaches the agent at their next login (CC-7)",
                            "AGENT permission " + permission + " at the next login");
        } else {
            agent = a.account().agentPermissions().contains(permission.name())
                    ? Decision.allow("AGENT permission " + permission + " (CC-4)")
                    : Decision.deny("the AGENT role's permissions do not include " + permission + " (CC-2, CC-4: off by default)",
                            "AGENT permission " + permission);
        }
        return Decision.allOf(seat(a, Module.CONTACT_CENTER), agent);
    }

    /** CC-8: only AGENTs log into queues; CC-6: with RESTRICT_UNASSIGNED_QUEUE_LOGIN only into queues assigned to them. */
    static Decision queueLogin(Ask a) {
        Decision agent = ccRole(a, CcRole.AGENT).allowed()
                ? Decision.allow("contact-center role AGENT (CC-8)")
                : Decision.deny("not an AGENT: only agents log into queues (CC-8)", "contact-center role AGENT");
        Decision queue = Decision.allow("no queue asked (CC-6)");
        if (a.resource() != null) {
            UUID id = a.resource().id();
            if (!a.account().queues().contains(id)) {
                queue = missingResource(a.resource());
            } else if (!a.account().restrictUnassignedQueueLogin()) {
                queue = Decision.allow("RESTRICT_UNASSIGNED_QUEUE_LOGIN is off: any queue (CC-6)");
            } else if (QueueRole.AGENT.name().equals(a.account().queueRole(id, a.member().memberId()))) {
                queue = Decision.allow("assigned to queue " + id + " as AGENT (CC-6)");
            } else {
                queue = Decision.deny(
                        "not assigned to queue " + id + " and RESTRICT_UNASSIGNED_QUEUE_LOGIN is on (CC-6: a supervisor of the queue may log them in)",
                        "assignment to queue " + id + " as AGENT");
            }
        }
        return Decision.allOf(seat(a, Module.CONTACT_CENTER), agent, queue);
    }
}
