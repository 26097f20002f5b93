package com.example.accounts.account.application;

import com.example.accounts.account.domain.Account;
import com.example.accounts.account.domain.AccountCommand;
import com.example.accounts.account.domain.AccountCommand.AddMember;
import com.example.accounts.account.domain.AccountCommand.OpenAccount;
import com.example.accounts.account.domain.AccountDecider;
import com.example.accounts.account.domain.AccountEvent;
import com.example.accounts.account.domain.AccountEvent.UserProfileChanged;
import com.example.accounts.account.domain.RuleViolation;
import com.example.accounts.account.infrastructure.AccountEventCodec;
import com.example.accounts.account.infrastructure.AccountSnapshots;
import com.example.accounts.account.infrastructure.LoginMemberships;
import com.example.accounts.contract.ConsistencyToken;
import com.example.accounts.eventstore.ConcurrencyConflict;
import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.eventstore.EventStore;
import com.example.accounts.eventstore.OutboxRelay;
import com.example.accounts.kit.Answer;
import com.example.accounts.kit.IdempotencyKey;
import com.example.accounts.kit.IdempotencyKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs account commands: load the account, decide, append with the version it was decided on. A conflicting
 * append (someone else appended first) is decided again on the new state, so invariants hold under parallel
 * requests (SEAT-2, USR-7, BIL-1).
 */
@ApplicationScoped
public class AccountCommands {

    private static final int ATTEMPTS = 8;
    private static final Logger LOG = Logger.getLogger(AccountCommands.class);

    private final EventStore store;
    private final OutboxRelay relay;
    private final Logins logins;
    private final IdempotencyKeys idempotencyKeys;
    private final AccountSnapshots snapshots;
    private final LoginMemberships loginMemberships;

    public AccountCommands(EventStore store, OutboxRelay relay, Logins logins, IdempotencyKeys idempotencyKeys, AccountSnapshots snapshots,
                           LoginMemberships loginMemberships) {
        this.store = store;
        this.relay = relay;
        this.logins = logins;
        this.idempotencyKeys = idempotencyKeys;
        this.snapshots = snapshots;
        this.loginMemberships = loginMemberships;
    }

    public static String streamOf(UUID accountId) {
        return "account-" + accountId;
    }

    /** The account from its newest snapshot and the events after it; a new snapshot when too many had to be read. */
    public Uni<Loaded> load(UUID accountId) {
        String stream = streamOf(accountId);
        return snapshots.find(stream).chain(snapshot -> {
            Account from = snapshot.map(AccountSnapshots.Snapshot::account).orElse(Account.INITIAL);
            long fromPosition = snapshot.map(AccountSnapshots.Snapshot::position).orElse(0L);
            return store.readStream(stream, from.version()).map(events -> {
                Account state = Account.evolveAll(from, events.stream().map(AccountEventCodec::decode).toList());
                long position = events.isEmpty() ? fromPosition : events.get(events.size() - 1).position();
                return new Loaded(state, position, events.size());
            });
        }).call(loaded -> loaded.replayed() >= AccountSnapshots.EVERY
                ? snapshots.save(stream, loaded.account(), loaded.lastPosition()) : Uni.createFrom().voidItem());
    }

    /**
     * ACC-6: the account for a caller who is one of its members; for anyone else it does not exist. A login never
     * added to the account is turned away before anything of the account is read (the same work for any id, real or
     * made up, and no snapshot written on an outsider's behalf); one added and since deleted, once it is read.
     */
    public Uni<Loaded> loadFor(UUID accountId, String loginId) {
        return admitted(accountId, loginId).chain(() -> load(accountId)).invoke(loaded -> AccountDecider.actor(loaded.account(), loginId));
    }

    /** ACC-6: the first question asked of every request about an account, before its version, its keys or its state. */
    private Uni<Void> admitted(UUID accountId, String loginId) {
        return loginMemberships.everAdded(loginId, accountId).invoke(added -> {
            if (!added) {
                throw AccountDecider.noSuchAccount();
            }
        }).replaceWithVoid();
    }

    /**
     * ACC-6: a stored answer (SEC-3) goes only to a member of the account now, so with a key the account is read
     * before the key is looked up; without one, the command's own reading decides it.
     */
    private Uni<Void> memberBeforeReplay(UUID accountId, String loginId, Optional<IdempotencyKey> key) {
        return key.isEmpty() ? admitted(accountId, loginId) : loadFor(accountId, loginId).replaceWithVoid();
    }

