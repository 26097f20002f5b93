package com.example.accounts.kit;

import com.example.accounts.contract.vocabulary.RuleId;

import java.util.List;
import java.util.Optional;

/** A refusal to answer as problem+json; thrown by resources and mapped once by {@link ProblemMapper}. */
public class ProblemException extends RuntimeException {

    private final RuleId rule;
    private final Problem problem;

    /** A refusal by {@code rule}; a null rule answers {@code about:blank}, for failures no rule names. */
    public ProblemException(int status, RuleId rule, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.rule = rule;
        this.problem = Problem.of(rule, title, status, detail, errors);
    }

    public static ProblemException invalid(RuleId rule, String field, String message) {
        return new ProblemException(422, rule, "Invalid request", field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    /** SEC-2: a request this API cannot read, naming the field. */
    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, RuleId.SEC_2, "Bad request", field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    /** SEC-1: no caller, or none the identity provider vouches for. */
    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, RuleId.SEC_1, "Unauthorized", detail, null);
    }

    /** ACC-6: whatever the reason, a caller outside the account sees nothing there. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, RuleId.ACC_6, "Not found", what + " does not exist or is not visible to you", null);
    }

    public static ProblemException forbidden(RuleId rule, String detail) {
        return new ProblemException(403, rule, "Forbidden", detail, null);
    }

    /** The rule that refused, or empty where none names the failure. */
    public Optional<RuleId> rule() {
        return Optional.ofNullable(rule);
    }

    public Problem problem() {
        return problem;
    }
}
