package com.example.accounts.session.queue.application;

import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.eventstore.Snapshots;
import com.example.accounts.kit.CommandClock;
import com.example.accounts.kit.ProblemException;
import com.example.accounts.kit.command.Done;
import com.example.accounts.kit.command.EventCodec;
import com.example.accounts.kit.command.StreamKind;
import com.example.accounts.rules.Refusal;
import com.example.accounts.session.application.MemberRequest;
import com.example.accounts.session.application.SessionStreams;
import com.example.accounts.session.infrastructure.MemberStreams;
import com.example.accounts.session.infrastructure.PermissionService;
import com.example.accounts.session.infrastructure.PermissionService.Ask;
import com.example.accounts.session.infrastructure.PermissionService.Check;
import com.example.accounts.session.queue.domain.AgentLogins;
import com.example.accounts.session.queue.domain.QueueCommand;
import com.example.accounts.session.queue.domain.QueueDecider;
import com.example.accounts.session.queue.domain.QueueEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.example.accounts.session.application.MemberRequest.allowed;
import static com.example.accounts.session.application.MemberRequest.member;

/**
 * An agent's queue logins as the streams run them, and what agents and supervisors ask of them: agents log
 * themselves in and out (CC-8), supervisors of a queue log agents in, past RESTRICT_UNASSIGNED_QUEUE_LOGIN and without
 * assigning them (CC-6), and out (CC-7). The permission-service decides who may log in and what AGENT grants now.
 */
@ApplicationScoped
public class QueueLogins {

    public static final StreamKind<AgentLogins, QueueEvent> AGGREGATE = new StreamKind<>("queue logins", new EventCodec<>(QueueEvent.class),
            AgentLogins.INITIAL, AgentLogins::evolve, SessionStreams.SNAPSHOTS,
            Snapshots.fingerprint(SessionStreams.FOLD_REVISION, AgentLogins.class, QueueEvent.class));

    public static final String PREFIX = "queue-logins-";

    /** CC-4: the permission-service's name of each AGENT permission, and the name a login fixes it under. */
    private static final Map<String, String> AGENT_PERMISSIONS = Map.of(
            "cc.prerecorded-messages.manage", "MANAGE_PRERECORDED_MESSAGES",
            "cc.canned-messages.manage", "MANAGE_PUBLIC_CANNED_MESSAGES",
            "cc.labels.create", "CREATE_CUSTOM_LABELS");

    private final SessionStreams streams;
    private final PermissionService permissions;
    private final CommandClock clock;
    private final MemberStreams memberStreams;

    public QueueLogins(SessionStreams streams, PermissionService permissions, CommandClock clock, MemberStreams memberStreams) {
        this.streams = streams;
        this.permissions = permissions;
        this.clock = clock;
        this.memberStreams = memberStreams;
    }

    /** One stream per agent: their logins into all queues are decided together, one at a time (EVT-1). */
    public static String stream(UUID agentMemberId) {
        return PREFIX + agentMemberId;
    }

    /** CC-6, CC-8: the caller logs into the queue, with the AGENT permissions of now fixed until log-out (CC-7). */
    public Uni<Logged> logIn(MemberRequest request, UUID queueId) {
        Instant now = clock.now();
        return permissions.checks(request.accountId(), request.bearer(), request.consistency(), asks("me", queue(queueId))).chain(answers -> {
            UUID agent = mayLogIn(answers.get(0)).memberId();
            return run(request, new QueueCommand.LogIn(queueId, agent, agent, granted(answers)), agent, now);
        });
    }

    /** CC-6: a supervisor of the queue logs an agent in, also into a queue not assigned to them; it assigns nothing. */
    public Uni<Logged> logInAgent(MemberRequest request, UUID queueId, UUID agentMemberId) {
        Instant now = clock.now();
        return supervisor(request, queueId, RuleId.CC_6).chain(supervisor ->
        // the queue is not asked: a supervisor's login passes RESTRICT_UNASSIGNED_QUEUE_LOGIN (CC-6), the AGENT role it does not (CC-8)
        permissions.checks(request.accountId(), request.bearer(), request.consistency(), asks(agentMemberId.toString(), null))
                .onFailure(ProblemException.class).transform(f -> ((ProblemException) f).problem().status() == 404
                        ? Refusal.invalid(RuleId.CC_8, "agentMemberId", "no member " + agentMemberId + " in this account")
                        : f)
                .chain(answers -> {
                    allowed(answers.get(0), RuleId.CC_8);
                    return run(request, new QueueCommand.LogIn(queueId, agentMemberId, supervisor, granted(answers)), supervisor, now);
                }));
    }

    /** CC-7: the caller logs out; no permission is asked, so an agent whose role was taken away still leaves the queues they are in. */
    public Uni<Logged> logOut(MemberRequest request, UUID queueId) {
        Instant now = clock.now();
        return request.me(permissions).chain(me -> run(request, new QueueCommand.LogOut(queueId, me, me), me, now));
    }

    /** CC-7: a supervisor of the queue logs an agent out of it. */
    public Uni<Logged> logOutAgent(MemberRequest request, UUID queueId, UUID agentMemberId) {
        Instant now = clock.now();
        return supervisor(request, queueId, RuleId.CC_7)
                .chain(supervisor -> run(request, new QueueCommand.LogOut(queueId, agentMemberId, supervisor), supervisor, now));
    }

