package com.example.accounts.permission.api;

import com.example.accounts.contract.ConsistencyToken;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.kit.Caller;
import com.example.accounts.kit.Problem;
import com.example.accounts.kit.ProblemException;
import com.example.accounts.permission.domain.Decision;
import com.example.accounts.permission.domain.Member;
import com.example.accounts.permission.domain.PermissionRules;
import com.example.accounts.permission.domain.Resource;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The questions asked of the read model about one account (PRM-2, PRM-3): one check, up to 100 at once, a member's
 * effective permissions, and the members who hold a permission. Each waits for the consistency token (PRM-4).
 */
@Path("/accounts/{accountId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "unknown permission, resource of a kind the permission does not take, bad member id or token")
@APIResponse(responseCode = "403", description = "asking about other members needs account.view (USR-11)")
@APIResponse(responseCode = "404", description = "the caller is not a member of the account, or no such member (ACC-6)")
@APIResponse(responseCode = "503", description = "PRM-4: the consistency token was not applied within the bound, retry; PRM-1: the account is stale")
public class CheckResource {

    static final int MAX_CHECKS = 100;
    static final int MAX_HOLDERS = 200;

    public record CheckAnswer(UUID accountId, UUID memberId, String permission, String resource, boolean allowed, List<String> reasons,
            List<String> missing) {
        static CheckAnswer of(UUID accountId, Member member, String permission, Resource resource, Decision decision) {
            return new CheckAnswer(accountId, member.memberId(), permission, resource == null ? null : resource.kind().label() + ":" + resource.id(),
                    decision.allowed(), decision.reasons(), decision.missing());
        }
    }

    public record Check(String member, String permission, String resource) {
    }

    public record CheckMany(List<Check> checks) {
    }

    public record CheckManyAnswer(List<CheckAnswer> results) {
    }

    public record Effective(UUID accountId, UUID memberId, List<PermissionRules.Effective> permissions) {
    }

    public record Holder(UUID memberId, String name, String role, List<String> reasons) {
    }

    public record Holders(String permission, String resource, List<Holder> items, String next) {
    }

    public record Policy(UUID policyId, String name, boolean enabled, List<String> permissions) {
    }

    /** What session-service needs to know of an account beyond checks: its settings and security policies. */
    public record SessionSettings(UUID accountId, boolean serverInviteEmails, boolean coOrganizers, boolean restrictUnassignedQueueLogin,
            List<Policy> securityPolicies) {
    }

    public record AccountStatus(UUID accountId, java.util.Map<String, Long> positions, boolean stale, String staleBecause) {
    }

    private final Questions questions;
    private final Caller caller;
    private final CheckMetrics metrics;

    public CheckResource(Questions questions, Caller caller, CheckMetrics metrics) {
        this.questions = questions;
        this.caller = caller;
        this.metrics = metrics;
    }

    @GET
    @Path("/checks")
    @Operation(operationId = "check", summary = "May this member do this, here? (PRM-2) Allowed or denied with the reasons and what is missing")
    @APIResponse(responseCode = "200", description = "allowed or denied, with the reasons")
    public Uni<CheckAnswer> check(@PathParam("accountId") UUID accountId, @QueryParam("member") String member,
            @QueryParam("permission") String permission, @QueryParam("resource") String resource,
            @QueryParam("consistency") String consistencyParam,
            @HeaderParam(ConsistencyToken.HEADER) String consistencyHeader) {
        String asked = Questions.permission(permission);
        Resource on = Questions.resource(asked, resource);
        return metrics.timed("single", questions.ask(accountId, caller.loginId(), consistency(consistencyParam, consistencyHeader))
                .chain(a -> questions.including(a, Collections.singletonList(on))).map(a -> {
                    Member subject = a.subject(member);
                    return CheckAnswer.of(accountId, subject, asked, on, PermissionRules.decide(a.account(), subject, asked, on));
                })
                .invoke(answer -> metrics.checked(asked, answer.allowed())));
    }

    @POST
    @Path("/checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkMany", summary = "Up to 100 checks at once, answered from one view of the account, in the order asked (PRM-2)")
    @APIResponse(responseCode = "200", description = "one answer per check, in order")
    @APIResponse(responseCode = "422", description = "no checks, or more than 100 (PRM-2)")
    public Uni<CheckManyAnswer> checkMany(@PathParam("accountId") UUID accountId, CheckMany body,
            @QueryParam("consistency") String consistencyParam,
            @HeaderParam(ConsistencyToken.HEADER) String consistencyHeader) {
        if (body == null || body.checks() == null) {
            throw ProblemException.badRequest("checks", "is required: 1 to " + MAX_CHECKS + " checks");
        }
        // the bound comes before anything is parsed or looked up, so a long list costs nothing but its refusal
        if (body.checks().isEmpty() || body.checks().size() > MAX_CHECKS) {
            throw ProblemException.invalid(RuleId.PRM_2, "checks", "at most " + MAX_CHECKS + " checks in one request, and at least one; got "
                    + body.checks().size());
        }
        List<String> permissions = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < body.checks().size(); i++) {
            Check check = body.checks().get(i);
            if (check == null) {
                throw ProblemException.badRequest("checks[" + i + "]", "is required");
            }
            try {
                String permission = Questions.permission(check.permission());
                permissions.add(permission);
                resources.add(Questions.resource(permission, check.resource()));
            } catch (ProblemException e) {
                Problem.FieldError error = e.problem().errors().get(0);
                throw ProblemException.badRequest("checks[" + i + "]." + error.field(), error.message());
            }
        }
        return metrics.timed("batch", questions.ask(accountId, caller.loginId(), consistency(consistencyParam, consistencyHeader))
                .chain(found -> questions.including(found, resources)).map(a -> {
                    List<CheckAnswer> results = new ArrayList<>();
                    for (int i = 0; i < permissions.size(); i++) {
                        Member subject = a.subject(body.checks().get(i).member());
                        results.add(CheckAnswer.of(accountId, subject, permissions.get(i), resources.get(i),
                                PermissionRules.decide(a.account(), subject, permissions.get(i), resources.get(i))));
                    }
                    return new CheckManyAnswer(results);
                })
                .invoke(answers -> answers.results().forEach(answer -> metrics.checked(answer.permission(), answer.allowed()))));
    }

    @GET
    @Path("/members/{member}/permissions")
    @Operation(operationId = "getEffectivePermissions", summary = "A member's effective permissions, account-wide or with the resources they apply to (PRM-3)")
    @APIResponse(responseCode = "200", description = "every permission the member holds")
    public Uni<Effective> effective(@PathParam("accountId") UUID accountId, @PathParam("member") String member,
            @QueryParam("consistency") String consistencyParam,
            @HeaderParam(ConsistencyToken.HEADER) String consistencyHeader) {
        return questions.ask(accountId, caller.loginId(), consistency(consistencyParam, consistencyHeader)).map(a -> {
            Member subject = a.subject(member);
            return new Effective(accountId, subject.memberId(), PermissionRules.effective(a.account(), subject));
        });
    }

    @GET
    @Path("/holders")
    @Operation(operationId = "listHolders", summary = "The members who hold a permission (on a resource), ordered by member id, a page at a time (PRM-3)")
    @APIResponse(responseCode = "200", description = "a page of holders with the reasons, and the cursor of the next page")
    public Uni<Holders> holders(@PathParam("accountId") UUID accountId, @QueryParam("permission") String permission,
            @QueryParam("resource") String resource, @QueryParam("after") String after,
            @QueryParam("limit") Integer limit, @QueryParam("consistency") String consistencyParam,
            @HeaderParam(ConsistencyToken.HEADER) String consistencyHeader) {
        String asked = Questions.permission(permission);
        Resource on = Questions.resource(asked, resource);
        UUID from = after == null ? null : Questions.uuid("after", after, "the 'next' of the previous page");
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > MAX_HOLDERS) {
            throw ProblemException.badRequest("limit", "must be 1 to " + MAX_HOLDERS);
        }
        return questions.ask(accountId, caller.loginId(), consistency(consistencyParam, consistencyHeader))
                .chain(found -> questions.including(found, Collections.singletonList(on))).map(a -> {
                    if (!PermissionRules.decide(a.account(), a.asker(), "account.view").allowed()) {
                        throw ProblemException.forbidden(RuleId.USR_11, "listing members needs account.view");
                    }
                    List<Holder> page = new ArrayList<>();
                    String next = null;
                    for (Member m : a.account().members().values().stream().sorted(java.util.Comparator.comparing(m -> m.memberId().toString())).toList()) {
                        if (from != null && m.memberId().toString().compareTo(from.toString()) <= 0) {
                            continue;
                        }
                        Decision decision = PermissionRules.decide(a.account(), m, asked, on);
                        if (!decision.allowed()) {
                            continue;
                        }
                        if (page.size() == size) {
                            next = page.get(page.size() - 1).memberId().toString();
                            break;
                        }
                        page.add(new Holder(m.memberId(), m.name(), m.role(), decision.reasons()));
                    }
                    return new Holders(asked, resource, page, next);
                });
    }

    @GET
    @Path("/session-settings")
    @Operation(operationId = "getSessionSettings",
            summary = "The settings and security policies sessions follow (ACC-5, INV-1, INV-6, TRN-2, CC-6), for every member but observers")
    @APIResponse(responseCode = "200", description = "the account's session settings and its security policies, by name")
    @APIResponse(responseCode = "403", description = "an observer, who sees Monitoring data and nothing else (USR-11)")
    public Uni<SessionSettings> sessionSettings(@PathParam("accountId") UUID accountId, @QueryParam("consistency") String consistencyParam,
            @HeaderParam(ConsistencyToken.HEADER) String consistencyHeader) {
        return questions.ask(accountId, caller.loginId(), consistency(consistencyParam, consistencyHeader)).map(a -> {
            // settings and security policies are account data: observers see Monitoring data only (USR-11, SEAT-3)
            if (!PermissionRules.decide(a.account(), a.asker(), "account.view").allowed()) {
                throw ProblemException.forbidden(RuleId.USR_11, "an observer sees Monitoring data and nothing else: no settings, no security policies");
            }
            var view = a.account();
            List<Policy> policies = view.securityPolicies().values().stream()
                    .map(p -> new Policy(p.policyId(), p.name(), p.enabled(), p.permissions().stream().sorted().toList()))
                    .sorted(java.util.Comparator.comparing(Policy::name)).toList();
            return new SessionSettings(accountId, view.serverInviteEmails(), view.coOrganizers(), view.restrictUnassignedQueueLogin(), policies);
        });
    }

    @GET
    @Path("/read-model")
    @Operation(operationId = "getAccountReadModel",
            summary = "How far the read model is for this account: its applied positions, and whether it is stale (PRM-1, PRM-4)")
    @APIResponse(responseCode = "200", description = "the account's positions")
    public Uni<AccountStatus> readModel(@PathParam("accountId") UUID accountId, @QueryParam("consistency") String consistencyParam,
            @HeaderParam(ConsistencyToken.HEADER) String consistencyHeader) {
        return questions.ask(accountId, caller.loginId(), consistency(consistencyParam, consistencyHeader), true)
                .map(a -> new AccountStatus(accountId, a.account().positions(), a.account().staleBecause() != null, a.account().staleBecause()));
    }

    private static String consistency(String param, String header) {
        return param != null ? param : header;
    }
}
