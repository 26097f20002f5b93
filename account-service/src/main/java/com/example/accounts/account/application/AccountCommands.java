package com.example.accounts.account.application;

import com.example.accounts.account.domain.Account;
import com.example.accounts.account.domain.AccountCommand;
import com.example.accounts.account.domain.AccountCommand.AddMember;
import com.example.accounts.account.domain.AccountCommand.OpenAccount;
import com.example.accounts.account.domain.AccountDecider;
import com.example.accounts.account.domain.AccountEvent;
import com.example.accounts.account.domain.AccountEvent.UserProfileChanged;
import com.example.accounts.account.infrastructure.LoginMemberships;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.eventstore.Snapshots;
import com.example.accounts.kit.Answer;
import com.example.accounts.kit.IdempotencyKey;
import com.example.accounts.kit.IdempotencyKeys;
import com.example.accounts.kit.ProblemException;
import com.example.accounts.kit.command.Command;
import com.example.accounts.kit.command.CommandPipeline;
import com.example.accounts.kit.command.Done;
import com.example.accounts.kit.command.EventCodec;
import com.example.accounts.kit.command.Loaded;
import com.example.accounts.kit.command.StreamKind;
import com.example.accounts.rules.Refusal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs account commands through the kit's {@link CommandPipeline}: the account's writer decides each on the state
 * the commands before it left and appends at the version it was decided on, so invariants hold under parallel
 * requests (SEAT-2, USR-7, BIL-1). What is the account's own: ACC-6 first (a login never added is turned away before
 * anything of the account is read), and USR-5 (a member's new email becomes their login's first, and follows them
 * into their other accounts).
 */
@ApplicationScoped
public class AccountCommands {

    /**
     * Raise when the fold changes outside {@link Account}'s own code (a helper of {@code evolve} elsewhere): every
     * snapshot is then folded again. A change to {@code Account} itself needs nothing, its code is in the fingerprint.
     */
    static final int FOLD_REVISION = 1;

    /** Accounts, as the pipeline folds and snapshots them (an account of 10,000 members is not replayed whole). */
    public static final StreamKind<Account, AccountEvent> ACCOUNTS = new StreamKind<>("account", new EventCodec<>(AccountEvent.class),
            Account.INITIAL, Account::evolve, "account_snapshots", Snapshots.fingerprint(FOLD_REVISION, Account.class));

    private static final Logger LOG = Logger.getLogger(AccountCommands.class);

    private final CommandPipeline pipeline;
    private final Clock clock;
    private final Logins logins;
    private final IdempotencyKeys idempotencyKeys;
    private final LoginMemberships loginMemberships;

    public AccountCommands(CommandPipeline pipeline, Clock clock, Logins logins, IdempotencyKeys idempotencyKeys,
            LoginMemberships loginMemberships) {
        this.pipeline = pipeline;
        this.clock = clock;
        this.logins = logins;
        this.idempotencyKeys = idempotencyKeys;
        this.loginMemberships = loginMemberships;
    }

    /** The time a command is decided at (the domain reads no clock). */
    public Instant now() {
        return clock.instant();
    }

    public static String streamOf(UUID accountId) {
        return "account-" + accountId;
    }

    /** The account from its newest snapshot and the events after it; a new snapshot when too many had to be read. */
    public Uni<Loaded<Account>> load(UUID accountId) {
        return pipeline.load(ACCOUNTS, streamOf(accountId));
    }

    /**
     * ACC-6: the account for a caller who is one of its members; for anyone else it does not exist. A login never
     * added to the account is turned away before anything of the account is read (the same work for any id, real or
     * made up, and no snapshot written on an outsider's behalf); one added and since deleted, once it is read.
     */
    public Uni<Loaded<Account>> loadFor(UUID accountId, String loginId) {
        return admitted(accountId, loginId).chain(() -> load(accountId)).invoke(loaded -> AccountDecider.actor(loaded.state(), loginId));
    }

    /**
     * USR-10, USR-11: the account's data, for its members ({@link #loadFor}) except monitoring observers, who see
     * Monitoring data only.
     */
    public Uni<Account> loadDataFor(UUID accountId, String loginId) {
        return loadFor(accountId, loginId).map(loaded -> {
            if (loaded.state().memberByLogin(loginId).orElseThrow().role() == Role.MONITORING_OBSERVER) {
                throw ProblemException.forbidden(RuleId.USR_11, "monitoring observers see Monitoring data of the companies they may access, nothing else");
            }
            return loaded.state();
        });
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
            Function<Done<Account, AccountEvent>, Answer> answer) {
        return idempotencyKeys.once(key, () -> execute(accountId, state -> command, metadata, null, key, answer).map(answer));
    }