    /**
     * ACC-6: the command as the caller asks it, made only once the caller is found a member in the state it is
     * decided on, so that If-Match and every rule come after membership.
     */
    private static Function<Account, AccountCommand> byMember(String loginId, Function<Account, AccountCommand> command) {
        return state -> {
            AccountDecider.actor(state, loginId);
            return command.apply(state);
        };
    }

    /** ACC-1: a new account, by whoever asks: there are no members yet. SEC-3 with an Idempotency-Key. */
    public Uni<Answer> open(UUID accountId, OpenAccount command, EventMetadata metadata, Optional<IdempotencyKey> key,
                            Function<CommandResult, Answer> answer) {
        return idempotencyKeys.once(key, () -> execute(accountId, state -> command, metadata, null, key, answer).map(answer));
    }

    /** A command that creates something in an account (a company, a queue, ...): SEC-3 with an Idempotency-Key. */
    public Uni<Answer> create(UUID accountId, String loginId, AccountCommand command, EventMetadata metadata, Optional<IdempotencyKey> key,
                              Function<CommandResult, Answer> answer) {
        return memberBeforeReplay(accountId, loginId, key).chain(() -> idempotencyKeys.once(key,
                () -> execute(accountId, byMember(loginId, state -> command), metadata, null, key, answer).map(answer)));
    }

    /**
     * USR-1/USR-2: the command is decided once with the login unknown, so that a caller who may not add members,
     * or bad input, never creates a login; then the login is found or created and the command decided for real.
     */
    public Uni<Answer> addMember(UUID accountId, AddMember probe, EventMetadata metadata, Optional<IdempotencyKey> key,
                                 Function<CommandResult, Answer> answer) {
        String loginId = probe.actorLoginId();
        return memberBeforeReplay(accountId, loginId, key).chain(() -> idempotencyKeys.once(key, () -> load(accountId)
                .invoke(loaded -> AccountDecider.decide(probe, loaded.account()))
                .chain(() -> logins.findOrCreate(probe.email().strip(), probe.name().strip()))
                .chain(login -> execute(accountId, byMember(loginId, state -> new AddMember(loginId, probe.memberId(), login.id(),
                        login.created(), probe.name(), probe.email(), probe.role(), probe.companyAccess(), probe.supportFeatures(),
                        probe.language(), probe.now())), metadata, null, key, answer))
                .map(answer)));
    }

    /**
     * An edit of the account by one of its members (ACC-6: anyone else finds no account, whatever the request
     * carries); with {@code ifMatch}, only while the account is still at that version (else 412).
     */
    public Uni<CommandResult> edit(UUID accountId, String loginId, Function<Account, AccountCommand> command, EventMetadata metadata,
                                   Long ifMatch) {
        return admitted(accountId, loginId).chain(() -> execute(accountId, byMember(loginId, command), metadata, ifMatch, Optional.empty(), null));
    }

    private Uni<CommandResult> execute(UUID accountId, Function<Account, AccountCommand> command, EventMetadata metadata, Long ifMatch,
                                       Optional<IdempotencyKey> key, Function<CommandResult, Answer> answer) {
        BiFunction<SqlConnection, CommandResult, Uni<Void>> afterAppend = key.isEmpty() ? (c, r) -> Uni.createFrom().voidItem()
                : (c, r) -> idempotencyKeys.record(c, key.get(), answer.apply(r));
        return attempt(accountId, command, metadata, ifMatch, afterAppend, true)
                .onFailure(ConcurrencyConflict.class).retry().atMost(ATTEMPTS - 1);
    }

