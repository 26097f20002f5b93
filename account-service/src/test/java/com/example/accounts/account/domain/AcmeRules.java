package com.example.accounts.account.domain;

import com.example.accounts.rules.Refusal;
import com.example.accounts.account.domain.AccountCommand.AddCompany;
import com.example.accounts.account.domain.AccountCommand.AddMember;
import com.example.accounts.account.domain.AccountCommand.OpenAccount;
import com.example.accounts.account.domain.Vocabulary.Module;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.Role;
import com.example.accounts.account.domain.Vocabulary.SeatCount;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Given / when / then over the account aggregate, framework-free: Ada (login "ada", ADMIN and billing contact)
 * opened "Acme" with two REMOTE_SUPPORT seats and MONITORING; {@link #then} decides a command and folds its events.
 */
abstract class AcmeRules {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final Plan PLAN = new Plan(List.of(Module.REMOTE_SUPPORT, Module.MONITORING), List.of(new SeatCount(Module.REMOTE_SUPPORT, 2)));

    Account state = Account.INITIAL;
    final UUID ada = UUID.randomUUID();

    AcmeRules() {
        then(new OpenAccount(UUID.randomUUID(), "Acme", PLAN, ada, "ada", "Ada", "ada@acme.test", NOW));
    }

    List<AccountEvent> then(AccountCommand command) {
        List<AccountEvent> events = AccountDecider.decide(command, state);
        for (AccountEvent event : events) {
            state = Account.evolve(state, event);
        }
        return events;
    }

    Refusal refused(AccountCommand command) {
        return assertThrows(Refusal.class, () -> AccountDecider.decide(command, state));
    }

    /** A member whose login, name and email local part are {@code login}, added by Ada. */
    UUID member(String login, Role role) {
        UUID id = UUID.randomUUID();
        then(new AddMember("ada", id, login, false, login, login + "@acme.test", role, null, null, null, NOW));
        return id;
    }

    UUID company(String name) {
        UUID id = UUID.randomUUID();
        then(new AddCompany("ada", id, name, NOW));
        return id;
    }
}
