package com.example.accounts.kit;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Idempotent} does: the caller's key, fingerprinted with the request line and its body (the method's one
 * parameter without a JAX-RS annotation), run through {@link IdempotencyKeys#once(Optional, List, java.util.function.Supplier)}.
 * The method itself is called first, so bad input is refused (SEC-2) as without a key; what it answers is lazy and
 * runs only when the key has no answer yet.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class IdempotentRequests {

    private final Instance<IdempotencyKeys> keys;
    private final Caller caller;
    private final HttpServerRequest request;

    public IdempotentRequests(Instance<IdempotencyKeys> keys, Caller caller, HttpServerRequest request) {
        this.keys = keys;
        this.caller = caller;
        this.request = request;
    }

    @AroundInvoke
    @SuppressWarnings("unchecked")
    Object around(InvocationContext invocation) throws Exception {
        String header = request.getHeader(IdempotencyKey.HEADER);
        if (header == null) {
            return invocation.proceed();
        }
        Method method = invocation.getMethod();
        Optional<IdempotencyKey> key = IdempotencyKey.of(caller.loginId(), header, request.method().name() + " " + request.path(),
                body(method, invocation.getParameters()));
        Uni<Response> first = (Uni<Response>) invocation.proceed();
        Idempotent idempotent = method.getAnnotation(Idempotent.class);
        return keys.get().once(key, idempotent == null ? List.of() : List.of(idempotent.secret()), () -> first);
    }

    private static Object body(Method method, Object[] parameters) {
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < parameters.length; i++) {
            boolean jaxRs = false;
            for (Annotation annotation : annotations[i]) {
                jaxRs |= annotation.annotationType().getPackageName().startsWith("jakarta.ws.rs");
            }
            if (!jaxRs) {
                return parameters[i];
            }
        }
        return null;
    }
}
