package com.example.accounts.kit;

import com.example.accounts.contract.vocabulary.RuleId;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem: {@code type} names the rule that refused the request (e.g. {@code urn:rule:USR-1}),
 * {@code errors} names each field that is wrong and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String rule, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The problem of a refusal by {@code rule} ({@code type} is {@code urn:rule:<id>}), or {@code about:blank} where no rule names it. */
    public static Problem of(RuleId rule, String title, int status, String detail, List<FieldError> errors) {
        return new Problem(rule == null ? "about:blank" : "urn:rule:" + rule.id(), title, status, detail, rule == null ? null : rule.id(),
                errors == null || errors.isEmpty() ? null : errors);
    }

    public record FieldError(String field, String message) {
    }
}
