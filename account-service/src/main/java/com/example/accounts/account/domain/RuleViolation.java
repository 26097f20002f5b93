package com.example.accounts.account.domain;

/** A command refused by a rule of the rule book: which rule, which field (if one), and why. */
public final class RuleViolation extends RuntimeException {

    public enum Kind { INVALID, FORBIDDEN, CONFLICT, NOT_FOUND }

    private final String rule;
    private final String field;
    private final Kind kind;

    public RuleViolation(Kind kind, String rule, String field, String message) {
        super(message);
        this.kind = kind;
        this.rule = rule;
        this.field = field;
    }

    public static RuleViolation invalid(String rule, String field, String message) {
        return new RuleViolation(Kind.INVALID, rule, field, message);
    }

    public static RuleViolation forbidden(String rule, String message) {
        return new RuleViolation(Kind.FORBIDDEN, rule, null, message);
    }

    public static RuleViolation notFound(String rule, String message) {
        return new RuleViolation(Kind.NOT_FOUND, rule, null, message);
    }

    public static RuleViolation conflict(String rule, String field, String message) {
        return new RuleViolation(Kind.CONFLICT, rule, field, message);
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    public Kind kind() {
        return kind;
    }
}
