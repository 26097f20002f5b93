// Over 300 lines on purpose: the fold (Draft) stays in Account's nest, whose class files Snapshots.fingerprint hashes to tell a snapshot's fold.
package com.example.accounts.account.domain;

import com.example.accounts.account.domain.AccountEvent.AccountOpened;
import com.example.accounts.account.domain.AccountEvent.AccountSettingsChanged;
import com.example.accounts.account.domain.AccountEvent.BillingContactChanged;
import com.example.accounts.account.domain.AccountEvent.BillingInfoChanged;
import com.example.accounts.account.domain.AccountEvent.CompanyAccessChanged;
import com.example.accounts.account.domain.AccountEvent.CompanyAdded;
import com.example.accounts.account.domain.AccountEvent.CompanyRemoved;
import com.example.accounts.account.domain.AccountEvent.CompanyRenamed;
import com.example.accounts.account.domain.AccountEvent.ContactCenterRoleAssigned;
import com.example.accounts.account.domain.AccountEvent.ContactCenterRolePermissionsChanged;
import com.example.accounts.account.domain.AccountEvent.ContactCenterRoleRevoked;
import com.example.accounts.account.domain.AccountEvent.ContactCenterSettingsChanged;
import com.example.accounts.account.domain.AccountEvent.DeviceAdded;
import com.example.accounts.account.domain.AccountEvent.DeviceChanged;
import com.example.accounts.account.domain.AccountEvent.DeviceGroupCreated;
import com.example.accounts.account.domain.AccountEvent.DeviceGroupDeleted;
import com.example.accounts.account.domain.AccountEvent.DeviceGroupRenamed;
import com.example.accounts.account.domain.AccountEvent.DeviceRemoved;
import com.example.accounts.account.domain.AccountEvent.PlanChanged;
import com.example.accounts.account.domain.AccountEvent.QueueAssignmentChanged;
import com.example.accounts.account.domain.AccountEvent.QueueCreated;
import com.example.accounts.account.domain.AccountEvent.RoleChanged;
import com.example.accounts.account.domain.AccountEvent.SeatProvisioned;
import com.example.accounts.account.domain.AccountEvent.SeatReleased;
import com.example.accounts.account.domain.AccountEvent.SecurityPolicyChanged;
import com.example.accounts.account.domain.AccountEvent.SecurityPolicyDefined;
import com.example.accounts.account.domain.AccountEvent.SecurityPolicyDisabled;
import com.example.accounts.account.domain.AccountEvent.SecurityPolicyEnabled;
import com.example.accounts.account.domain.AccountEvent.SupervisedGroupsChanged;
import com.example.accounts.account.domain.AccountEvent.SupportFeaturesChanged;
import com.example.accounts.account.domain.AccountEvent.UserAdded;
import com.example.accounts.account.domain.AccountEvent.UserDeleted;
import com.example.accounts.account.domain.AccountEvent.UserGroupCreated;
import com.example.accounts.account.domain.AccountEvent.UserGroupDeleted;
import com.example.accounts.account.domain.AccountEvent.UserGroupRenamed;
import com.example.accounts.account.domain.AccountEvent.UserGroupsChanged;
import com.example.accounts.account.domain.AccountEvent.UserProfileChanged;
import com.example.accounts.account.domain.Vocabulary.BillingInfo;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.ContactCenter;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.Settings;
import com.example.accounts.contract.vocabulary.CcPermission;
import com.example.accounts.contract.vocabulary.CcRole;
import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.PolicyPermission;
import com.example.accounts.contract.vocabulary.QueueRole;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.SupportFeature;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An account's state, folded from its events. {@link #INITIAL} is the state of an account not opened yet.
 * {@code logins} holds, per login, its memberships of the account in the order they were added: USR-13 allows one,
 * but a history written before it was enforced may hold more, and then the login acts as the earliest one still a
 * member, never as whichever a hash map yields first.
 */
