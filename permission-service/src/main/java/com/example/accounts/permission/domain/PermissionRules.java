package com.example.accounts.permission.domain;

import com.example.accounts.permission.domain.AccountView.Device;
import com.example.accounts.permission.domain.AccountView.Session;
import com.example.accounts.permission.domain.Resource.Kind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every permission of the rule book's "Permission names", decided for one member of one account view and an
 * optional resource (PRM-2), with the reasons. Pure: the same view, member and resource always give the same answer.
 */
public final class PermissionRules {

    /** What decides one permission: the account, the member asked about and the resource, if any. */
    private record Ask(AccountView account, Member member, Resource resource) {
    }

    private record Rule(Set<Kind> resources, java.util.function.Function<Ask, Decision> decide) {
    }

    private static final Set<String> NON_OBSERVERS = Set.of("ADMIN", "LIMITED_ADMIN", "STANDARD");
    private static final Set<String> FULL_ADMIN = Set.of("ADMIN");

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        // Account (TRN-7 rows, USR-1 to USR-11, CMP-1 to CMP-4, ACC-3 to ACC-5, INV-6)
        rule("account.view", Set.of(), a -> role(a.member, NON_OBSERVERS, "USR-10/USR-11: every member but observers views account data"));
        rule("account.settings.manage", Set.of(), a -> role(a.member, FULL_ADMIN, "ACC-5: full admins change account-wide settings"));
        rule("members.manage", Set.of(Kind.MEMBER), PermissionRules::membersManage);
        rule("seats.provision", Set.of(Kind.MEMBER), PermissionRules::seatsProvision);
        rule("groups.manage", Set.of(), a -> role(a.member, FULL_ADMIN, "CMP-3: full admins manage user and device groups"));
        rule("devices.manage", Set.of(Kind.DEVICE), PermissionRules::devicesManage);
        rule("companies.manage", Set.of(), a -> role(a.member, FULL_ADMIN, "CMP-1: full admins manage companies"));
        rule("security-policies.manage", Set.of(), a -> role(a.member, FULL_ADMIN, "INV-6: full admins manage security policies"));
        rule("reports.view", Set.of(Kind.SESSION), PermissionRules::reports);
        rule("subscription.change", Set.of(), a -> billingContact(a.member, "ACC-3: only the billing contact changes the plan"));
        rule("billing.change", Set.of(), a -> billingContact(a.member, "ACC-3: only the billing contact changes billing information"));
        rule("profile.manage-own", Set.of(), a -> Decision.allow("USR-5/USR-10: every member manages their own profile (role " + a.member.role() + ")"));
        // Modules (SEAT-3 to SEAT-5, TRN-1, USR-11)
        rule("module.remote-support", Set.of(), a -> seat(a, "REMOTE_SUPPORT"));
        rule("module.service-desk", Set.of(), a -> seat(a, "SERVICE_DESK"));
        rule("module.contact-center", Set.of(), a -> seat(a, "CONTACT_CENTER"));
        rule("module.monitoring", Set.of(), a -> inPlan(a, "MONITORING", "SEAT-4: MONITORING is open to every member, observers included, with no seat"));
        rule("module.training", Set.of(), PermissionRules::training);
        rule("monitoring.view", Set.of(Kind.COMPANY), a -> Decision.allOf(
                inPlan(a, "MONITORING", "SEAT-4/USR-11: Monitoring data, observers included, with no seat"), companyAccess(a, "USR-11")));
        // Support (SUP-1 to SUP-6, FEAT-1, INV-1)
        rule("support.session.host", Set.of(Kind.COMPANY), a -> a.resource == null
                ? Decision.allOf(seat(a, "REMOTE_SUPPORT"), Decision.allow("no company: a session for none (SUP-1)"))
                : Decision.allOf(seat(a, "REMOTE_SUPPORT"), companyAccess(a, "SUP-1")));
        rule("support.unattended", Set.of(Kind.DEVICE), PermissionRules::unattended);
        rule("support.file-transfer", Set.of(Kind.SESSION), a -> inSession(a, "FILE_TRANSFER"));
        rule("support.remote-control", Set.of(Kind.SESSION), a -> inSession(a, "REMOTE_CONTROL"));
        rule("support.invite-external", Set.of(Kind.SESSION), PermissionRules::inviteExternal);
        // Training (TRN-1 to TRN-3)
        rule("training.session.schedule", Set.of(), PermissionRules::training);
        rule("training.session.host", Set.of(Kind.SESSION), PermissionRules::trainingHost);
        // Contact center (CC-1 to CC-8)
        rule("cc.admin", Set.of(), a -> Decision.allOf(seat(a, "CONTACT_CENTER"), contactAdmin(a)));
        rule("cc.analytics.view", Set.of(Kind.QUEUE), PermissionRules::analytics);
        rule("cc.config-portal", Set.of(), a -> supervisorPermission(a, "CONFIG_PORTAL_ACCESS"));
        rule("cc.queue-settings.view", Set.of(Kind.QUEUE), a -> supervisorPermission(a, "VIEW_QUEUE_SETTINGS"));
        rule("cc.queue-settings.manage", Set.of(Kind.QUEUE), a -> supervisorPermission(a, "MANAGE_QUEUE_SETTINGS"));
        rule("cc.break-reasons.view", Set.of(Kind.QUEUE), a -> supervisorPermission(a, "VIEW_BREAK_REASONS"));
        rule("cc.break-reasons.manage", Set.of(Kind.QUEUE), a -> supervisorPermission(a, "MANAGE_BREAK_REASONS"));
        rule("cc.skills.view", Set.of(Kind.QUEUE), a -> supervisorPermission(a, "VIEW_SKILLS"));
        rule("cc.skills.manage", Set.of(Kind.QUEUE), a -> supervisorPermission(a, "MANAGE_SKILLS"));
        rule("cc.prerecorded-messages.manage", Set.of(Kind.QUEUE), a -> agentPermission(a, "MANAGE_PRERECORDED_MESSAGES"));
        rule("cc.canned-messages.manage", Set.of(Kind.QUEUE), a -> agentPermission(a, "MANAGE_PUBLIC_CANNED_MESSAGES"));
        rule("cc.labels.create", Set.of(Kind.QUEUE), a -> agentPermission(a, "CREATE_CUSTOM_LABELS"));
        rule("cc.calls.monitor", Set.of(Kind.QUEUE), a -> Decision.allOf(seat(a, "CONTACT_CENTER"), supervises(a, "CC-5: supervisors listen, whisper and barge")));
        rule("cc.queue.supervise", Set.of(Kind.QUEUE), a -> Decision.allOf(seat(a, "CONTACT_CENTER"), supervises(a, "CC-5")));
        rule("cc.queue.login", Set.of(Kind.QUEUE), PermissionRules::queueLogin);
    }

    private PermissionRules() {
    }

    private static void rule(String permission, Set<Kind> resources, java.util.function.Function<Ask, Decision> decide) {
        RULES.put(permission, new Rule(Set.copyOf(resources), decide));
    }

    /** Every permission name, in the rule book's order. */
    public static List<String> permissions() {
        return List.copyOf(RULES.keySet());
    }

    public static boolean known(String permission) {
        return RULES.containsKey(permission);
    }

    /** The kinds of resource a permission may be asked about (PRM-2); asked without one, it is decided account-wide. */
    public static Set<Kind> resourceKinds(String permission) {
        return rule(permission).resources();
    }

    /** Why a permission cannot be asked about a resource of this kind, or empty when it can. */
    public static Optional<String> resourceProblem(String permission, Kind kind) {
        Set<Kind> taken = rule(permission).resources();
        return taken.contains(kind) ? Optional.empty() : Optional.of(permission + " is not decided per " + kind.label()
                + (taken.isEmpty() ? "; ask it without a resource" : "; it takes " + taken.stream().map(Kind::label).sorted().toList()));
    }

    public static Decision decide(AccountView account, Member member, String permission, Resource resource) {
        if (resource != null) {
            resourceProblem(permission, resource.kind()).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
        }
        return rule(permission).decide().apply(new Ask(account, member, resource));
    }

    public static Decision decide(AccountView account, Member member, String permission) {
        return decide(account, member, permission, null);
    }

    /**
     * A permission a member holds (PRM-3): {@code accountWide} when it is allowed without a resource and on every
     * resource of the kinds it takes; else {@code withoutResource} says whether it is allowed when no resource is
     * named (hosting a session for no company, say) and {@code resources} lists the resources it is allowed on.
     */
    public record Effective(String permission, boolean accountWide, boolean withoutResource, List<Resource> resources) {
    }

    /** PRM-3: every permission the member holds, and where. */
    public static List<Effective> effective(AccountView account, Member member) {
        List<Effective> held = new ArrayList<>();
        for (var entry : RULES.entrySet()) {
            String permission = entry.getKey();
            boolean withoutResource = decide(account, member, permission).allowed();
            List<Resource> allowed = new ArrayList<>();
            boolean everywhere = true;
            for (Kind kind : entry.getValue().resources()) {
                for (UUID id : resourceIds(account, kind)) {
                    if (kind == Kind.MEMBER && id.equals(member.memberId())) {
                        continue; // one's own membership is profile.manage-own (USR-5, USR-8)
                    }
                    Resource resource = new Resource(kind, id);
                    if (decide(account, member, permission, resource).allowed()) {
                        allowed.add(resource);
                    } else {
                        everywhere = false;
                    }
                }
            }
            if (withoutResource && everywhere) {
                held.add(new Effective(permission, true, true, List.of()));
            } else if (withoutResource || !allowed.isEmpty()) {
                held.add(new Effective(permission, false, withoutResource, allowed));
            }
        }
        return held;
    }

    private static List<UUID> resourceIds(AccountView account, Kind kind) {
        var ids = switch (kind) {
            case COMPANY -> account.companies();
            case DEVICE -> account.devices().keySet();
            case QUEUE -> account.queues();
            case SESSION -> account.sessions().keySet();
            case MEMBER -> account.members().keySet();
        };
        return ids.stream().sorted(Comparator.comparing(UUID::toString)).toList();
    }

    private static Rule rule(String permission) {
        Rule rule = RULES.get(permission);
        if (rule == null) {
            throw new IllegalArgumentException("unknown permission " + permission);
        }
        return rule;
    }

    // --- account roles ------------------------------------------------------------------------------------------

    private static Decision role(Member member, Set<String> roles, String rule) {
        return roles.contains(member.role())
                ? Decision.allow("role " + member.role() + " (" + rule + ")")
                : Decision.deny("role " + member.role() + " does not grant it (" + rule + ")", "role " + String.join(" or ", roles.stream().sorted().toList()));
    }

    private static Decision billingContact(Member member, String rule) {
        return member.billingContact()
                ? Decision.allow("billing contact (" + rule + ")")
                : Decision.deny("not the billing contact (" + rule + ")", "the billing contact flag");
    }

    /** USR-8: nobody changes their own role or deletes themselves; their own profile is profile.manage-own. */
    private static Decision membersManage(Ask a) {
        if (a.resource != null && a.resource.id().equals(a.member.memberId())) {
            return Decision.deny("nobody changes their own role or deletes themselves (USR-8)", "another member");
        }
        // an old history's second membership of the same login is the same person (USR-13)
        if (a.resource != null && a.account.member(a.resource.id()).filter(m -> m.loginId().equals(a.member.loginId())).isPresent()) {
            return Decision.deny("member " + a.resource.id() + " is another membership of the same login: nobody manages their own (USR-8, USR-13)",
                    "another member");
        }
        return scopedToUserGroups(a, "USR-1/USR-4: full admins add and manage members");
    }

    /** SEAT-1: observers never hold seats. */
    private static Decision seatsProvision(Ask a) {
        Optional<Member> target = a.resource == null ? Optional.empty() : a.account.member(a.resource.id());
        if (target.isPresent() && target.get().role().equals("MONITORING_OBSERVER")) {
            return Decision.deny("member " + target.get().memberId() + " is a MONITORING_OBSERVER, who holds no seat (SEAT-1)",
                    "a member of role ADMIN, LIMITED_ADMIN or STANDARD");
        }
        return scopedToUserGroups(a, "USR-4: full admins provision seats");
    }

    /** USR-4: full admins for every member; a limited admin for the non-admin members of the user groups it supervises. */
    private static Decision scopedToUserGroups(Ask a, String rule) {
        Optional<Member> target = Optional.empty();
        if (a.resource != null) {
            target = a.account.member(a.resource.id());
            if (target.isEmpty()) {
                return missingResource(a.resource);
            }
        }
        if (a.member.role().equals("ADMIN")) {
            return Decision.allow("role ADMIN (" + rule + ")");
        }
        if (!a.member.role().equals("LIMITED_ADMIN")) {
            return role(a.member, FULL_ADMIN, rule);
        }
        if (target.isEmpty()) {
            return Decision.deny("role LIMITED_ADMIN is limited to the non-admin members of the user groups it supervises (USR-4)",
                    "role ADMIN, or a member resource in a user group it supervises");
        }
        Member subject = target.get();
        if (subject.admin()) {
            return Decision.deny("member " + subject.memberId() + " is " + subject.role() + "; a limited admin manages non-admin members only (USR-4)",
                    "role ADMIN");
        }
        Optional<UUID> shared = subject.userGroups().stream().filter(a.member.supervisedUserGroups()::contains).sorted().findFirst();
        return shared.map(group -> Decision.allow("role LIMITED_ADMIN supervising user group " + group + " of member " + subject.memberId() + " (USR-4)"))
                .orElseGet(() -> Decision.deny("member " + subject.memberId() + " is in no user group this limited admin supervises (USR-4)",
                        "supervision of a user group of member " + subject.memberId()));
    }

    /**
     * CMP-4: full admins manage every device; limited admins those of the device groups they supervise. Asked without
     * a device, it is adding one: the account-service lets a limited admin add a device to a device group it
     * supervises, so one that supervises any device group may.
     */
    private static Decision devicesManage(Ask a) {
        Device device = null;
        if (a.resource != null) {
            device = a.account.devices().get(a.resource.id());
            if (device == null) {
                return missingResource(a.resource);
            }
        }
        if (a.member.role().equals("ADMIN")) {
            return Decision.allow("role ADMIN (CMP-4: full admins manage devices)");
        }
        if (!a.member.role().equals("LIMITED_ADMIN")) {
            return role(a.member, FULL_ADMIN, "CMP-4: full admins and supervising limited admins manage devices");
        }
        if (device == null) {
            return a.member.supervisedDeviceGroups().stream().sorted().findFirst()
                    .map(group -> Decision.allow("role LIMITED_ADMIN supervising device group " + group
                            + ": adds devices to the device groups it supervises (CMP-4)"))
                    .orElseGet(() -> Decision.deny("role LIMITED_ADMIN supervising no device group adds and manages no device (CMP-4)",
                            "role ADMIN, or supervision of a device group"));
        }
        return device.deviceGroupId() != null && a.member.supervisedDeviceGroups().contains(device.deviceGroupId())
                ? Decision.allow("role LIMITED_ADMIN supervising device group " + device.deviceGroupId() + " (CMP-4)")
                : Decision.deny("device " + device.deviceId() + " is in no device group this limited admin supervises (CMP-4)",
                "supervision of the device's group");
    }

    /**
     * REP-1: account reports are the full admins' (account-wide, any session); a technician sees the reports of the
     * support sessions they worked (owned at any time, before a hand-over too), a limited admin those of its groups
     * (worked by a member of a user group it supervises, or to a device of a device group it supervises); observers
     * none. TRN-3: of a training, the organizer, never a co-organizer. The session's module must be in the plan
     * (SEAT-5), and whoever is not a full admin also needs the module's part (the REMOTE_SUPPORT seat, or TRN-1).
     */
    private static Decision reports(Ask a) {
        if (a.member.role().equals("MONITORING_OBSERVER")) {
            return role(a.member, NON_OBSERVERS, "REP-1/USR-11: observers see no reports");
        }
        if (a.resource == null) {
            return role(a.member, FULL_ADMIN, "REP-1: account reports are the full admins'; others ask about a session they may see");
        }
        Session session = a.account.sessions().get(a.resource.id());
        if (session == null) {
            return missingResource(a.resource);
        }
        boolean training = session.kind().equals(Session.TRAINING);
        Decision module = inPlan(a, training ? "TRAINING" : "REMOTE_SUPPORT", "REP-1");
        if (a.member.role().equals("ADMIN")) {
            return Decision.allOf(module, Decision.allow("role ADMIN (REP-1: account reports are the full admins')"));
        }
        Decision part = training ? training(a) : seat(a, "REMOTE_SUPPORT");
        Set<UUID> worked = training ? Set.of(session.owner()) : session.workedBy();
        String who = training ? "the organizer of training session " : "a technician who worked support session ";
        if (worked.contains(a.member.memberId())) {
            return Decision.allOf(module, part, Decision.allow(who + session.sessionId() + (training ? " (TRN-3)" : " (REP-1)")));
        }
        if (a.member.role().equals("LIMITED_ADMIN")) {
            Optional<UUID> group = worked.stream().map(a.account::member).flatMap(Optional::stream)
                    .flatMap(m -> m.userGroups().stream()).filter(a.member.supervisedUserGroups()::contains).sorted().findFirst();
            if (group.isPresent()) {
                return Decision.allOf(module, part, Decision.allow("role LIMITED_ADMIN supervising user group " + group.get()
                        + " of a member who worked session " + session.sessionId() + " (REP-1)"));
            }
            Device device = session.deviceId() == null ? null : a.account.devices().get(session.deviceId());
            if (device != null && device.deviceGroupId() != null && a.member.supervisedDeviceGroups().contains(device.deviceGroupId())) {
                return Decision.allOf(module, part, Decision.allow("role LIMITED_ADMIN supervising device group " + device.deviceGroupId()
                        + " of the session's device (REP-1)"));
            }
            return Decision.allOf(module, part, Decision.deny("session " + session.sessionId()
                    + " was worked by no member of the groups this limited admin supervises, nor to a device of them (REP-1)",
                    "a session of its groups"));
        }
        return Decision.allOf(module, part, training
                ? Decision.deny("not the organizer of training session " + session.sessionId() + " (TRN-3: only the organizer has the after-session features)",
                "being the session's organizer")
                : Decision.deny("never worked support session " + session.sessionId() + " (REP-1: a technician sees the sessions they worked)",
                "having worked the session"));
    }

    // --- modules, seats and features ----------------------------------------------------------------------------

    private static Decision inPlan(Ask a, String module, String rule) {
        return a.account.planModules().contains(module)
                ? Decision.allow(module + " in the plan (" + rule + ")")
                : Decision.deny(module + " is not in the plan (SEAT-5: a module not in the plan grants nothing)", module + " in the plan");
    }

    /** SEAT-3, SEAT-5: a seat-bearing module needs the module in the plan and its seat, admins included. */
    private static Decision seat(Ask a, String module) {
        if (a.member.role().equals("MONITORING_OBSERVER")) {
            return Decision.allOf(inPlan(a, module, "SEAT-5"), Decision.deny("observers hold no seat (SEAT-1, USR-11)", "a role that holds seats"));
        }
        Decision seat = a.member.seats().contains(module)
                ? Decision.allow("a " + module + " seat (SEAT-3)")
                : Decision.deny("no " + module + " seat (SEAT-3: without the module's seat no part of it, admins included)", "a " + module + " seat");
        return Decision.allOf(inPlan(a, module, "SEAT-5"), seat);
    }

    /** TRN-1: full and limited admins and standard members of an account with TRAINING schedule and host; observers never. */
    private static Decision training(Ask a) {
        return Decision.allOf(inPlan(a, "TRAINING", "TRN-1"),
                role(a.member, NON_OBSERVERS, "TRN-1: ADMIN, LIMITED_ADMIN and STANDARD members organize; observers never"));
    }

    /** FEAT-1, USR-3: admins have every support feature; others those they were given. */
    private static Decision feature(Member member, String feature) {
        if (member.admin()) {
            return Decision.allow("role " + member.role() + " has every support feature (USR-3)");
        }
        return member.supportFeatures().contains(feature)
                ? Decision.allow(feature + " given (FEAT-1)")
                : Decision.deny(feature + " not given (FEAT-1)", "the " + feature + " support feature");
    }

    /** CMP-2, USR-3: admins reach every company; others ALL or the companies listed, an empty list none. */
    private static Decision companyAccess(Ask a, String rule) {
        if (a.resource == null) {
            if (!a.member.admin() && !a.member.allCompanies() && a.member.companies().isEmpty()) {
                return Decision.deny("company access lists no company (CMP-2: an empty list reaches none)", "access to a company");
            }
            return Decision.allow("no company asked (" + rule + ")");
        }
        return companyAccess(a.account, a.member, a.resource.id(), rule);
    }

    private static Decision companyAccess(AccountView account, Member member, UUID companyId, String rule) {
        if (!account.companies().contains(companyId)) {
            return missingResource(new Resource(Kind.COMPANY, companyId));
        }
        if (member.admin()) {
            return Decision.allow("role " + member.role() + " reaches every company (USR-3)");
        }
        if (member.allCompanies()) {
            return Decision.allow("company access ALL (" + rule + ")");
        }
        return member.companies().contains(companyId)
                ? Decision.allow("company access lists company " + companyId + " (" + rule + ")")
                : Decision.deny("company access does not list company " + companyId + " (CMP-2, " + rule + ")", "access to company " + companyId);
    }

    private static Decision missingResource(Resource resource) {
        return Decision.deny("no " + resource + " in this account", "an existing " + resource.kind().label());
    }

    /** SUP-3: an unattended session needs the seat, UNATTENDED_ACCESS and access to the device's company. */
    private static Decision unattended(Ask a) {
        Decision base = Decision.allOf(seat(a, "REMOTE_SUPPORT"), feature(a.member, "UNATTENDED_ACCESS"));
        if (a.resource == null) {
            return base;
        }
        Device device = a.account.devices().get(a.resource.id());
        if (device == null) {
            return missingResource(a.resource);
        }
        return Decision.allOf(base, companyAccess(a.account, a.member, device.companyId(), "SUP-3: the device's company"));
    }

    /** SUP-4: remote control and file transfer need the seat and the feature; in a session, being its technician. */
    private static Decision inSession(Ask a, String feature) {
        Decision base = Decision.allOf(seat(a, "REMOTE_SUPPORT"), feature(a.member, feature));
        return a.resource == null ? base : Decision.allOf(base, technicianOf(a));
    }

    private static Decision technicianOf(Ask a) {
        Session session = a.account.sessions().get(a.resource.id());
        if (session == null || !session.kind().equals(Session.SUPPORT)) {
            return missingResource(a.resource);
        }
        if (session.ended()) {
            return Decision.deny("support session " + session.sessionId() + " has ended (SUP-5)", "an active session");
        }
        return session.owner().equals(a.member.memberId())
                ? Decision.allow("the technician of support session " + session.sessionId() + " (SUP-4)")
                : Decision.deny("not the technician of support session " + session.sessionId() + " (SUP-4, SUP-6)", "owning the session");
    }

    /** INV-1: a technician in an active session invites, under a security policy enabled for invites. */
    private static Decision inviteExternal(Ask a) {
        Decision policy = a.account.securityPolicies().values().stream().anyMatch(AccountView.Policy::enabled)
                ? Decision.allow("a security policy is enabled for invites (INV-1)")
                : Decision.deny("no security policy of the account is enabled for invites (INV-1)", "a security policy enabled for invites");
        Decision base = Decision.allOf(seat(a, "REMOTE_SUPPORT"), policy);
        return a.resource == null ? base : Decision.allOf(base, technicianOf(a));
    }

    /** TRN-2, TRN-3: the organizer, and co-organizers unless the account turned them off, host a session not ended. */
    private static Decision trainingHost(Ask a) {
        Decision base = training(a);
        if (a.resource == null) {
            return base;
        }
        Session session = a.account.sessions().get(a.resource.id());
        if (session == null || !session.kind().equals(Session.TRAINING)) {
            return Decision.allOf(base, missingResource(a.resource));
        }
        if (session.ended()) {
            return Decision.allOf(base, Decision.deny("training session " + session.sessionId() + " has ended", "a session not ended"));
        }
        if (session.owner().equals(a.member.memberId())) {
            return Decision.allOf(base, Decision.allow("the session's organizer (TRN-3)"));
        }
        if (session.coOrganizers().contains(a.member.memberId())) {
            return Decision.allOf(base, a.account.coOrganizers()
                    ? Decision.allow("a co-organizer of the session (TRN-2, TRN-3)")
                    : Decision.deny("a co-organizer, but the account turned co-organizers off (TRN-2)", "the account setting coOrganizers"));
        }
        return Decision.allOf(base, Decision.deny("neither organizer nor co-organizer of the session (TRN-3)", "being its organizer or a co-organizer"));
    }

    // --- contact center -----------------------------------------------------------------------------------------

    /** CC-1: full admins and contact admins administer the contact center. */
    private static Decision contactAdmin(Ask a) {
        if (!a.member.role().equals("ADMIN")) {
            return Decision.deny("role " + a.member.role() + ": contact-center administration is for full admins, CONTACT_ADMIN included (CC-1)",
                    "role ADMIN");
        }
        return ccRole(a, "CONTACT_ADMIN").allowed()
                ? Decision.allow("role ADMIN with contact-center role CONTACT_ADMIN (CC-1)")
                : Decision.allow("role ADMIN (CC-1: full admins administer the contact center)");
    }

    /** A contact-center role the member holds, or every one of them as the only member of the account (ACC-1). */
    private static Decision ccRole(Ask a, String role) {
        if (a.member.contactCenterRoles().contains(role)) {
            return Decision.allow("contact-center role " + role);
        }
        return a.account.members().size() == 1 && a.account.members().containsKey(a.member.memberId())
                ? Decision.allow("the account's only member holds every role (ACC-1), " + role + " included")
                : Decision.deny("not a " + role, "contact-center role " + role);
    }

    /**
     * CC-2, CC-3, CC-5: a supervisor has what the SUPERVISOR role's permissions grant, on the queues it supervises when
     * the role is limited to assigned queues; contact admins configure everything (CC-1).
     */
    private static Decision supervisorPermission(Ask a, String permission) {
        Decision supervisor;
        if (!ccRole(a, "SUPERVISOR").allowed()) {
            supervisor = Decision.deny("not a SUPERVISOR (CC-3)", "contact-center role SUPERVISOR with " + permission);
        } else if (!a.account.supervisorPermissions().contains(permission)) {
            supervisor = Decision.deny("the SUPERVISOR role's permissions do not include " + permission + " (CC-2, CC-3)",
                    "SUPERVISOR permission " + permission);
        } else {
            supervisor = Decision.allOf(Decision.allow("SUPERVISOR permission " + permission + " (CC-3)"), queueScope(a));
        }
        return Decision.allOf(seat(a, "CONTACT_CENTER"), Decision.anyOf(contactAdminOn(a), supervisor));
    }

    /**
     * CC-1, CC-5: contact admins and full admins see every queue's analytics; a supervisor those of the queues it
     * reaches. Asked without a queue it is all of them, which a supervisor limited to assigned queues does not reach.
     */
    private static Decision analytics(Ask a) {
        Decision supervisor;
        if (!ccRole(a, "SUPERVISOR").allowed()) {
            supervisor = Decision.deny("not a SUPERVISOR (CC-5)", "contact-center role SUPERVISOR");
        } else if (a.resource == null && a.account.supervisorPermissions().contains("LIMIT_TO_ASSIGNED_QUEUES")) {
            supervisor = Decision.deny("a supervisor sees the analytics of the queues it supervises, not all of them, while LIMIT_TO_ASSIGNED_QUEUES is on (CC-5)",
                    "a queue resource it supervises");
        } else if (a.resource == null) {
            supervisor = Decision.allow("a SUPERVISOR reaching every queue: LIMIT_TO_ASSIGNED_QUEUES is off (CC-5)");
        } else {
            supervisor = Decision.allOf(Decision.allow("contact-center role SUPERVISOR sees the analytics of the queues it reaches (CC-5)"), queueScope(a));
        }
        return Decision.allOf(seat(a, "CONTACT_CENTER"), Decision.anyOf(contactAdminOn(a), supervisor));
    }

    private static Decision contactAdminOn(Ask a) {
        if (a.resource != null && !a.account.queues().contains(a.resource.id())) {
            return missingResource(a.resource);
        }
        return contactAdmin(a);
    }

    /** CC-5: with LIMIT_TO_ASSIGNED_QUEUES a supervisor reaches only the queues it supervises; without it, all. */
    private static Decision queueScope(Ask a) {
        if (a.resource == null) {
            return Decision.allow("no queue asked (CC-5)");
        }
        UUID queue = a.resource.id();
        if (!a.account.queues().contains(queue)) {
            return missingResource(a.resource);
        }
        if (!a.account.supervisorPermissions().contains("LIMIT_TO_ASSIGNED_QUEUES")) {
            return Decision.allow("supervisors reach every queue: LIMIT_TO_ASSIGNED_QUEUES is off (CC-5)");
        }
        return "SUPERVISOR".equals(a.account.queueRole(queue, a.member.memberId()))
                ? Decision.allow("supervisor of queue " + queue + " (CC-5)")
                : Decision.deny("not a supervisor of queue " + queue + ", and LIMIT_TO_ASSIGNED_QUEUES is on (CC-5)", "assignment to queue " + queue + " as SUPERVISOR");
    }

    private static Decision supervises(Ask a, String rule) {
        return ccRole(a, "SUPERVISOR").allowed()
                ? Decision.allOf(Decision.allow("contact-center role SUPERVISOR (" + rule + ")"), queueScope(a))
                : Decision.deny("not a SUPERVISOR (" + rule + ")", "contact-center role SUPERVISOR");
    }

    /**
     * CC-2, CC-4: an agent has what the AGENT role's permissions grant. CC-7: in a queue they are logged into (asked
     * with it), what was fixed at that login, until they log out; a change of the role's permissions reaches them at
     * their next login. Elsewhere, and without a queue, the role's permissions now (what their next login fixes).
     */
    private static Decision agentPermission(Ask a, String permission) {
        Decision agent;
        Optional<Set<String>> fixed = Optional.empty();
        if (a.resource != null) {
            if (!a.account.queues().contains(a.resource.id())) {
                return Decision.allOf(seat(a, "CONTACT_CENTER"), missingResource(a.resource));
            }
            fixed = a.account.loginPermissions(a.resource.id(), a.member.memberId());
        }
        if (!ccRole(a, "AGENT").allowed()) {
            agent = Decision.deny("not an AGENT (CC-4)", "contact-center role AGENT with " + permission);
        } else if (fixed.isPresent()) {
            UUID queue = a.resource.id();
            agent = fixed.get().contains(permission)
                    ? Decision.allow("AGENT permission " + permission + " fixed at the login into queue " + queue + " (CC-7)")
                    : Decision.deny("AGENT permission " + permission + " was not the AGENT role's at the login into queue " + queue
                    + "; a change of the role's permissions reaches the agent at their next login (CC-7)", "AGENT permission " + permission + " at the next login");
        } else {
            agent = a.account.agentPermissions().contains(permission)
                    ? Decision.allow("AGENT permission " + permission + " (CC-4)")
                    : Decision.deny("the AGENT role's permissions do not include " + permission + " (CC-2, CC-4: off by default)", "AGENT permission " + permission);
        }
        return Decision.allOf(seat(a, "CONTACT_CENTER"), agent);
    }

    /** CC-8: only AGENTs log into queues; CC-6: with RESTRICT_UNASSIGNED_QUEUE_LOGIN only into queues assigned to them. */
    private static Decision queueLogin(Ask a) {
        Decision agent = ccRole(a, "AGENT").allowed()
                ? Decision.allow("contact-center role AGENT (CC-8)")
                : Decision.deny("not an AGENT: only agents log into queues (CC-8)", "contact-center role AGENT");
        Decision queue = Decision.allow("no queue asked (CC-6)");
        if (a.resource != null) {
            UUID id = a.resource.id();
            if (!a.account.queues().contains(id)) {
                queue = missingResource(a.resource);
            } else if (!a.account.restrictUnassignedQueueLogin()) {
                queue = Decision.allow("RESTRICT_UNASSIGNED_QUEUE_LOGIN is off: any queue (CC-6)");
            } else if ("AGENT".equals(a.account.queueRole(id, a.member.memberId()))) {
                queue = Decision.allow("assigned to queue " + id + " as AGENT (CC-6)");
            } else {
                queue = Decision.deny("not assigned to queue " + id + " and RESTRICT_UNASSIGNED_QUEUE_LOGIN is on (CC-6: a supervisor of the queue may log them in)",
                        "assignment to queue " + id + " as AGENT");
            }
        }
        return Decision.allOf(seat(a, "CONTACT_CENTER"), agent, queue);
    }
}