    /**
     * The logins of {@code memberId} ({@code "me"} or an id): all of one's own; of another member, only those in the
     * queues the caller supervises (CC-5). ACC-6: whether the caller supervises is asked before anything of the id is
     * looked at, and another account's member has no logins here, as a made-up id has none: neither answer says who
     * exists elsewhere.
     */
    public Uni<AgentView> logins(MemberRequest request, String memberId, Function<String, UUID> id) {
        return request.me(permissions).chain(me -> {
            UUID agent = "me".equals(memberId) ? me : id.apply(memberId);
            if (agent.equals(me)) {
                return logins(request.accountId(), agent).map(logins -> new AgentView(agent, logins));
            }
            return permissions.check(request.accountId(), request.bearer(), request.consistency(), "me", "cc.queue.supervise", null)
                    .invoke(check -> allowed(check, RuleId.CC_5))
                    .chain(() -> logins(request.accountId(), agent))
                    .chain(logins -> supervised(request, logins))
                    .map(supervised -> new AgentView(agent, supervised));
        });
    }

    /** An agent and the logins the caller sees of theirs. */
    public record AgentView(UUID agentMemberId, Collection<AgentLogins.Login> logins) {
    }

    private Uni<Collection<AgentLogins.Login>> logins(UUID accountId, UUID agent) {
        return streams.loadAs(AGGREGATE, accountId, stream(agent)).map(loaded -> loaded.state().queues().values());
    }

    /** CC-5: of another member's logins, those in the queues the caller supervises. */
    private Uni<List<AgentLogins.Login>> supervised(MemberRequest request, Collection<AgentLogins.Login> logins) {
        if (logins.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<AgentLogins.Login> all = List.copyOf(logins);
        List<Ask> asks = all.stream().map(l -> new Ask("me", "cc.queue.supervise", queue(l.queueId()))).toList();
        return permissions.checks(request.accountId(), request.bearer(), request.consistency(), asks).map(answers -> {
            List<AgentLogins.Login> supervised = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (answers.get(i).allowed()) {
                    supervised.add(all.get(i));
                }
            }
            return supervised;
        });
    }

    /** What a login or log-out left, for the agent it was of. */
    public record Logged(UUID agent, Done<AgentLogins, QueueEvent> done) {
    }

    private Uni<Logged> run(MemberRequest request, QueueCommand command, UUID actor, Instant now) {
        String stream = stream(command.agent());
        return streams.run(AGGREGATE, request.accountId(), stream, command, QueueDecider::decide,
                EventMetadata.requested(member(actor), request.correlationId(), now),
                (connection, done) -> memberStreams.remember(connection, request.accountId(), command.agent(), stream))
                .map(done -> new Logged(command.agent(), done));
    }

    /** The account took away what the agent's logins need: every one ends (USR-6, CC-8, SEAT-3, SEAT-5, SEAT-6). */
    public Uni<Void> end(UUID accountId, UUID agent, QueueEvent.Reason reason, EventMetadata metadata) {
        return streams.run(AGGREGATE, accountId, stream(agent), new QueueCommand.EndLogins(agent, reason), QueueDecider::decide, metadata).replaceWithVoid();
    }

    /** The caller, when they supervise the queue (CC-5); else a 403 naming {@code rule}. */
    private Uni<UUID> supervisor(MemberRequest request, UUID queueId, RuleId rule) {
        return permissions.check(request.accountId(), request.bearer(), request.consistency(), "me", "cc.queue.supervise", queue(queueId))
                .map(check -> allowed(existing(check), rule).memberId());
    }

    /** The login check, then the AGENT permissions, for one member. */
    private static List<Ask> asks(String member, String queue) {
        List<Ask> asks = new ArrayList<>();
        asks.add(new Ask(member, "cc.queue.login", queue));
        AGENT_PERMISSIONS.keySet().forEach(permission -> asks.add(new Ask(member, permission, null)));
        return asks;
    }

    /** CC-7: what the AGENT role grants at this login, fixed until log-out. */
    private static Set<String> granted(List<Check> answers) {
        return answers.subList(1, answers.size()).stream().filter(Check::allowed)
                .map(check -> AGENT_PERMISSIONS.get(check.permission())).collect(Collectors.toUnmodifiableSet());
    }

    /** CC-6 when only an assignment to the queue is lacking (a supervisor can help), CC-8 otherwise. */
    private static Check mayLogIn(Check check) {
        existing(check);
        boolean unassignedOnly = !check.missing().isEmpty() && check.missing().stream().allMatch(m -> m.startsWith("assignment to queue"));
        return allowed(check, unassignedOnly ? RuleId.CC_6 : RuleId.CC_8);
    }

    /** ACC-6: a queue the account does not have is not found rather than forbidden. */
    private static Check existing(Check check) {
        if (!check.allowed() && check.missing().stream().anyMatch(m -> m.startsWith("an existing "))) {
            throw ProblemException.notFound("queue");
        }
        return check;
    }

    private static String queue(UUID queueId) {
        return "queue:" + queueId;
    }
}
