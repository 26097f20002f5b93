package com.example.accounts.account.infrastructure;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** Keycloak's admin API for the realm's users, called with account-service's own service account. */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Path("/users")
public interface KeycloakUsers {

    /**
     * The logins with this email. {@code briefRepresentation} spares Keycloak what a lookup needs none of (attributes,
     * and the admin permissions it would evaluate for each user found, which cost most of the call); at most {@code max}.
     */
    @GET
    Uni<List<User>> byEmail(@QueryParam("email") String email, @QueryParam("exact") boolean exact,
            @QueryParam("briefRepresentation") boolean brief, @QueryParam("max") int max);

    @POST
    Uni<Response> create(User user);

    /** The whole representation, so that an update sends back every field it does not change. */
    @GET
    @Path("/{id}")
    Uni<ObjectNode> representation(@PathParam("id") String id);

    @PUT
    @Path("/{id}")
    Uni<Response> update(@PathParam("id") String id, ObjectNode representation);

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record User(String id, String username, String email, String firstName, Boolean enabled, Boolean emailVerified, List<String> groups) {
    }
}
