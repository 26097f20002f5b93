package com.example.accounts.account.api;

import com.example.accounts.account.domain.Account;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.Module;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.Role;
import com.example.accounts.account.domain.Vocabulary.Settings;
import com.example.accounts.account.domain.Vocabulary.SupportFeature;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Response bodies. */
public final class AccountViews {

    private AccountViews() {
    }

    public record AccountView(UUID accountId, String name, Plan plan, UUID billingContactMemberId, Settings settings, long version,
                              List<MemberView> members, List<CompanyView> companies) {
        static AccountView of(Account account) {
            return new AccountView(account.id(), account.name(), account.plan(), account.billingContact(), account.settings(), account.version(),
                    account.members().values().stream().map(MemberView::of).sorted(Comparator.comparing(MemberView::email)).toList(),
                    CompanyView.all(account));
        }
    }

    public record MemberView(UUID memberId, String loginId, String name, String email, Role role, CompanyAccess companyAccess,
                             List<SupportFeature> supportFeatures, List<Module> seats) {
        static MemberView of(Account.Member member) {
            return new MemberView(member.memberId(), member.loginId(), member.name(), member.email(), member.role(),
                    member.companyAccess(), member.supportFeatures().stream().sorted().toList(), member.seats().stream().sorted().toList());
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
