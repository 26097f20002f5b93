package com.example.accounts.session.domain;

/** A command refused by a rule of the rule book: which rule, which field (if one), and why. */
public final class Refusal extends RuntimeException {

    public enum Kind { INVALID, FORBIDDEN, CONFLICT, GONE, NOT_FOUND }

    private final Kind kind;
    private final String rule;
    private final String field;

    public Refusal(Kind kind, String rule, String field, String message) {
        super(message);
        this.kind = kind;
        this.rule = rule;
        this.field = field;
    }

    public static Refusal invalid(String rule, String field, String message) {
        return new Refusal(Kind.INVALID, rule, field, message);
    }

    public static Refusal forbidden(String rule, String message) {
        return new Refusal(Kind.FORBIDDEN, rule, null, message);
    }

    public static Refusal conflict(String rule, String message) {
        return new Refusal(Kind.CONFLICT, rule, null, message);
    }

    /** Something that existed and works no more: an ended session, a lapsed or used invite. */
    public static Refusal gone(String rule, String message) {
        return new Refusal(Kind.GONE, rule, null, message);
    }

    public static Refusal notFound(String rule, String message) {
        return new Refusal(Kind.NOT_FOUND, rule, null, message);
    }

    public Kind kind() {
        return kind;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
