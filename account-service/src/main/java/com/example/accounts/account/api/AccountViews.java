package com.example.accounts.account.api;

import com.example.accounts.account.domain.Account;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.Role;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Response bodies. */
public final class AccountViews {

    private AccountViews() {
    }

    public record AccountView(UUID accountId, String name, Plan plan, UUID billingContactMemberId, long version, List<MemberView> members) {
        static AccountView of(Account account) {
            return new AccountView(account.id(), account.name(), account.plan(), account.billingContact(), account.version(),
                    account.members().values().stream().map(MemberView::of).sorted(Comparator.comparing(MemberView::email)).toList());
        }
    }

    public record MemberView(UUID memberId, String loginId, String name, String email, Role role) {
        static MemberView of(Account.Member member) {
            return new MemberView(member.memberId(), member.loginId(), member.name(), member.email(), member.role());
        }
    }

    public record AccountOpenedView(UUID accountId, UUID memberId, long version, String consistencyToken) {
    }

    public record MemberAddedView(UUID accountId, UUID memberId, String loginId, long version, String consistencyToken) {
    }
}
