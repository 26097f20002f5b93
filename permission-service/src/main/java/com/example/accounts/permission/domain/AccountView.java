package com.example.accounts.permission.domain;

import com.example.accounts.contract.vocabulary.CcPermission;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One account as the read model has applied it, up to {@code positions} (per topic): everything a permission
 * depends on. Immutable; the checks of an account read one consistent view.
 *
 * @param supervisorPermissions CC-3's permissions of the SUPERVISOR role, {@code agentPermissions} CC-4's of AGENT
 * @param queueAssignments      queue id to member id to AGENT or SUPERVISOR (CC-1)
 * @param agentLogins           queue id to the agents logged into it, each with the AGENT permissions fixed at login (CC-7)
 * @param sessions              the sessions not ended, and the ended ones a question names ({@link #withSessions}): an account's
 *                              ended sessions only grow, so the view held in memory leaves them out
 * @param staleBecause          why an event of this account could not be applied (then checks refuse to answer), or null
 */
public record AccountView(UUID accountId, String name, Set<String> planModules, boolean serverInviteEmails, boolean coOrganizers,
        boolean restrictUnassignedQueueLogin, Map<UUID, Member> members, Set<UUID> companies,
        Map<UUID, Device> devices, Set<UUID> queues, Map<UUID, Map<UUID, String>> queueAssignments,
        Set<String> supervisorPermissions, Set<String> agentPermissions, Map<UUID, Map<UUID, Set<String>>> agentLogins,
        Map<UUID, Policy> securityPolicies,
        Map<UUID, Session> sessions, Map<String, Long> positions, String staleBecause) {

    public static final Set<String> DEFAULT_SUPERVISOR_PERMISSIONS = Set.of(CcPermission.LIMIT_TO_ASSIGNED_QUEUES.name(),
            CcPermission.VIEW_QUEUE_SETTINGS.name());

    /** CC-3, whatever an event said: VIEW_QUEUE_SETTINGS is always on, and a MANAGE_X brings its VIEW_X. */
    public static Set<String> supervisorPermissions(Set<String> stored) {
        Set<String> held = new java.util.HashSet<>(stored);
        held.add(CcPermission.VIEW_QUEUE_SETTINGS.name());
        stored.stream().filter(p -> p.startsWith("MANAGE_")).forEach(p -> held.add("VIEW_" + p.substring("MANAGE_".length())));
        return Set.copyOf(held);
    }

    public record Device(UUID deviceId, UUID companyId, UUID deviceGroupId) {
    }

    public record Policy(UUID policyId, String name, boolean enabled, Set<String> permissions) {
    }

    /**
     * A support or training session: {@code owner} is the support session's owner or the training's organizer;
     * {@code workedBy} every member who owned it at any time, before a hand-over too (REP-1), the owner included.
     */
    public record Session(UUID sessionId, String kind, UUID owner, Set<UUID> coOrganizers, UUID companyId, UUID deviceId, boolean ended,
            Set<UUID> workedBy) {
        public static final String SUPPORT = "SUPPORT";
        public static final String TRAINING = "TRAINING";

        public Session {
            coOrganizers = Set.copyOf(coOrganizers);
            Set<UUID> worked = new java.util.HashSet<>(workedBy);
            worked.add(owner);
            workedBy = Set.copyOf(worked);
        }

        /** A session only its owner ever worked. */
        public Session(UUID sessionId, String kind, UUID owner, Set<UUID> coOrganizers, UUID companyId, UUID deviceId, boolean ended) {
            this(sessionId, kind, owner, coOrganizers, companyId, deviceId, ended, Set.of(owner));
        }
    }

    public AccountView {
        planModules = Set.copyOf(planModules);
        members = Map.copyOf(members);
        companies = Set.copyOf(companies);
        devices = Map.copyOf(devices);
        queues = Set.copyOf(queues);
        queueAssignments = Map.copyOf(queueAssignments);
        supervisorPermissions = Set.copyOf(supervisorPermissions);
        agentPermissions = Set.copyOf(agentPermissions);
        agentLogins = Map.copyOf(agentLogins);
        securityPolicies = Map.copyOf(securityPolicies);
        sessions = Map.copyOf(sessions);
        positions = Map.copyOf(positions);
    }

    /** The same view with these sessions too (ended ones a check names, REP-1, SUP-5). */
    public AccountView withSessions(Map<UUID, Session> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<UUID, Session> all = new java.util.HashMap<>(sessions);
        all.putAll(more);
        return new AccountView(accountId, name, planModules, serverInviteEmails, coOrganizers, restrictUnassignedQueueLogin, members, companies,
                devices, queues, queueAssignments, supervisorPermissions, agentPermissions, agentLogins, securityPolicies, all, positions, staleBecause);
    }

    public Optional<Member> member(UUID memberId) {
        return Optional.ofNullable(members.get(memberId));
    }

    /** USR-13: the membership a login acts as, its earliest; a later duplicate membership of that login never. */
    public Optional<Member> memberByLogin(String loginId) {
        return members.values().stream().filter(m -> m.loginId().equals(loginId)).min(Member.ADDED_FIRST);
    }

    /** PRM-4: whether this view includes the account's event at {@code position} of {@code topic}. */
    public boolean covers(String topic, long position) {
        return positions.getOrDefault(topic, 0L) >= position;
    }

    /** CC-7: the AGENT permissions fixed when the member logged into the queue, empty while they are not logged into it. */
    public Optional<Set<String>> loginPermissions(UUID queueId, UUID memberId) {
        return Optional.ofNullable(agentLogins.getOrDefault(queueId, Map.of()).get(memberId));
    }

    public String queueRole(UUID queueId, UUID memberId) {
        return queueAssignments.getOrDefault(queueId, Map.of()).get(memberId);
    }
}