    private Uni<CommandResult> attempt(UUID accountId, Function<Account, AccountCommand> command, EventMetadata metadata, Long ifMatch,
                                       BiFunction<SqlConnection, CommandResult, Uni<Void>> afterAppend, boolean elsewhereToo) {
        return load(accountId).chain(loaded -> {
            Account state = loaded.account();
            // made before If-Match is compared: making it decides whether the caller is a member (byMember, ACC-6)
            AccountCommand asked = command.apply(state);
            if (ifMatch != null && state.opened() && ifMatch != state.version()) {
                throw new PreconditionFailed(ifMatch, state.version());
            }
            List<AccountEvent> events = AccountDecider.decide(asked, state);
            if (events.isEmpty()) {
                return Uni.createFrom().item(new CommandResult(state, new ConsistencyToken(store.topic(), accountId, loaded.lastPosition())));
            }
            Account decided = Account.evolveAll(state, events);
            List<EmailChange> emailChanges = emailChanges(state, events);
            return followedByLogins(emailChanges)
                    .chain(() -> store.pool().withTransaction(connection -> store.append(connection, streamOf(accountId), accountId, state.version(),
                                            events.stream().map(AccountEventCodec::encode).toList(), metadata)
                                    .map(appended -> new CommandResult(decided, appended.token()))
                                    .call(result -> afterAppend.apply(connection, result)))
                            .onFailure().call(() -> undone(emailChanges)))
                    .invoke(relay::wake)
                    .call(() -> elsewhereToo ? followedByOtherMemberships(accountId, emailChanges, metadata) : Uni.createFrom().voidItem());
        });
    }

    /**
     * USR-5: one person, one login, one email: the person's memberships of other accounts show the new address too,
     * changed as the person (the login) changes it. One that cannot take it (another member there has that address)
     * keeps its own and is logged, so that nothing the person asked for here fails for another account's sake.
     */
    private Uni<Void> followedByOtherMemberships(UUID accountId, List<EmailChange> changes, EventMetadata metadata) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (EmailChange change : changes) {
            chain = chain.chain(() -> loginMemberships.accountsOf(change.loginId())).chain(accounts -> {
                Uni<Void> each = Uni.createFrom().voidItem();
                for (UUID other : accounts) {
                    if (other.equals(accountId)) {
                        continue;
                    }
                    each = each.chain(() -> attempt(other, state -> state.memberByLogin(change.loginId())
                                    .<AccountCommand>map(member -> new AccountCommand.ChangeProfile(change.loginId(), member.memberId(), member.name(),
                                            change.to(), metadata.occurredAt()))
                                    .orElseThrow(() -> RuleViolation.notFound("ACC-6", "the login is no longer a member")),
                            metadata, null, (c, r) -> Uni.createFrom().voidItem(), false)
                            .onFailure(ConcurrencyConflict.class).retry().atMost(ATTEMPTS - 1)
                            .onFailure().invoke(failure -> LOG.warnf("the membership of login %s in account %s keeps its email: %s",
                                    change.loginId(), other, failure.getMessage()))
                            .onFailure().recoverWithNull().replaceWithVoid());
                }
                return each;
            });
        }
        return chain;
    }

    /** USR-5: a member's new email, to become their login's too. */
    private record EmailChange(String loginId, String from, String to) {
    }

    private static List<EmailChange> emailChanges(Account before, List<AccountEvent> events) {
        return events.stream().filter(UserProfileChanged.class::isInstance).map(UserProfileChanged.class::cast)
                .map(changed -> {
                    Account.Member member = before.members().get(changed.memberId());
                    return new EmailChange(member.loginId(), member.email(), changed.email());
                })
                .filter(change -> !change.from().equalsIgnoreCase(change.to()))
                .toList();
    }

    /**
     * USR-5: the login takes the new email before the account records it, so that the address a person signs in
     * with and the one the account shows never drift apart; another login holding it refuses the change.
     */
    private Uni<Void> followedByLogins(List<EmailChange> changes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (EmailChange change : changes) {
            chain = chain.chain(() -> logins.changeEmail(change.loginId(), change.to())).invoke(changed -> {
                switch (changed) {
                    case CHANGED -> {
                    }
                    case HELD_BY_ANOTHER_LOGIN ->
                            throw RuleViolation.conflict("USR-5", "email", change.to() + " is the email of another login; choose another address");
                    case MANAGED_OUTSIDE_THE_PLATFORM -> throw RuleViolation.conflict("USR-5", "email",
                            "this login is managed by the identity provider's operators, not by the platform: they change its email");
                }
            }).replaceWithVoid();
        }
        return chain;
    }

    /** The account did not record the change (a race, the database): the login gets its address back. */
    private Uni<Void> undone(List<EmailChange> changes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (EmailChange change : changes) {
            chain = chain.chain(() -> logins.changeEmail(change.loginId(), change.from())).replaceWithVoid();
        }
        return chain;
    }
}
