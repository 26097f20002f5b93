package com.example.accounts.permission.api;

import com.example.accounts.contract.ConsistencyToken;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.kit.ProblemException;
import com.example.accounts.permission.domain.AccountView;
import com.example.accounts.permission.domain.Member;
import com.example.accounts.permission.domain.PermissionRules;
import com.example.accounts.permission.domain.Resource;
import com.example.accounts.permission.projection.AccountViewCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What every query of an account does first: find the caller among the account's members (else 404, ACC-6), wait
 * for the consistency token (PRM-4) as {@link AccountViewCache#asOf} says (membership first: an outsider's wait is the
 * same for a real account and a made-up one), refuse to answer from a stale account, and resolve the member asked
 * about (asking about another member needs {@code account.view}).
 */
@ApplicationScoped
class Questions {

    /** The account as the read model has it, and the member who asks. */
    record Asked(AccountView account, Member asker) {

        /** {@code me}, absent or the asker's own id: the asker; another member needs account.view (USR-10, USR-11). */
        Member subject(String member) {
            if (member == null || member.equals("me") || member.equals(asker.memberId().toString())) {
                return asker;
            }
            UUID memberId = uuid("member", member, "a member id or 'me'");
            if (!PermissionRules.decide(account, asker, "account.view").allowed()) {
                throw ProblemException.forbidden(RuleId.USR_11, "asking about another member needs account.view");
            }
            return account.member(memberId).orElseThrow(() -> ProblemException.notFound("member " + memberId));
        }
    }

    private final AccountViewCache views;
    private final Duration maxWait;
    private final CheckMetrics metrics;

    Questions(AccountViewCache views, ConsistencyWait wait, CheckMetrics metrics) {
        this.views = views;
        this.maxWait = wait.maxWait();
        this.metrics = metrics;
    }

    Uni<Asked> ask(UUID accountId, String loginId, String consistency) {
        return ask(accountId, loginId, consistency, false);
    }

    /** {@code evenStale}: also answer for an account flagged stale (for its read-model status). */
    Uni<Asked> ask(UUID accountId, String loginId, String consistency, boolean evenStale) {
        Optional<ConsistencyToken> token = token(accountId, consistency);
        boolean held = views.holds(accountId);
        Uni<Optional<AccountViewCache.Cached>> view = token.isPresent()
                ? metrics.waited(views.asOf(accountId, loginId, token.get(), maxWait), AccountViewCache.NotYetApplied.class)
                : views.get(accountId);
        return view
                .onFailure(AccountViewCache.NotYetApplied.class).transform(failure -> new ProblemException(503, RuleId.PRM_4, "Not yet consistent",
                        "the read model has not applied " + token.orElseThrow() + " within " + maxWait.toMillis() + " ms; retry", null))
                .chain(found -> {
                    Optional<Member> member = found.flatMap(cached -> cached.memberByLogin(loginId));
                    if (member.isEmpty()) {
                        // ACC-6: an account this instance holds in memory answers its outsider after the reading a
                        // made-up id costs, so the time of the 404 tells them apart no more than its status and body
                        Uni<Void> read = held ? views.readAsAMadeUpIdDoes() : Uni.createFrom().voidItem();
                        return read.chain(() -> Uni.createFrom().<Asked>failure(ProblemException.notFound("account " + accountId)));
                    }
                    Member asker = member.get();
                    AccountView account = found.get().view();
                    if (!evenStale && account.staleBecause() != null) {
                        throw new ProblemException(503, RuleId.PRM_1, "Account read model is stale", "an event of account " + accountId
                                + " could not be applied, so no answer about it can be trusted until it is repaired and the read model rebuilt: "
                                + account.staleBecause(), null);
                    }
                    return Uni.createFrom().item(new Asked(account, asker));
                });
    }

    /** REP-1, SUP-5: the sessions these resources name that the view leaves out (ended ones) join it; a member already asks. */
    Uni<Asked> including(Asked asked, Collection<Resource> resources) {
        Set<UUID> missing = resources.stream().filter(r -> r != null && r.kind() == Resource.Kind.SESSION)
                .map(Resource::id).filter(id -> !asked.account().sessions().containsKey(id)).collect(Collectors.toSet());
        if (missing.isEmpty()) {
            return Uni.createFrom().item(asked);
        }
        return views.sessions(asked.account().accountId(), missing).map(found -> new Asked(asked.account().withSessions(found), asked.asker()));
    }

    private static Optional<ConsistencyToken> token(UUID accountId, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        ConsistencyToken token;
        try {
            token = ConsistencyToken.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("consistency", e.getMessage());
        }
        if (!token.accountId().equals(accountId)) {
            throw ProblemException.badRequest("consistency", "the token names account " + token.accountId() + ", not " + accountId);
        }
        return Optional.of(token);
    }

    static String permission(String permission) {
        if (permission == null || !PermissionRules.known(permission)) {
            throw ProblemException.badRequest("permission", "must be one of " + PermissionRules.permissions());
        }
        return permission;
    }

    /** {@code <kind>:<id>}, e.g. {@code company:0b6c...}; checked against the kinds the permission takes. */
    static Resource resource(String permission, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(":", 2);
        Resource.Kind kind;
        try {
            kind = Resource.Kind.valueOf(parts[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("resource", "must be <kind>:<id> with kind company, device, queue, session or member");
        }
        if (parts.length < 2) {
            throw ProblemException.badRequest("resource", "must be <kind>:<id> with kind company, device, queue, session or member");
        }
        Resource resource = new Resource(kind, uuid("resource", parts[1], "<kind>:<id> with a uuid id"));
        PermissionRules.resourceProblem(permission, kind).ifPresent(problem -> {
            throw ProblemException.badRequest("resource", problem);
        });
        return resource;
    }

    static UUID uuid(String field, String text, String expected) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be " + expected);
        }
    }
}
