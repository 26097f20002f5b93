package com.example.accounts.kit;

import com.example.accounts.contract.vocabulary.RuleId;

import java.util.List;

/** 429 naming the rule whose limit was reached, with the seconds to wait; {@link ProblemMapper} answers it with {@code Retry-After}. */
public class TooManyAttempts extends ProblemException {

    private final long retryAfterSeconds;

    public TooManyAttempts(RuleId rule, long retryAfterSeconds, String detail) {
        super(429, rule, "Too many attempts", detail, (List<Problem.FieldError>) null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
