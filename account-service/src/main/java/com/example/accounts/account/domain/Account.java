package com.example.accounts.account.domain;

import com.example.accounts.account.domain.AccountEvent.AccountOpened;
import com.example.accounts.account.domain.AccountEvent.UserAdded;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.Role;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** An account's state, folded from its events. {@link #INITIAL} is the state of an account not opened yet. */
public record Account(UUID id, String name, Plan plan, UUID billingContact, Map<UUID, Member> members, long version) {

    public static final Account INITIAL = new Account(null, null, null, null, Map.of(), 0);

    public record Member(UUID memberId, String loginId, String name, String email, Role role) {
    }

    public boolean opened() {
        return id != null;
    }

    public Optional<Member> memberByLogin(String loginId) {
        return members.values().stream().filter(m -> m.loginId().equals(loginId)).findFirst();
    }

    public Optional<Member> memberByEmail(String email) {
        String wanted = email.toLowerCase(Locale.ROOT);
        return members.values().stream().filter(m -> m.email().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    public static Account evolve(Account state, AccountEvent event) {
        return switch (event) {
            case AccountOpened opened -> new Account(opened.accountId(), opened.name(), opened.plan(),
                    opened.billingContactMemberId(), Map.of(), state.version() + 1);
            case UserAdded added -> {
                Map<UUID, Member> members = new LinkedHashMap<>(state.members());
                members.put(added.memberId(), new Member(added.memberId(), added.loginId(), added.name(), added.email(), added.role()));
                yield new Account(state.id(), state.name(), state.plan(), state.billingContact(), Map.copyOf(members), state.version() + 1);
            }
        };
    }
}
