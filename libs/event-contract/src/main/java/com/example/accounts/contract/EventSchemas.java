package com.example.accounts.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One JSON schema per event type and version, in {@code contract/events/<Type>.v<N>.json}, and the catalog of
 * current versions ({@code contract/events/catalog.json}). {@link #validate} checks an event's data against its
 * schema: the store refuses events that break the contract, so no consumer ever reads one.
 * It understands the part of JSON Schema these files use: object, required, properties, additionalProperties,
 * type, format (uuid, email, date-time), enum, minLength, maxLength, items, minimum.
 */
public final class EventSchemas {

    public static final EventSchemas INSTANCE = load("/contract/events/");

    private static final Pattern UUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final String base;
    private final Map<String, Integer> currentVersions;
    private final Map<String, JsonNode> schemas = new ConcurrentHashMap<>();

    private EventSchemas(String base, Map<String, Integer> currentVersions) {
        this.base = base;
        this.currentVersions = currentVersions;
    }

    public static EventSchemas load(String base) {
        JsonNode catalog = readResource(base + "catalog.json");
        Map<String, Integer> versions = new TreeMap<>();
        catalog.fields().forEachRemaining(entry -> versions.put(entry.getKey(), entry.getValue().asInt()));
        return new EventSchemas(base, versions);
    }

    public Set<String> types() {
        return currentVersions.keySet();
    }

    public int currentVersion(String type) {
        Integer version = currentVersions.get(type);
        if (version == null) {
            throw new MalformedEventException("unknown event type " + type);
        }
        return version;
    }

    public JsonNode schema(String type, int version) {
        return schemas.computeIfAbsent(type + ".v" + version, name -> readResource(base + name + ".json"));
    }

    /** The ways {@code data} breaks the schema of {@code type} v{@code version}; empty when it fits. */
    public List<String> validate(String type, int version, JsonNode data) {
        currentVersion(type);
        List<String> problems = new ArrayList<>();
        check(schema(type, version), data, "data", problems);
        return problems;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        String type = schema.path("type").asText("");
        if (value == null || value.isMissingNode()) {
            problems.add(path + " is missing");
            return;
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                problems.add(path + " must not be null");
            }
            return;
        }
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    problems.add(path + " must be an object");
                    return;
                }
                JsonNode properties = schema.path("properties");
                for (JsonNode required : schema.path("required")) {
                    if (!value.has(required.asText())) {
                        problems.add(path + "." + required.asText() + " is required");
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    JsonNode fieldSchema = properties.get(field.getKey());
                    if (fieldSchema == null) {
                        if (!schema.path("additionalProperties").asBoolean(true)) {
                            problems.add(path + "." + field.getKey() + " is not in the schema");
                        }
                    } else {
                        check(fieldSchema, field.getValue(), path + "." + field.getKey(), problems);
                    }
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(path + " must be an array");
                    return;
                }
                int i = 0;
                for (JsonNode item : value) {
                    check(schema.path("items"), item, path + "[" + i++ + "]", problems);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(path + " must be a string");
                    return;
                }
                String text = value.asText();
                if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
                    problems.add(path + " is longer than " + schema.get("maxLength").asInt());
                }
                if (schema.has("minLength") && text.length() < schema.get("minLength").asInt()) {
                    problems.add(path + " is shorter than " + schema.get("minLength").asInt());
                }
                String format = schema.path("format").asText("");
                if (format.equals("uuid") && !UUID.matcher(text).matches()) {
                    problems.add(path + " must be a UUID");
                }
                if (format.equals("email") && !EMAIL.matcher(text).matches()) {
                    problems.add(path + " must be an email address");
                }
                if (schema.has("enum")) {
                    boolean known = false;
                    for (JsonNode option : schema.get("enum")) {
                        known |= option.asText().equals(text);
                    }
                    if (!known) {
                        problems.add(path + " must be one of " + schema.get("enum"));
                    }
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(path + " must be an integer");
                } else if (schema.has("minimum") && value.asLong() < schema.get("minimum").asLong()) {
                    problems.add(path + " must be at least " + schema.get("minimum").asLong());
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(path + " must be true or false");
                }
            }
            default -> problems.add(path + ": the schema has no type");
        }
    }

    private static JsonNode readResource(String name) {
        try (InputStream in = EventSchemas.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new MalformedEventException("no schema resource " + name);
            }
            return EventJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new MalformedEventException("cannot read schema " + name + ": " + e.getMessage(), e);
        }
    }
}