public record Account(UUID id, String name, Plan plan, UUID billingContact, BillingInfo billingInfo, Settings settings,
        Map<UUID, Member> members, Map<String, List<UUID>> logins, Map<UUID, Company> companies,
        Map<UUID, Group> userGroups, Map<UUID, Group> deviceGroups, Map<UUID, Device> devices,
        Map<UUID, SecurityPolicy> securityPolicies, Map<UUID, Queue> queues, ContactCenter contactCenter, long version) {

    public static final Account INITIAL = new Account(null, null, null, null, BillingInfo.NONE, Settings.DEFAULTS,
            Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), ContactCenter.DEFAULTS, 0);

    /**
     * A member. {@code userGroups} are the user groups they belong to; {@code supervisedUserGroups} and
     * {@code supervisedDeviceGroups} are the groups a limited admin was assigned (CMP-3).
     */
    public record Member(UUID memberId, String loginId, String name, String email, Role role, CompanyAccess companyAccess,
            Set<SupportFeature> supportFeatures, Set<Module> seats, Set<UUID> userGroups,
            Set<UUID> supervisedUserGroups, Set<UUID> supervisedDeviceGroups, Set<CcRole> contactCenterRoles) {
        public Member {
            supportFeatures = supportFeatures.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(supportFeatures));
            seats = seats.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(seats));
            userGroups = Set.copyOf(userGroups);
            supervisedUserGroups = Set.copyOf(supervisedUserGroups);
            supervisedDeviceGroups = Set.copyOf(supervisedDeviceGroups);
            contactCenterRoles = Set.copyOf(contactCenterRoles);
        }

        Member withProfile(String newName, String newEmail) {
            return new Member(memberId, loginId, newName, newEmail, role, companyAccess, supportFeatures, seats, userGroups,
                    supervisedUserGroups, supervisedDeviceGroups, contactCenterRoles);
        }

        Member withRole(Role newRole) {
            return new Member(memberId, loginId, name, email, newRole, companyAccess, supportFeatures, seats, userGroups,
                    supervisedUserGroups, supervisedDeviceGroups, contactCenterRoles);
        }

        Member withCompanyAccess(CompanyAccess access) {
            return new Member(memberId, loginId, name, email, role, access, supportFeatures, seats, userGroups,
                    supervisedUserGroups, supervisedDeviceGroups, contactCenterRoles);
        }

        Member withSupportFeatures(Set<SupportFeature> features) {
            return new Member(memberId, loginId, name, email, role, companyAccess, features, seats, userGroups,
                    supervisedUserGroups, supervisedDeviceGroups, contactCenterRoles);
        }

        Member withSeats(Set<Module> newSeats) {
            return new Member(memberId, loginId, name, email, role, companyAccess, supportFeatures, newSeats, userGroups,
                    supervisedUserGroups, supervisedDeviceGroups, contactCenterRoles);
        }

        Member withUserGroups(Set<UUID> groups) {
            return new Member(memberId, loginId, name, email, role, companyAccess, supportFeatures, seats, groups,
                    supervisedUserGroups, supervisedDeviceGroups, contactCenterRoles);
        }

        Member withSupervised(Set<UUID> users, Set<UUID> devices) {
            return new Member(memberId, loginId, name, email, role, companyAccess, supportFeatures, seats, userGroups, users, devices,
                    contactCenterRoles);
        }

        Member withContactCenterRoles(Set<CcRole> roles) {
            return new Member(memberId, loginId, name, email, role, companyAccess, supportFeatures, seats, userGroups,
                    supervisedUserGroups, supervisedDeviceGroups, roles);
        }
    }

    /** CMP-1: a customer organization the account serves. */
    public record Company(UUID companyId, String name) {
    }

    /** CMP-3: a user group or a device group. */
    public record Group(UUID groupId, String name) {
    }

    /** CMP-4: an unattended computer of one company, in at most one device group ({@code deviceGroupId} may be null). */
    public record Device(UUID deviceId, String name, UUID companyId, UUID deviceGroupId) {
    }

    /** INV-6: what an invited external technician may do; only enabled policies can be chosen for invites (INV-1). */
    public record SecurityPolicy(UUID policyId, String name, String description, Set<PolicyPermission> permissions, boolean enabled) {
        public SecurityPolicy {
            permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
        }
    }

    /** CC-1: a contact-center queue and who is assigned to it, as agent or supervisor. */
    public record Queue(UUID queueId, String name, Map<UUID, QueueRole> assignments) {
        public Queue {
            assignments = Map.copyOf(assignments);
        }
    }

    public boolean opened() {
        return id != null;
    }

    /** USR-13: the membership a login acts as: its only one, or with a legacy duplicate its earliest. */
    public Optional<Member> memberByLogin(String loginId) {
        List<UUID> memberships = loginId == null ? null : logins.get(loginId);
        return memberships == null ? Optional.empty() : Optional.ofNullable(members.get(memberships.get(0)));
    }

    public Optional<Member> memberByEmail(String email) {
        String wanted = email.toLowerCase(Locale.ROOT);
        return members.values().stream().filter(m -> m.email().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    public Optional<Company> companyByName(String companyName) {
        return byName(companies.values(), companyName, Company::name);
    }

    static <T> Optional<T> byName(java.util.Collection<T> items, String wanted, java.util.function.Function<T, String> name) {
        String lower = wanted.toLowerCase(Locale.ROOT);
        return items.stream().filter(item -> name.apply(item).toLowerCase(Locale.ROOT).equals(lower)).findFirst();
    }

    /**
     * ACC-1: a member holds a contact-center role given to them, and the account's only member holds every role.
     * The permission-service's read model decides the same; the licence and the plan are still asked apart.
     */
    public boolean holds(Member member, CcRole role) {
        return member.contactCenterRoles().contains(role) || members.size() == 1 && members.containsKey(member.memberId());
    }

    /**
     * CC-5: the queues a member sees. A supervisor (who is no full admin) with LIMIT_TO_ASSIGNED_QUEUES sees only
     * the queues it supervises; everyone else sees them all.
     */
    public List<Queue> visibleQueues(Member viewer) {
        boolean limited = viewer.role() != Role.ADMIN && holds(viewer, CcRole.SUPERVISOR)
                && contactCenter.supervisorPermissions().contains(CcPermission.LIMIT_TO_ASSIGNED_QUEUES);
        return queues.values().stream()
                .filter(q -> !limited || q.assignments().get(viewer.memberId()) == QueueRole.SUPERVISOR)
                .toList();
    }

    public long admins() {
        return members.values().stream().filter(m -> m.role() == Role.ADMIN).count();
    }

    public long seatsInUse(Module module) {
        return members.values().stream().filter(m -> m.seats().contains(module)).count();
    }

    public int seatsBought(Module module) {
        return plan.seats().stream().filter(s -> s.module() == module).mapToInt(Vocabulary.SeatCount::seats).findFirst().orElse(0);
    }

    public static Account evolve(Account state, AccountEvent event) {
        return evolveAll(state, List.of(event));
    }

    /** Folds events in one pass: each map is copied at most once, so a long stream is read in linear time. */
    public static Account evolveAll(Account state, List<? extends AccountEvent> events) {
        if (events.isEmpty()) {
            return state;
        }
        Draft next = new Draft(state);
        events.forEach(next::apply);
        return next.build();
    }

    static <T> Set<T> with(Set<T> items, T item) {
        Set<T> changed = new HashSet<>(items);
        changed.add(item);
        return changed;
    }

    static <T> Set<T> without(Set<T> items, T item) {
        Set<T> changed = new HashSet<>(items);
        changed.remove(item);
        return changed;
    }

    /** The next state while an event is folded in: a map is copied only when the event changes it. */
    private static final class Draft {
        private final Account from;
        private UUID id;
        private String name;
        private Plan plan;
        private UUID billingContact;
        private BillingInfo billingInfo;
        private Settings settings;
        private Map<UUID, Member> members;
        private Map<String, List<UUID>> logins;
        private Map<UUID, Company> companies;
        private Map<UUID, Group> userGroups;
        private Map<UUID, Group> deviceGroups;
        private Map<UUID, Device> devices;
        private Map<UUID, SecurityPolicy> securityPolicies;
        private Map<UUID, Queue> queues;
        private ContactCenter contactCenter;
        private long version;

        Draft(Account from) {
            this.from = from;
            id = from.id();
            name = from.name();
            plan = from.plan();
            billingContact = from.billingContact();
            billingInfo = from.billingInfo();
            settings = from.settings();
            contactCenter = from.contactCenter();
            version = from.version();
        }

        void apply(AccountEvent event) {
            switch (event) {
                case AccountOpened opened -> {
                    this.id = opened.accountId();
                    this.name = opened.name();
                    this.plan = opened.plan();
                    this.billingContact = opened.billingContactMemberId();
                }
                case UserAdded added -> {
                    this.members().put(added.memberId(), new Member(added.memberId(), added.loginId(), added.name(),
                            added.email(), added.role(), added.companyAccess(), Set.copyOf(added.supportFeatures()), Set.of(), Set.of(), Set.of(), Set.of(),
                            Set.of()));
                    this.logins().merge(added.loginId(), List.of(added.memberId()),
                            (earlier, later) -> Stream.concat(earlier.stream(), later.stream()).toList());
                }
                case RoleChanged changed -> this.member(changed.memberId(), m -> m.withRole(changed.to()));
                case CompanyAccessChanged changed -> this.member(changed.memberId(), m -> m.withCompanyAccess(changed.companyAccess()));
                case SupportFeaturesChanged changed -> this.member(changed.memberId(), m -> m.withSupportFeatures(Set.copyOf(changed.supportFeatures())));
                case UserProfileChanged changed -> this.member(changed.memberId(), m -> m.withProfile(changed.name(), changed.email()));
                case UserDeleted deleted -> {
                    Member gone = this.members().remove(deleted.memberId());
                    if (gone != null) {
                        this.logins().computeIfPresent(gone.loginId(), (login, memberships) -> {
                            List<UUID> rest = memberships.stream().filter(id -> !id.equals(gone.memberId())).toList();
                            return rest.isEmpty() ? null : rest;
                        });
                    }
                }
                case BillingContactChanged handed -> this.billingContact = handed.toMemberId();
                case PlanChanged changed -> this.plan = changed.plan();
                case BillingInfoChanged changed -> this.billingInfo = changed.billingInfo();
                case AccountSettingsChanged changed -> this.settings = changed.settings();
                case SeatProvisioned seat -> this.member(seat.memberId(), m -> m.withSeats(with(m.seats(), seat.module())));
                case SeatReleased seat -> this.member(seat.memberId(), m -> m.withSeats(without(m.seats(), seat.module())));
                case CompanyAdded added -> this.companies().put(added.companyId(), new Company(added.companyId(), added.name()));
                case CompanyRenamed renamed -> this.companies().put(renamed.companyId(), new Company(renamed.companyId(), renamed.name()));
                case CompanyRemoved removed -> {
                    this.companies().remove(removed.companyId());
                    // CMP-2: the company leaves every list; a list it empties reaches no company, never all.
                    this.everyMember(m -> m.companyAccess().companies().contains(removed.companyId())
                            ? m.withCompanyAccess(m.companyAccess().without(removed.companyId()))
                            : m);
                }
                case UserGroupCreated created -> this.userGroups().put(created.groupId(), new Group(created.groupId(), created.name()));
                case UserGroupRenamed renamed -> this.userGroups().put(renamed.groupId(), new Group(renamed.groupId(), renamed.name()));
                case UserGroupDeleted deleted -> {
                    this.userGroups().remove(deleted.groupId());
                    this.everyMember(m -> m.userGroups().contains(deleted.groupId()) || m.supervisedUserGroups().contains(deleted.groupId())
                            ? m.withUserGroups(without(m.userGroups(), deleted.groupId()))
                                    .withSupervised(without(m.supervisedUserGroups(), deleted.groupId()), m.supervisedDeviceGroups())
                            : m);
                }
                case DeviceGroupCreated created -> this.deviceGroups().put(created.groupId(), new Group(created.groupId(), created.name()));
                case DeviceGroupRenamed renamed -> this.deviceGroups().put(renamed.groupId(), new Group(renamed.groupId(), renamed.name()));
                case DeviceGroupDeleted deleted -> {
                    this.deviceGroups().remove(deleted.groupId());
                    this.everyMember(m -> m.supervisedDeviceGroups().contains(deleted.groupId())
                            ? m.withSupervised(m.supervisedUserGroups(), without(m.supervisedDeviceGroups(), deleted.groupId()))
                            : m);
                    // CMP-4: its devices stay, in no group.
                    this.devices()
                            .replaceAll((id, d) -> deleted.groupId().equals(d.deviceGroupId()) ? new Device(d.deviceId(), d.name(), d.companyId(), null) : d);
                }
                case UserGroupsChanged changed -> this.member(changed.memberId(), m -> m.withUserGroups(Set.copyOf(changed.userGroups())));
                case SupervisedGroupsChanged changed -> this.member(changed.memberId(),
                        m -> m.withSupervised(Set.copyOf(changed.userGroups()), Set.copyOf(changed.deviceGroups())));
                case DeviceAdded added ->
                    this.devices().put(added.deviceId(), new Device(added.deviceId(), added.name(), added.companyId(), added.deviceGroupId()));
                case DeviceChanged changed -> this.devices().put(changed.deviceId(),
                        new Device(changed.deviceId(), changed.name(), changed.companyId(), changed.deviceGroupId()));
                case DeviceRemoved removed -> this.devices().remove(removed.deviceId());
                case SecurityPolicyDefined defined -> this.securityPolicies().put(defined.policyId(), new SecurityPolicy(defined.policyId(),
                        defined.name(), defined.description(), Set.copyOf(defined.permissions()), true));
                case SecurityPolicyChanged changed -> this.securityPolicies().computeIfPresent(changed.policyId(), (id, p) -> new SecurityPolicy(id,
                        changed.name(), changed.description(), Set.copyOf(changed.permissions()), p.enabled()));
                case SecurityPolicyDisabled disabled -> this.securityPolicies().computeIfPresent(disabled.policyId(),
                        (id, p) -> new SecurityPolicy(id, p.name(), p.description(), p.permissions(), false));
                case SecurityPolicyEnabled enabled -> this.securityPolicies().computeIfPresent(enabled.policyId(),
                        (id, p) -> new SecurityPolicy(id, p.name(), p.description(), p.permissions(), true));
                case ContactCenterRoleAssigned assigned -> this.member(assigned.memberId(),
                        m -> m.withContactCenterRoles(with(m.contactCenterRoles(), assigned.role())));
                case ContactCenterRoleRevoked revoked -> this.member(revoked.memberId(),
                        m -> m.withContactCenterRoles(without(m.contactCenterRoles(), revoked.role())));
                case QueueCreated created -> this.queues().put(created.queueId(), new Queue(created.queueId(), created.name(), Map.of()));
                case QueueAssignmentChanged changed -> this.queues().computeIfPresent(changed.queueId(), (id, q) -> {
                    Map<UUID, QueueRole> assignments = new HashMap<>(q.assignments());
                    if (changed.role() == null) {
                        assignments.remove(changed.memberId());
                    } else {
                        assignments.put(changed.memberId(), changed.role());
                    }
                    return new Queue(id, q.name(), assignments);
                });
                case ContactCenterRolePermissionsChanged changed -> this.contactCenter = changed.role() == CcRole.SUPERVISOR
                        ? new ContactCenter(Set.copyOf(changed.permissions()), this.contactCenter.agentPermissions(),
                                this.contactCenter.restrictUnassignedQueueLogin())
                        : new ContactCenter(this.contactCenter.supervisorPermissions(), Set.copyOf(changed.permissions()),
                                this.contactCenter.restrictUnassignedQueueLogin());
                case ContactCenterSettingsChanged changed -> this.contactCenter = new ContactCenter(this.contactCenter.supervisorPermissions(),
                        this.contactCenter.agentPermissions(), changed.restrictUnassignedQueueLogin());
            }
            version++;
        }

        Map<UUID, Member> members() {
            return members == null ? members = new HashMap<>(from.members()) : members;
        }

        Map<String, List<UUID>> logins() {
            return logins == null ? logins = new HashMap<>(from.logins()) : logins;
        }

        Map<UUID, Company> companies() {
            return companies == null ? companies = new HashMap<>(from.companies()) : companies;
        }

        Map<UUID, Group> userGroups() {
            return userGroups == null ? userGroups = new HashMap<>(from.userGroups()) : userGroups;
        }

        Map<UUID, Group> deviceGroups() {
            return deviceGroups == null ? deviceGroups = new HashMap<>(from.deviceGroups()) : deviceGroups;
        }

        Map<UUID, Device> devices() {
            return devices == null ? devices = new HashMap<>(from.devices()) : devices;
        }

        Map<UUID, SecurityPolicy> securityPolicies() {
            return securityPolicies == null ? securityPolicies = new HashMap<>(from.securityPolicies()) : securityPolicies;
        }

        Map<UUID, Queue> queues() {
            return queues == null ? queues = new HashMap<>(from.queues()) : queues;
        }

        void member(UUID memberId, UnaryOperator<Member> change) {
            members().computeIfPresent(memberId, (key, member) -> change.apply(member));
        }

        void everyMember(UnaryOperator<Member> change) {
            members().replaceAll((key, member) -> change.apply(member));
        }

        Account build() {
            return new Account(id, name, plan, billingContact, billingInfo, settings,
                    members == null ? from.members() : Map.copyOf(members),
                    logins == null ? from.logins() : Map.copyOf(logins),
                    companies == null ? from.companies() : Map.copyOf(companies),
                    userGroups == null ? from.userGroups() : Map.copyOf(userGroups),
                    deviceGroups == null ? from.deviceGroups() : Map.copyOf(deviceGroups),
                    devices == null ? from.devices() : Map.copyOf(devices),
                    securityPolicies == null ? from.securityPolicies() : Map.copyOf(securityPolicies),
                    queues == null ? from.queues() : Map.copyOf(queues), contactCenter, version);
        }
    }
}
