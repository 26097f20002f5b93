package com.example.accounts.kit;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The one place a request's correlation id is read or made, and what every log line of the request says about it:
 * {@code correlationId} (the caller's {@code X-Correlation-Id} when it is a plain token, as the gateway passes it on,
 * else a fresh one, which the resources then read as if it was sent), {@code accountId} when the path names an
 * account, and the trace and span ids Quarkus's tracing sets, all in the log's MDC. One line per answer names the
 * resource method and the status, never the path or query, which may carry a join code or an invite token.
 *
 * <p>It runs on every request, so it keeps to what is cheap: a made correlation id is random but not drawn from the
 * operating system's entropy (it names a request, it guards nothing), the line is concatenated rather than formatted,
 * and each resource method's name is built once.
 */
public class RequestLog {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    /** The gateway's own rule for a correlation id it passes on (deploy/gateway). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final Logger LOG = Logger.getLogger("request");
    private static final String NO_RESOURCE = "no resource";
    /** By resource class, then method name: bounded by the resource methods there are. */
    private static final ClassValue<Map<String, String>> HANDLERS = new ClassValue<>() {
        @Override
        protected Map<String, String> computeValue(Class<?> resource) {
            return new ConcurrentHashMap<>();
        }
    };

    @ServerRequestFilter(preMatching = true)
    public void correlate(ContainerRequestContext request) {
        String sent = request.getHeaderString(CORRELATION_HEADER);
        String correlationId = sent != null && PLAIN.matcher(sent).matches() ? sent : madeId();
        request.getHeaders().putSingle(CORRELATION_HEADER, correlationId);
        MDC.put("correlationId", correlationId);
    }

    @ServerRequestFilter
    public void account(UriInfo uri) {
        String accountId = uri.getPathParameters().getFirst("accountId");
        if (accountId != null && ACCOUNT_ID.matcher(accountId).matches()) {
            MDC.put("accountId", accountId);
        }
    }

    @ServerResponseFilter
    public void answered(ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo resource) {
        if (LOG.isInfoEnabled()) {
            String handler = resource == null || resource.getResourceClass() == null
                    ? NO_RESOURCE
                    : HANDLERS.get(resource.getResourceClass())
                            .computeIfAbsent(resource.getMethodName(), method -> resource.getResourceClass().getSimpleName() + "." + method);
            LOG.info(request.getMethod() + " " + handler + " answered " + response.getStatus());
        }
    }

    /** A version-4 UUID from the thread's generator. */
    private static String madeId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
