package com.example.accounts.account.api;

import com.example.accounts.account.application.AccountCommands;
import com.example.accounts.account.domain.Account;
import com.example.accounts.account.domain.AccountCommand;
import com.example.accounts.account.domain.AccountEvent;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.Role;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.SeatCount;
import com.example.accounts.contract.ConsistencyToken;
import com.example.accounts.contract.EventJson;
import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.kit.Answer;
import com.example.accounts.kit.Caller;
import com.example.accounts.kit.IdempotencyKey;
import com.example.accounts.kit.ProblemException;
import com.example.accounts.kit.RequestShape;
import com.example.accounts.kit.command.Done;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the account API's resources share: headers in and out (refusals are mapped by the kit's ProblemMapper). */
public class ApiSupport {

    /** SEC-3: the caller's key, fingerprinted with the request it came with. */
    static Optional<IdempotencyKey> idempotencyKey(Caller caller, String key, String path, Object request) {
        return IdempotencyKey.of(caller.loginId(), key, path, request);
    }

    /** If-Match carries the account version an edit was made on, as the ETag gave it. */
    static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(header.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match", "must be the account's ETag, e.g. \"7\"");
        }
    }

    /** A query parameter parsed, or a 400 naming it and what it takes. */
    static <T> T queryParam(String name, String value, java.util.function.Function<String, T> parse, String takes) {
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be " + takes);
        }
    }

    /** SEC-2: a request that needs a body and came without one, or with a part missing (RequestShape). */
    static void required(Object body) {
        if (body == null) {
            throw ProblemException.badRequest("body", "is required");
        }
        RequestShape.check(body);
    }

    /** An edit on the caller's behalf: its metadata, and If-Match's version when the caller sent one. */
    static Uni<Done<Account, AccountEvent>> edit(AccountCommands commands, UUID accountId, AccountCommand command, Caller caller, String correlationId,
                                   String ifMatch) {
        return commands.edit(accountId, caller.loginId(), state -> command, EventMetadata.requested(caller.loginId(), correlationId, command.now()), ifMatch(ifMatch));
    }

    /** USR-10, USR-11: account data is for its members (AccountCommands.loadFor), except monitoring observers, who see Monitoring data only. */
    static Account accountDataFor(Account account, Caller caller) {
        if (account.memberByLogin(caller.loginId()).orElseThrow().role() == Role.MONITORING_OBSERVER) {
            throw ProblemException.forbidden("USR-11", "monitoring observers see Monitoring data of the companies they may access, nothing else");
        }
        return account;
    }

    static CompanyAccess companyAccess(AccountRequests.CompanyAccessBody body) {
        return body == null ? null : new CompanyAccess(Boolean.TRUE.equals(body.all()), body.companies() == null ? List.of() : body.companies());
    }

    static Plan plan(AccountRequests.PlanBody body) {
        if (body == null || body.modules() == null) {
            throw ProblemException.invalid("ACC-2", "plan.modules", "is required");
        }
        List<SeatCount> seats = body.seats() == null ? List.of() : body.seats().stream()
                .map(seat -> {
                    if (seat == null || seat.module() == null || seat.seats() == null) {
                        throw ProblemException.invalid("ACC-2", "plan.seats", "each entry needs a module and a number of seats");
                    }
                    return new SeatCount(seat.module(), seat.seats());
                }).toList();
        return new Plan(body.modules(), seats);
    }

    static Answer created(URI location, Done<Account, AccountEvent> result, Object body) {
        return new Answer(201, location.toString(), result.version(), result.token().toString(), EventJson.MAPPER.valueToTree(body));
    }

    static Response respond(Answer answer) {
        return answer.response();
    }

    static Response removed(Done<Account, AccountEvent> result) {
        return Response.noContent().header(ConsistencyToken.HEADER, result.token().toString())
                .tag(Long.toString(result.version())).build();
    }

    static Response edited(Done<Account, AccountEvent> result, Object body) {
        return Response.ok(body).header(ConsistencyToken.HEADER, result.token().toString())
                .tag(Long.toString(result.version())).build();
    }
}
