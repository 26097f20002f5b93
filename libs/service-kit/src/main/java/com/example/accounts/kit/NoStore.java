package com.example.accounts.kit;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every API answer says {@code Cache-Control: no-store}, unless its resource set a Cache-Control of its own: answers
 * carry join codes, invite URLs, guest keys and account data, which no browser, proxy or CDN may keep (INV-2; OWASP
 * REST Security). Errors too, since a problem may name what was asked.
 */
public class NoStore {

    @ServerResponseFilter
    public void noStore(ContainerResponseContext response) {
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