    /** A command that creates something in an account (a company, a queue, ...): SEC-3 with an Idempotency-Key. */
    public Uni<Answer> create(UUID accountId, String loginId, AccountCommand command, EventMetadata metadata, Optional<IdempotencyKey> key,
            Function<Done<Account, AccountEvent>, Answer> answer) {
        return memberBeforeReplay(accountId, loginId, key).chain(() -> idempotencyKeys.once(key,
                () -> execute(accountId, byMember(loginId, state -> command), metadata, null, key, answer).map(answer)));
    }

    /**
     * USR-1/USR-2: the command is decided once with the login unknown, so that a caller who may not add members,
     * or bad input, never creates a login; then the login is found or created and the command decided for real.
     */
    public Uni<Answer> addMember(UUID accountId, AddMember probe, EventMetadata metadata, Optional<IdempotencyKey> key,
            Function<Done<Account, AccountEvent>, Answer> answer) {
        String loginId = probe.actorLoginId();
        return memberBeforeReplay(accountId, loginId, key).chain(() -> idempotencyKeys.once(key, () -> load(accountId)
                .invoke(loaded -> AccountDecider.decide(probe, loaded.state()))
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
    public Uni<Done<Account, AccountEvent>> edit(UUID accountId, String loginId, Function<Account, AccountCommand> command, EventMetadata metadata,
            Long ifMatch) {
        return admitted(accountId, loginId).chain(() -> execute(accountId, byMember(loginId, command), metadata, ifMatch, Optional.empty(), null));
    }

    /** The same for a command that does not depend on the state it is decided on. */
    public Uni<Done<Account, AccountEvent>> edit(UUID accountId, String loginId, AccountCommand command, EventMetadata metadata, Long ifMatch) {
        return edit(accountId, loginId, state -> command, metadata, ifMatch);
    }

    private Uni<Done<Account, AccountEvent>> execute(UUID accountId, Function<Account, AccountCommand> command, EventMetadata metadata, Long ifMatch,
            Optional<IdempotencyKey> key, Function<Done<Account, AccountEvent>, Answer> answer) {
        // USR-5: the email changes of the decision that committed, for the person's other memberships to follow
        AtomicReference<List<EmailChange>> committed = new AtomicReference<>(List.of());
        Command<Account, AccountEvent> asked = commandOf(command, metadata).ifMatch(ifMatch).alongside((connection, before, done) -> {
            committed.set(emailChanges(before, done.events()));
            return Uni.createFrom().voidItem();
        });
        if (key.isPresent()) {
            asked = asked.alongside((connection, before, done) -> idempotencyKeys.record(connection, key.get(), answer.apply(done)));
        }
        // a command that appended ran its alongside in the transaction that committed; one that appended nothing
        // (decided again, alone, after its group rolled back) keeps only what the rolled-back try had set
        return pipeline.run(ACCOUNTS, streamOf(accountId), accountId, asked)
                .call(done -> done.events().isEmpty() ? Uni.createFrom().voidItem() : followedByOtherMemberships(accountId, committed.get(), metadata));
    }

    /** USR-5 around the decision: the login takes a member's new email before the account records it, and gets its old one back when it does not. */
    private Command<Account, AccountEvent> commandOf(Function<Account, AccountCommand> command, EventMetadata metadata) {
        return Command.<Account, AccountEvent, AccountCommand>asked(command, AccountDecider::decide, metadata)
                .outside(new Command.Outside<>() {
                    @Override
                    public Uni<Void> before(Account state, List<AccountEvent> events) {
                        return followedByLogins(emailChanges(state, events));
                    }

                    @Override
                    public Uni<Void> undo(Account state, List<AccountEvent> events) {
                        return undone(emailChanges(state, events));
                    }
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
                    Command<Account, AccountEvent> follow = Command.asked(state -> state.memberByLogin(change.loginId())
                            .<AccountCommand>map(member -> new AccountCommand.ChangeProfile(change.loginId(), member.memberId(), member.name(),
                                    change.to(), metadata.occurredAt()))
                            .orElseThrow(() -> Refusal.notFound(RuleId.ACC_6, "the login is no longer a member")),
                            AccountDecider::decide, metadata);
                    each = each.chain(() -> pipeline.run(ACCOUNTS, streamOf(other), other, follow)
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
                        throw Refusal.conflict(RuleId.USR_5, "email", change.to() + " is the email of another login; choose another address");
                    case MANAGED_OUTSIDE_THE_PLATFORM -> throw Refusal.conflict(RuleId.USR_5, "email",
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
