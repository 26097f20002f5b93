package com.example.accounts.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The bodies {@link NonMemberOracle} sends to one operation, read off its OpenAPI schema: every field filled, with
 * the value the oracle knows for it (an id, a given value) or a plausible one, or every field blank.
 */
final class ExampleBodies {

    private final JsonNode components;
    private final String operation;
    private final Function<String, String> known;

    /**
     * @param components the document's {@code components.schemas}, where a {@code $ref} points
     * @param operation  the operation's name, from which a uuid field's value is made, the same at every call
     * @param known      the value the oracle knows for a field's name, or null
     */
    ExampleBodies(JsonNode components, String operation, Function<String, String> known) {
        this.components = components;
        this.operation = operation;
        this.known = known;
    }

    /** A body the schema describes, every field filled: plausible values, or blank ones (empty strings and lists, -1). */
    JsonNode example(JsonNode schema, boolean blank, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonNode resolved = resolve(schema);
        if (depth > 6) {
            return nodes.nullNode();
        }
        JsonNode options = resolved.path("enum");
        String type = type(resolved);
        if (options.isArray() && !options.isEmpty()) {
            return blank ? nodes.textNode("") : options.get(0);
        }
        switch (type) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> fields = resolved.path("properties").fields(); fields.hasNext();) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String value = known.apply(field.getKey());
                    object.set(field.getKey(), value != null && !blank ? nodes.textNode(value) : example(field.getValue(), blank, depth + 1));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                if (!blank) {
                    array.add(example(resolved.path("items"), false, depth + 1));
                }
                return array;
            }
            case "integer", "number" -> {
                return nodes.numberNode(blank ? -1 : 1);
            }
            case "boolean" -> {
                return nodes.booleanNode(!blank);
            }
            default -> {
                if (blank) {
                    return nodes.textNode("");
                }
                return switch (resolved.path("format").asText()) {
                    case "uuid" -> nodes.textNode(UUID.nameUUIDFromBytes(operation.getBytes(StandardCharsets.UTF_8)).toString());
                    case "date-time" -> nodes.textNode(Instant.now().plus(Duration.ofHours(1)).toString());
                    case "email" -> nodes.textNode("oracle@example.com");
                    default -> nodes.textNode("Oracle");
                };
            }
        }
    }

    /** The schema a {@code $ref}, a single {@code allOf} or the first of a {@code oneOf} or {@code anyOf} stands for. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < 10; hops++) {
            if (current.has("$ref")) {
                String ref = current.get("$ref").asText();
                current = components.path(ref.substring(ref.lastIndexOf('/') + 1));
            } else if (current.has("allOf") && current.get("allOf").size() == 1) {
                current = current.get("allOf").get(0);
            } else if (current.has("oneOf") || current.has("anyOf")) {
                current = (current.has("oneOf") ? current.get("oneOf") : current.get("anyOf")).get(0);
            } else {
                return current;
            }
        }
        return current;
    }

    /** The schema's type; OpenAPI 3.1 may give a list with "null" in it. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!"null".equals(each.asText())) {
                    return each.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }
}
