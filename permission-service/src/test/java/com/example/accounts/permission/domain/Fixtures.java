package com.example.accounts.permission.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Accounts and members for the rules' tests, built field by field. */
final class Fixtures {

    private Fixtures() {
    }

    static final class MemberBuilder {
        private final UUID id = UUID.randomUUID();
        private final String role;
        private boolean billing;
        private Set<String> seats = Set.of();
        private Set<String> features = Set.of();
        private boolean allCompanies = true;
        private Set<UUID> companies = Set.of();
        private Set<UUID> groups = Set.of();
        private Set<UUID> supervisedUserGroups = Set.of();
        private Set<UUID> supervisedDeviceGroups = Set.of();
        private Set<String> cc = Set.of();

        MemberBuilder(String role) {
            this.role = role;
        }

        MemberBuilder billing() {
            billing = true;
            return this;
        }

        MemberBuilder seats(String... modules) {
            seats = Set.of(modules);
            return this;
        }

        MemberBuilder features(String... given) {
            features = Set.of(given);
            return this;
        }

        MemberBuilder companies(UUID... listed) {
            allCompanies = false;
            companies = Set.of(listed);
            return this;
        }

        MemberBuilder groups(UUID... userGroups) {
            groups = Set.of(userGroups);
            return this;
        }

        MemberBuilder supervises(Set<UUID> userGroups, Set<UUID> deviceGroups) {
            supervisedUserGroups = userGroups;
            supervisedDeviceGroups = deviceGroups;
            return this;
        }

        MemberBuilder contactCenter(String... roles) {
            cc = Set.of(roles);
            return this;
        }

        Member build() {
            return new Member(id, "login-" + id, role.toLowerCase(), role, billing, seats, features, allCompanies, companies, groups,
                    supervisedUserGroups, supervisedDeviceGroups, cc);
        }
    }

    static MemberBuilder a(String role) {
        return new MemberBuilder(role);
    }

    static final class AccountBuilder {
        private final Set<String> modules;
        private boolean coOrganizers = true;
        private boolean restrict;
        private final Map<UUID, Member> members = new HashMap<>();
        private final Set<UUID> companies = new HashSet<>();
        private final Map<UUID, AccountView.Device> devices = new HashMap<>();
        private final Set<UUID> queues = new HashSet<>();
        private final Map<UUID, Map<UUID, String>> assignments = new HashMap<>();
        private Set<String> supervisorPermissions = AccountView.DEFAULT_SUPERVISOR_PERMISSIONS;
        private Set<String> agentPermissions = Set.of();
        private final Map<UUID, Map<UUID, Set<String>>> logins = new HashMap<>();
        private final Map<UUID, AccountView.Policy> policies = new HashMap<>();
        private final Map<UUID, AccountView.Session> sessions = new HashMap<>();

        AccountBuilder(String... modules) {
            this.modules = Set.of(modules);
        }

        AccountBuilder with(Member... added) {
            for (Member member : added) {
                members.put(member.memberId(), member);
            }
            return this;
        }

        AccountBuilder company(UUID id) {
            companies.add(id);
            return this;
        }

        AccountBuilder device(UUID id, UUID company, UUID group) {
            devices.put(id, new AccountView.Device(id, company, group));
            return this;
        }

        AccountBuilder queue(UUID id) {
            queues.add(id);
            return this;
        }

        AccountBuilder assign(UUID queue, Member member, String role) {
            assignments.computeIfAbsent(queue, q -> new HashMap<>()).put(member.memberId(), role);
            return this;
        }

        AccountBuilder supervisorPermissions(String... permissions) {
            supervisorPermissions = Set.of(permissions);
            return this;
        }

        AccountBuilder agentPermissions(String... permissions) {
            agentPermissions = Set.of(permissions);
            return this;
        }

        /** CC-7: the member logged into the queue while the AGENT role had these permissions. */
        AccountBuilder loggedIn(UUID queue, Member agent, String... permissions) {
            logins.computeIfAbsent(queue, q -> new HashMap<>()).put(agent.memberId(), Set.of(permissions));
            return this;
        }

        AccountBuilder restrictUnassignedQueueLogin() {
            restrict = true;
            return this;
        }

        AccountBuilder coOrganizersOff() {
            coOrganizers = false;
            return this;
        }

        AccountBuilder policy(UUID id, boolean enabled) {
            policies.put(id, new AccountView.Policy(id, "Escalation", enabled, Set.of("VIEW_SCREEN", "CHAT")));
            return this;
        }

        AccountBuilder session(AccountView.Session session) {
            sessions.put(session.sessionId(), session);
            return this;
        }

        AccountView build() {
            return new AccountView(UUID.randomUUID(), "Acme", modules, true, coOrganizers, restrict, members, companies, devices, queues,
                    assignments, supervisorPermissions, agentPermissions, logins, policies, sessions, Map.of(), null);
        }
    }

    static AccountBuilder account(String... modules) {
        return new AccountBuilder(modules);
    }

    static boolean may(AccountView account, Member member, String permission) {
        return PermissionRules.decide(account, member, permission).allowed();
    }

    static boolean may(AccountView account, Member member, String permission, Resource.Kind kind, UUID id) {
        return PermissionRules.decide(account, member, permission, new Resource(kind, id)).allowed();
    }
}
