package com.example.accounts.account.application;

import com.example.accounts.account.domain.Account;
import com.example.accounts.account.domain.AccountCommand;
import com.example.accounts.account.domain.AccountCommand.AddMember;
import com.example.accounts.account.domain.AccountCommand.OpenAccount;
import com.example.accounts.account.domain.AccountDecider;
import com.example.accounts.account.domain.AccountEvent;
import com.example.accounts.account.infrastructure.AccountEventCodec;
import com.example.accounts.eventstore.ConcurrencyConflict;
import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.eventstore.EventStore;
import com.example.accounts.eventstore.OutboxRelay;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Runs account commands: load the account, decide, append with the version it was decided on. */
@ApplicationScoped
public class AccountCommands {

    private static final int ATTEMPTS = 5;

    private final EventStore store;
    private final OutboxRelay relay;
    private final Logins logins;

    public AccountCommands(EventStore store, OutboxRelay relay, Logins logins) {
        this.store = store;
        this.relay = relay;
        this.logins = logins;
    }

    public static String streamOf(UUID accountId) {
        return "account-" + accountId;
    }

    public Uni<Account> load(UUID accountId) {
        return store.readStream(streamOf(accountId), 0).map(events -> {
            Account state = Account.INITIAL;
            for (var envelope : events) {
                state = Account.evolve(state, AccountEventCodec.decode(envelope));
            }
            return state;
        });
    }

    public Uni<CommandResult> open(OpenAccount command, EventMetadata metadata) {
        return execute(command.accountId(), state -> command, metadata);
    }

    /**
     * USR-1/USR-2: the command is decided once with the login unknown, so that a caller who may not add members,
     * or bad input, never creates a login; then the login is found or created and the command decided for real.
     */
    public Uni<CommandResult> addMember(UUID accountId, AddMember probe, EventMetadata metadata) {
        return load(accountId)
                .invoke(state -> AccountDecider.decide(probe, state))
                .chain(() -> logins.findOrCreate(probe.email().strip(), probe.name().strip()))
                .chain(login -> execute(accountId, state -> new AddMember(probe.actorLoginId(), probe.memberId(), login.id(),
                        login.created(), probe.name(), probe.email(), probe.role(), probe.companyAccess(), probe.supportFeatures(),
                        probe.language(), probe.now()), metadata));
    }

    private Uni<CommandResult> execute(UUID accountId, Function<Account, AccountCommand> command, EventMetadata metadata) {
        return attempt(accountId, command, metadata)
                .onFailure(ConcurrencyConflict.class).retry().atMost(ATTEMPTS - 1);
    }

    private Uni<CommandResult> attempt(UUID accountId, Function<Account, AccountCommand> command, EventMetadata metadata) {
        return load(accountId).chain(state -> {
            List<AccountEvent> events = AccountDecider.decide(command.apply(state), state);
            Account next = state;
            for (AccountEvent event : events) {
                next = Account.evolve(next, event);
            }
            Account decided = next;
            return store.append(streamOf(accountId), accountId, state.version(), events.stream().map(AccountEventCodec::encode).toList(), metadata)
                    .invoke(relay::wake)
                    .map(appended -> new CommandResult(decided, appended.token()));
        });
    }
}
