package com.example.accounts.kit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * SEC-3 on a resource method that creates something and answers a {@code Uni<Response>}: it accepts an
 * {@code Idempotency-Key}, and a retry with the same key and request gets the first answer and appends nothing
 * ({@link IdempotentRequests}). The method's events must be appended through a store transaction that calls
 * {@link IdempotencyKeys#claimIn}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {

    /**
     * Fields of the answer's body that are secrets the service keeps only as hashes (a join code, an invite URL,
     * INV-2): the first answer has them, the kept answer and so a replay do not, and the replay names them in
     * {@link Answer#WITHHELD}.
     */
    @Nonbinding
    String[] secret() default {};
}
