package com.example.accounts.rules;

import com.example.accounts.contract.vocabulary.RuleId;

import java.util.Objects;

/**
 * A command refused by a rule of the rule book: which rule, what kind of refusal (the kit's problem mapper gives each
 * kind its HTTP status), which field (if one), and why. Plain Java, so every service's domain throws it.
 */
public final class Refusal extends RuntimeException {

    public enum Kind {
        /** 422: what was asked breaks a rule */
        INVALID,
        /** 403: the caller may not */
        FORBIDDEN,
        /** 409: the state does not allow it now */
        CONFLICT,
        /** 410: something that existed works no more: an ended session, a lapsed or used invite */
        GONE,
        /** 404: no such thing, or none the caller may see (ACC-6) */
        NOT_FOUND
    }

    private final Kind kind;
    private final RuleId rule;
    private final String field;

    public Refusal(Kind kind, RuleId rule, String field, String message) {
        super(message);
        this.kind = kind;
        this.rule = Objects.requireNonNull(rule, "a refusal names the rule that refuses");
        this.field = field;
    }

    public static Refusal invalid(RuleId rule, String field, String message) {
        return new Refusal(Kind.INVALID, rule, field, message);
    }

    public static Refusal forbidden(RuleId rule, String message) {
        return new Refusal(Kind.FORBIDDEN, rule, null, message);
    }

    public static Refusal conflict(RuleId rule, String message) {
        return new Refusal(Kind.CONFLICT, rule, null, message);
    }

    public static Refusal conflict(RuleId rule, String field, String message) {
        return new Refusal(Kind.CONFLICT, rule, field, message);
    }

    public static Refusal gone(RuleId rule, String message) {
        return new Refusal(Kind.GONE, rule, null, message);
    }

    public static Refusal notFound(RuleId rule, String message) {
        return new Refusal(Kind.NOT_FOUND, rule, null, message);
    }

    public Kind kind() {
        return kind;
    }

    public RuleId rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
