package com.example.accounts.launcher;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** One operation of a service's OpenAPI document, as the launcher's probes walk them (deny by default, the outsider oracle). */
record DocumentedOperation(String method, String path, JsonNode operation, JsonNode pathItem) {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** Every method of every path of the document, in its order. */
    static List<DocumentedOperation> of(JsonNode document) {
        List<DocumentedOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    operations.add(new DocumentedOperation(method.toUpperCase(), path.getKey(), operation, path.getValue()));
                }
            }
        }
        return operations;
    }

    /** Its {@code operationId}, null when the document gives none. */
    String operationId() {
        String id = operation.path("operationId").asText("");
        return id.isBlank() ? null : id;
    }

    /** How a test names it: {@code GET /accounts/{accountId}}. */
    String name() {
        return method + " " + path;
    }
}
