package com.example.accounts.account.domain;

import com.example.accounts.account.domain.AccountEvent.AccountOpened;
import com.example.accounts.account.domain.AccountEvent.CompanyAdded;
import com.example.accounts.account.domain.AccountEvent.UserAdded;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.SeatCount;
import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.SupportFeature;
import com.example.accounts.kit.decider.GivenWhenThen;
import com.example.accounts.kit.decider.GivenWhenThen.Given;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The account the rules' tests start from, as events: Ada (login "ada", ADMIN and billing contact) opened "Acme" with
 * two REMOTE_SUPPORT seats and MONITORING. {@link #member} and {@link #company} add the events of a member or a
 * company as Ada would have added them; {@link #given} is the state of all of them, for a command to be decided on.
 */
abstract class AcmeAccount {

    static final GivenWhenThen<Account, AccountCommand, AccountEvent> ACCOUNT = GivenWhenThen.of(Account.INITIAL, Account::evolve, AccountDecider::decide);
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final Plan PLAN = new Plan(List.of(Module.REMOTE_SUPPORT, Module.MONITORING), List.of(new SeatCount(Module.REMOTE_SUPPORT, 2)));

    final UUID acme = UUID.randomUUID();
    final UUID ada = UUID.randomUUID();
    private final List<AccountEvent> history = new ArrayList<>(List.of(new AccountOpened(acme, "Acme", PLAN, ada),
            new UserAdded(ada, "ada", "Ada", "ada@acme.test", Role.ADMIN, CompanyAccess.ALL, List.of(SupportFeature.values()), false, null)));

    /** The events so far, and then {@code more}. */
    Given<Account, AccountCommand, AccountEvent> given(AccountEvent... more) {
        List<AccountEvent> events = new ArrayList<>(history);
        events.addAll(Arrays.asList(more));
        return ACCOUNT.given(events);
    }

    /** A member whose login, name and email local part are {@code login}, as Ada adds one: USR-3's companies and features for admins, none for others. */
    UUID member(String login, Role role) {
        UUID id = UUID.randomUUID();
        history.add(userAdded(id, login, role));
        return id;
    }

    static UserAdded userAdded(UUID id, String login, Role role) {
        return new UserAdded(id, login, login, login + "@acme.test", role, role.admin() ? CompanyAccess.ALL : CompanyAccess.NONE,
                role.admin() ? List.of(SupportFeature.values()) : List.of(), false, null);
    }

    UUID company(String name) {
        UUID id = UUID.randomUUID();
        history.add(new CompanyAdded(id, name));
        return id;
    }

    /** Further events for {@link #given}. */
    void happened(AccountEvent... events) {
        history.addAll(Arrays.asList(events));
    }
}
