package com.example.accounts.kit;

import com.example.accounts.contract.ConsistencyToken;
import com.example.accounts.contract.EventJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What a creating command answered over HTTP, kept for SEC-3: retried with the same Idempotency-Key it gets this
 * answer again and appends nothing. {@code version} is the ETag (0: none). {@code withheld} names the fields of the
 * first answer that were not kept, secrets the service keeps only as hashes (a join code, an invite URL, INV-2): a
 * replay answers without them, and says so.
 */
public record Answer(int status, String location, long version, String token, JsonNode body, List<String> withheld, boolean replayed) {

    /** On a replayed answer: {@code true}. */
    public static final String REPLAYED = "Idempotent-Replayed";
    /** On a replayed answer that left fields of the first out: their names. */
    public static final String WITHHELD = "Idempotent-Withheld";

    public Answer(int status, String location, long version, String token, JsonNode body) {
        this(status, location, version, token, body, List.of(), false);
    }

    /** The answer a resource gave, to be kept with the {@code secret} fields of its body null. */
    public static Answer of(Response response, List<String> secret) {
        JsonNode body = response.getEntity() == null ? null : EventJson.MAPPER.valueToTree(response.getEntity());
        List<String> withheld = new ArrayList<>();
        if (body instanceof ObjectNode object) {
            for (String field : secret) {
                JsonNode value = object.get(field);
                if (value != null && !value.isNull()) {
                    object.putNull(field);
                    withheld.add(field);
                }
            }
        }
        Object token = response.getHeaders().getFirst(ConsistencyToken.HEADER);
        return new Answer(response.getStatus(), response.getLocation() == null ? null : response.getLocation().toString(), 0,
                token == null ? null : token.toString(), body, List.copyOf(withheld), false);
    }

    Answer asReplay() {
        return new Answer(status, location, version, token, body, withheld == null ? List.of() : withheld, true);
    }

    public Response response() {
        Response.ResponseBuilder response = written(status, body, token, version, location == null ? null : URI.create(location));
        if (replayed) {
            response.header(REPLAYED, "true");
            if (withheld != null && !withheld.isEmpty()) {
                response.header(WITHHELD, String.join(", ", withheld));
            }
        }
        return response.build();
    }

    /** A command's answer with the headers that carry its write: Consistency-Token, ETag (a positive version) and Location. */
    static Response.ResponseBuilder written(int status, Object body, String token, long version, URI location) {
        Response.ResponseBuilder response = Response.status(status).entity(body);
        if (token != null) {
            response.header(ConsistencyToken.HEADER, token);
        }
        if (version > 0) {
            response.tag(Long.toString(version));
        }
        if (location != null) {
            response.location(location);
        }
        return response;
    }
}
