package com.example.accounts.permission.domain;

import com.example.accounts.contract.vocabulary.CcPermission;
import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.SupportFeature;
import com.example.accounts.permission.domain.Resource.Kind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static com.example.accounts.permission.domain.Guards.seat;

/**
 * Every permission of the rule book's "Permission names", decided for one member of one account view and an
 * optional resource (PRM-2), with the reasons. Pure: the same view, member and resource always give the same answer.
 * This is the registry: each permission, the kinds of resource it takes and the family of rules that decides it
 * ({@code AccountRules}, {@code MemberRules}, {@code CompanyRules}, {@code ReportRules}, {@code ModuleRules},
 * {@code SupportRules}, {@code TrainingRules}, {@code ContactCenterRules}; what they share is {@code Guards}).
 */
public final class PermissionRules {

    private record Rule(Set<Kind> resources, Function<Ask, Decision> decide) {
    }

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        // Account (TRN-7 rows, USR-1 to USR-11, CMP-1 to CMP-4, ACC-3 to ACC-5, INV-6)
        rule("account.view", Set.of(), AccountRules::view);
        rule("account.settings.manage", Set.of(), AccountRules::settings);
        rule("members.manage", Set.of(Kind.MEMBER), MemberRules::manage);
        rule("seats.provision", Set.of(Kind.MEMBER), MemberRules::provisionSeats);
        rule("groups.manage", Set.of(), CompanyRules::groups);
        rule("devices.manage", Set.of(Kind.DEVICE), CompanyRules::devices);
        rule("companies.manage", Set.of(), CompanyRules::companies);
        rule("security-policies.manage", Set.of(), AccountRules::securityPolicies);
        rule("reports.view", Set.of(Kind.SESSION), ReportRules::view);
        rule("subscription.change", Set.of(), AccountRules::subscription);
        rule("billing.change", Set.of(), AccountRules::billing);
        rule("profile.manage-own", Set.of(), AccountRules::ownProfile);
        // Modules (SEAT-3 to SEAT-5, TRN-1, USR-11)
        rule("module.remote-support", Set.of(), a -> seat(a, Module.REMOTE_SUPPORT));
        rule("module.service-desk", Set.of(), a -> seat(a, Module.SERVICE_DESK));
        rule("module.contact-center", Set.of(), a -> seat(a, Module.CONTACT_CENTER));
        rule("module.monitoring", Set.of(), ModuleRules::monitoring);
        rule("module.training", Set.of(), TrainingRules::organize);
        rule("monitoring.view", Set.of(Kind.COMPANY), ModuleRules::monitoringView);
        // Support (SUP-1 to SUP-6, FEAT-1, INV-1)
        rule("support.session.host", Set.of(Kind.COMPANY), SupportRules::host);
        rule("support.unattended", Set.of(Kind.DEVICE), SupportRules::unattended);
        rule("support.file-transfer", Set.of(Kind.SESSION), a -> SupportRules.inSession(a, SupportFeature.FILE_TRANSFER));
        rule("support.remote-control", Set.of(Kind.SESSION), a -> SupportRules.inSession(a, SupportFeature.REMOTE_CONTROL));
        rule("support.invite-external", Set.of(Kind.SESSION), SupportRules::inviteExternal);
        // Training (TRN-1 to TRN-3)
        rule("training.session.schedule", Set.of(), TrainingRules::organize);
        rule("training.session.host", Set.of(Kind.SESSION), TrainingRules::host);
        // Contact center (CC-1 to CC-8)
        rule("cc.admin", Set.of(), ContactCenterRules::admin);
        rule("cc.analytics.view", Set.of(Kind.QUEUE), ContactCenterRules::analytics);
        rule("cc.config-portal", Set.of(), a -> ContactCenterRules.supervisorPermission(a, CcPermission.CONFIG_PORTAL_ACCESS));
        rule("cc.queue-settings.view", Set.of(Kind.QUEUE), a -> ContactCenterRules.supervisorPermission(a, CcPermission.VIEW_QUEUE_SETTINGS));
        rule("cc.queue-settings.manage", Set.of(Kind.QUEUE), a -> ContactCenterRules.supervisorPermission(a, CcPermission.MANAGE_QUEUE_SETTINGS));
        rule("cc.break-reasons.view", Set.of(Kind.QUEUE), a -> ContactCenterRules.supervisorPermission(a, CcPermission.VIEW_BREAK_REASONS));
        rule("cc.break-reasons.manage", Set.of(Kind.QUEUE), a -> ContactCenterRules.supervisorPermission(a, CcPermission.MANAGE_BREAK_REASONS));
        rule("cc.skills.view", Set.of(Kind.QUEUE), a -> ContactCenterRules.supervisorPermission(a, CcPermission.VIEW_SKILLS));
        rule("cc.skills.manage", Set.of(Kind.QUEUE), a -> ContactCenterRules.supervisorPermission(a, CcPermission.MANAGE_SKILLS));
        rule("cc.prerecorded-messages.manage", Set.of(Kind.QUEUE), a -> ContactCenterRules.agentPermission(a, CcPermission.MANAGE_PRERECORDED_MESSAGES));
        rule("cc.canned-messages.manage", Set.of(Kind.QUEUE), a -> ContactCenterRules.agentPermission(a, CcPermission.MANAGE_PUBLIC_CANNED_MESSAGES));
        rule("cc.labels.create", Set.of(Kind.QUEUE), a -> ContactCenterRules.agentPermission(a, CcPermission.CREATE_CUSTOM_LABELS));
        rule("cc.calls.monitor", Set.of(Kind.QUEUE), ContactCenterRules::monitorCalls);
        rule("cc.queue.supervise", Set.of(Kind.QUEUE), ContactCenterRules::superviseQueue);
        rule("cc.queue.login", Set.of(Kind.QUEUE), ContactCenterRules::queueLogin);
    }

    private PermissionRules() {
    }

    private static void rule(String permission, Set<Kind> resources, Function<Ask, Decision> decide) {
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
        return taken.contains(kind)
                ? Optional.empty()
                : Optional.of(permission + " is not decided per " + kind.label()
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
}
