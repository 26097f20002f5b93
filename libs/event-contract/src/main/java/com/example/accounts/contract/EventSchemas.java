package com.example.accounts.contract;

import com.example.accounts.contract.vocabulary.Mailbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import com.networknt.schema.path.PathType;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One JSON schema per event type and version, in {@code contract/events/<Type>.v<N>.json}, and the catalog of
 * current versions ({@code contract/events/catalog.json}). {@link #validate} checks an event's data against its
 * schema: the store refuses events that break the contract, so no consumer ever reads one.
 * The files are JSON Schema 2020-12 (a field that may be null says {@code "type": ["string", "null"]}, and null is
 * one of its {@code enum}), validated by a maintained implementation of the standard, not by code of ours.
 */
public final class EventSchemas {

    /**
     * The standard 2020-12 dialect, but an {@code email} is checked for its form only (one @, a dotted domain, no
     * spaces, at most 254 characters): the validator's own check also wants a top-level domain from the list it
     * was built with, which refuses reserved ones ({@code .example}, {@code .test}) and every domain registered
     * since, so an address the account-service rightly accepted would break the store.
     */
    private static final Dialect DIALECT = Dialect.builder(Dialects.getDraft202012()).format(new MailboxFormat()).build();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(DIALECT,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .pathType(PathType.JSON_PATH)
                    .locale(Locale.ENGLISH)
                    .build()));

    public static final EventSchemas INSTANCE = load("/contract/events/");

    private final String base;
    private final Map<String, Integer> currentVersions;
    private final Map<String, JsonNode> schemas = new ConcurrentHashMap<>();
    private final Map<String, Schema> validators = new ConcurrentHashMap<>();

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

    /**
     * The ways {@code data} breaks the schema of {@code type} v{@code version}; empty when it fits. A standard JSON
     * Schema 2020-12 validator decides, the one an outside consumer would use, so that what the store accepts every
     * reader accepts. Formats (uuid, email, date-time) are asserted, not only annotated: the store keeps no event
     * whose ids are not ids.
     */
    public List<String> validate(String type, int version, JsonNode data) {
        currentVersion(type);
        List<String> problems = new ArrayList<>();
        for (Error error : validator(type, version).validate(data)) {
            // "$.billingInfo.email" reads as "data.billingInfo.email", the field's path in the envelope
            problems.add("data" + error.getInstanceLocation().toString().substring(1) + ": " + error.getMessage());
        }
        return problems;
    }

    /**
     * What a reader finds wrong with an envelope as it was published (not upcast): its type is not in the catalog,
     * its data was not written at the type's current version, or the data breaks the schema of that version.
     */
    public List<String> validatePublished(EventEnvelope published) {
        if (!currentVersions.containsKey(published.type())) {
            return List.of("event " + published.eventId() + ": unknown event type " + published.type());
        }
        int current = currentVersion(published.type());
        List<String> problems = new ArrayList<>();
        if (published.schemaVersion() != current) {
            problems.add(published.type() + " " + published.eventId() + " was written at v" + published.schemaVersion()
                    + ", the catalog's current version is v" + current);
        }
        if (published.schemaVersion() >= 1 && published.schemaVersion() <= current) {
            validate(published.type(), published.schemaVersion(), published.data())
                    .forEach(problem -> problems.add(published.type() + " " + published.eventId() + ": " + problem));
        }
        return problems;
    }

    private Schema validator(String type, int version) {
        String name = type + ".v" + version;
        return validators.computeIfAbsent(name, n -> REGISTRY.getSchema(SchemaLocation.of("classpath:" + base + n + ".json"), schema(type, version)));
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

    private static final class MailboxFormat implements Format {

        @Override
        public String getName() {
            return "email";
        }

        @Override
        public boolean matches(ExecutionContext context, String value) {
            return Mailbox.isMailbox(value);
        }
    }
}
