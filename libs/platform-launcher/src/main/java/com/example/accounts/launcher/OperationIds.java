package com.example.accounts.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every operation of an OpenAPI document has an operation id, and no two share one: a client generated from the
 * document names its methods by them, and two operations of one id make one of them unreachable (or a generator
 * rename it as it likes).
 */
public final class OperationIds {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OperationIds() {
    }

    /** What is wrong, one line each: an operation without an id, an id two or more operations share. Empty when none. */
    public static List<String> findings(String document) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(document);
        } catch (IOException e) {
            throw new LaunchException("the OpenAPI document is not JSON: " + e.getMessage(), e);
        }
        List<String> findings = new ArrayList<>();
        Map<String, List<String>> byId = new LinkedHashMap<>();
        for (DocumentedOperation operation : DocumentedOperation.of(parsed)) {
            String id = operation.operationId();
            if (id == null) {
                findings.add(operation.name() + ": no operationId");
            } else {
                byId.computeIfAbsent(id, i -> new ArrayList<>()).add(operation.name());
            }
        }
        byId.forEach((id, operations) -> {
            if (operations.size() > 1) {
                findings.add("operationId " + id + " is shared by " + String.join(", ", operations));
            }
        });
        return findings;
    }
}
