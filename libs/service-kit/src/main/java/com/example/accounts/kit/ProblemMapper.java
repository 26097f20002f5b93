package com.example.accounts.kit;

import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.eventstore.ConcurrencyConflict;
import com.example.accounts.kit.command.PreconditionFailed;
import com.example.accounts.rules.Refusal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/** The one place where failures become problem+json answers (SEC-2), for every service. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    /** A limit reached: the problem, and when to try again. */
    @ServerExceptionMapper
    public Response tooMany(TooManyAttempts tooMany) {
        return Response.fromResponse(respond(tooMany.problem())).header("Retry-After", Long.toString(tooMany.retryAfterSeconds())).build();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return jsonProblem(e);
    }

    // Quarkus maps these two itself; as specific types here they win over its built-in mappers.
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return jsonProblem(e);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return jsonProblem(e);
    }

    /** SEC-2: what was wrong with the body, naming the field where Jackson knows it. */
    private static Response jsonProblem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return respond(Problem.of(RuleId.SEC_2, "Bad request", 400, "unknown field '" + field + "'",
                    List.of(new Problem.FieldError(field, "is not a field of this request"))));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return respond(Problem.of(RuleId.SEC_2, "Bad request", 400, "'" + field + "' has the wrong type or value",
                    List.of(new Problem.FieldError(field, mapping.getOriginalMessage()))));
        }
        return respond(Problem.of(RuleId.SEC_2, "Bad request", 400, "the body is not valid JSON: " + e.getOriginalMessage(), null));
    }

    @ServerExceptionMapper
    public Response conflict(ConcurrencyConflict e) {
        return respond(Problem.of(RuleId.EVT_1, "Conflict", 409, "someone changed this at the same time; read it again and retry", null));
    }

    /** A command refused by a rule (any service's domain): the rule, the field it names, and the status of its kind. */
    @ServerExceptionMapper
    public Response refused(Refusal refusal) {
        int status = switch (refusal.kind()) {
            case INVALID -> 422;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case GONE -> 410;
            case NOT_FOUND -> 404;
        };
        List<Problem.FieldError> errors = refusal.field() == null ? null : List.of(new Problem.FieldError(refusal.field(), refusal.getMessage()));
        String detail = refusal.field() == null ? refusal.getMessage() : refusal.field() + ": " + refusal.getMessage();
        return respond(Problem.of(refusal.rule(), status == 404 ? "Not found" : "Refused by " + refusal.rule().id(), status, detail, errors));
    }

    /** EVT-1: If-Match named a version the stream is no longer at. */
    @ServerExceptionMapper
    public Response stale(PreconditionFailed stale) {
        return respond(Problem.of(RuleId.EVT_1, "Precondition failed", 412, stale.getMessage(),
                List.of(new Problem.FieldError("If-Match", stale.getMessage()))));
    }

    /** SEC-3: the key was first used with another request; the first answer stays the key's. */
    @ServerExceptionMapper
    public Response reused(IdempotencyKeyReused reused) {
        return respond(Problem.of(RuleId.SEC_3, "Idempotency-Key reused", 422, reused.getMessage(),
                List.of(new Problem.FieldError(IdempotencyKey.HEADER, reused.getMessage()))));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return jsonProblem(json);
            }
        }
        if (status == 400) {
            return respond(Problem.of(RuleId.SEC_2, "Bad request", 400, e.getMessage(), null));
        }
        if (status == 413) {
            return respond(Problem.of(RuleId.SEC_2, "Payload too large", 413, "the body is larger than this endpoint accepts", null));
        }
        return respond(Problem.of(null, e.getResponse().getStatusInfo().getReasonPhrase(), status, e.getMessage(), null));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    public static Response respond(Problem problem) {
        if (problem.status() >= 500) {
            LOG.warnf("answering %d: %s", problem.status(), problem.detail());
        }
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 503) {
            response.header("Retry-After", "1");
        }
        return response.build();
    }
}
