package com.example.accounts.account.api;

import com.example.accounts.account.domain.Account;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.Settings;
import com.example.accounts.contract.vocabulary.CcPermission;
import com.example.accounts.contract.vocabulary.CcRole;
import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.PolicyPermission;
import com.example.accounts.contract.vocabulary.QueueRole;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.SupportFeature;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The response bodies of the account API: views of the account and its parts, and what a creation answers. */
public final class AccountResponses {

    private AccountResponses() {
    }

    /** The account; its members are read a page at a time at {@code /members} (10,000 of them fit no single answer). */
    public record AccountView(UUID accountId, String name, Plan plan, UUID billingContactMemberId, Settings settings, long version,
            int memberCount, List<CompanyView> companies) {
        static AccountView of(Account account) {
            return new AccountView(account.id(), account.name(), account.plan(), account.billingContact(), account.settings(), account.version(),
                    account.members().size(), CompanyView.all(account));
        }
    }

    public record MemberView(UUID memberId, String loginId, String name, String email, Role role, CompanyAccess companyAccess,
            List<SupportFeature> supportFeatures, List<Module> seats, List<UUID> userGroups,
            List<UUID> supervisedUserGroups, List<UUID> supervisedDeviceGroups, List<CcRole> contactCenterRoles) {
        static MemberView of(Account.Member member) {
            return new MemberView(member.memberId(), member.loginId(), member.name(), member.email(), member.role(),
                    member.companyAccess(), member.supportFeatures().stream().sorted().toList(), member.seats().stream().sorted().toList(),
                    member.userGroups().stream().sorted().toList(), member.supervisedUserGroups().stream().sorted().toList(),
                    member.supervisedDeviceGroups().stream().sorted().toList(), member.contactCenterRoles().stream().sorted().toList());
        }
    }

    public record GroupView(UUID groupId, String name) {
        static List<GroupView> all(Map<UUID, Account.Group> groups) {
            return groups.values().stream().map(g -> new GroupView(g.groupId(), g.name()))
                    .sorted(Comparator.comparing(GroupView::name, String.CASE_INSENSITIVE_ORDER)).toList();
        }
    }

    public record SecurityPolicyView(UUID policyId, String name, String description, List<PolicyPermission> permissions, boolean enabled) {
        static SecurityPolicyView of(Account.SecurityPolicy policy) {
            return new SecurityPolicyView(policy.policyId(), policy.name(), policy.description(), policy.permissions().stream().sorted().toList(),
                    policy.enabled());
        }
    }

    public record QueueView(UUID queueId, String name, List<UUID> agents, List<UUID> supervisors) {
        static QueueView of(Account.Queue queue) {
            return new QueueView(queue.queueId(), queue.name(), assigned(queue, QueueRole.AGENT), assigned(queue, QueueRole.SUPERVISOR));
        }

        private static List<UUID> assigned(Account.Queue queue, QueueRole role) {
            return queue.assignments().entrySet().stream().filter(e -> e.getValue() == role).map(Map.Entry::getKey).sorted().toList();
        }
    }

    public record ContactCenterView(List<CcPermission> supervisorPermissions, List<CcPermission> agentPermissions,
            boolean restrictUnassignedQueueLogin, List<QueueView> queues) {
        /** The contact center as {@code viewer} sees it: CC-5 keeps a limited supervisor to the queues it supervises. */
        static ContactCenterView of(Account account, Account.Member viewer) {
            return new ContactCenterView(account.contactCenter().supervisorPermissions().stream().sorted().toList(),
                    account.contactCenter().agentPermissions().stream().sorted().toList(), account.contactCenter().restrictUnassignedQueueLogin(),
                    account.visibleQueues(viewer).stream().map(QueueView::of)
                            .sorted(Comparator.comparing(QueueView::name, String.CASE_INSENSITIVE_ORDER)).toList());
        }
    }

    public record DeviceView(UUID deviceId, String name, UUID companyId, UUID deviceGroupId) {
        static DeviceView of(Account.Device device) {
            return new DeviceView(device.deviceId(), device.name(), device.companyId(), device.deviceGroupId());
        }
    }

    public record CompanyView(UUID companyId, String name) {
        static CompanyView of(Account.Company company) {
            return new CompanyView(company.companyId(), company.name());
        }

        static List<CompanyView> all(Account account) {
            return account.companies().values().stream().map(CompanyView::of)
                    .sorted(Comparator.comparing(CompanyView::name, String.CASE_INSENSITIVE_ORDER)).toList();
        }
    }

    public record AccountOpenedView(UUID accountId, UUID memberId, long version, String consistencyToken) {
    }

    public record MemberAddedView(UUID accountId, UUID memberId, String loginId, long version, String consistencyToken) {
    }
}
