package com.example.accounts.session.infrastructure;

import com.example.accounts.contract.ConsistencyToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * The permission-service's API as session-service asks it ({@code quarkus.rest-client.permission-service.*}): the
 * caller's own token and consistency token go with every question. Answers come back whole, whatever their status:
 * {@link PermissionService} reads them, {@link PermissionServiceCalls} bounds the calls.
 */
@RegisterRestClient(configKey = "permission-service")
@Path("/accounts/{accountId}")
@Produces(MediaType.APPLICATION_JSON)
public interface PermissionServiceClient {

    @POST
    @Path("/checks")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> checks(@PathParam("accountId") UUID accountId, @HeaderParam("Authorization") String bearer,
            @HeaderParam(ConsistencyToken.HEADER) String consistency, String body);

    @GET
    @Path("/session-settings")
    Uni<Response> sessionSettings(@PathParam("accountId") UUID accountId, @HeaderParam("Authorization") String bearer,
            @HeaderParam(ConsistencyToken.HEADER) String consistency);
}
