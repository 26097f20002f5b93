package com.example.accounts.kit;

import com.example.accounts.contract.vocabulary.RuleId;

import java.util.List;

/** A refusal to answer as problem+json; thrown by resources and mapped once by {@link ProblemMapper}. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(int status, String rule, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        String type = rule == null ? "about:blank" : "urn:rule:" + rule;
        this.problem = new Problem(type, title, status, detail, rule, errors == null || errors.isEmpty() ? null : errors);
    }

    public static ProblemException invalid(String rule, String field, String message) {
        return new ProblemException(422, rule, "Invalid request", field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "SEC-2", "Bad request", field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    /** ACC-6: whatever the reason, a caller outside the account sees nothing there. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "ACC-6", "Not found", what + " does not exist or is not visible to you", null);
    }

    public static ProblemException forbidden(String rule, String detail) {
        return new ProblemException(403, rule, "Forbidden", detail, null);
    }

    /** The factories by the contract's rule id, so a rule's code is found from its constant ({@code RuleId.USR_11}). */
    public static ProblemException invalid(RuleId rule, String field, String message) {
        return invalid(rule.id(), field, message);
    }

    public static ProblemException forbidden(RuleId rule, String detail) {
        return forbidden(rule.id(), detail);
    }

    public Problem problem() {
        return problem;
    }
}
