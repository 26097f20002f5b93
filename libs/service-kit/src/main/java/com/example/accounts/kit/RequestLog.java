package com.example.accounts.kit;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one place a request's correlation id is read or made, and what every log line of the request says about it:
 * {@code correlationId} (the caller's {@code X-Correlation-Id} when it is a plain token, as the gateway passes it on,
 * else a fresh one, which the resources then read as if it was sent), {@code accountId} when the path names an
 * account, and the trace and span ids Quarkus's tracing sets, all in the log's MDC. One line per answer names the
 * resource method and the status, never the path or query, which may carry a join code or an invite token.
 */
public class RequestLog {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    /** The gateway's own rule for a correlation id it passes on (deploy/gateway). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final Logger LOG = Logger.getLogger("request");

    @ServerRequestFilter(preMatching = true)
    public void correlate(ContainerRequestContext request) {
        String sent = request.getHeaderString(CORRELATION_HEADER);
        String correlationId = sent != null && PLAIN.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
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
        String handler = resource == null || resource.getResourceClass() == null ? "no resource"
                : resource.getResourceClass().getSimpleName() + "." + resource.getMethodName();
        LOG.infof("%s %s answered %d", request.getMethod(), handler, response.getStatus());
    }
}
