package com.example.accounts.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventContractTest {

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) EventJson.MAPPER.readTree(text);
    }

    @Test
    void EVT2_envelopeRoundTripsWithEveryField() throws Exception {
        UUID account = UUID.randomUUID();
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "AccountOpened", 1, account, "account-" + account, 1, 42,
                Instant.parse("2026-11-25T10:00:00Z"), "login-1", "corr-1", "cause-1",
                json("{\"accountId\":\"" + account + "\",\"name\":\"Acme\",\"plan\":{\"modules\":[],\"seats\":[]},\"billingContactMemberId\":\""
                        + UUID.randomUUID() + "\"}"));

        EventEnvelope read = EventJson.read(EventJson.write(envelope));

        assertEquals(envelope, read);
        assertEquals("account-events." + account + ".42", read.token(Topics.ACCOUNT_EVENTS).toString());
    }

    @Test
    void EVT2_anOldVersionIsUpcastWhenRead() throws Exception {
        EventSchemas schemas = EventSchemas.load("/test-contract/events/");
        Upcaster splitName = upcaster("Renamed", 1, data -> {
            String[] parts = data.remove("name").asText().split(" ", 2);
            return data.put("firstName", parts[0]).put("lastName", parts[1]);
        });
        EventEnvelope v1 = new EventEnvelope(UUID.randomUUID(), "Renamed", 1, UUID.randomUUID(), "s", 3, 9, Instant.now(),
                "system", "c", "c", json("{\"name\":\"Ada Lovelace\"}"));
        assertTrue(schemas.validate("Renamed", 1, v1.data()).isEmpty());

        EventEnvelope current = new Upcasters(schemas, List.of(splitName)).upcast(v1);

        assertEquals(2, current.schemaVersion());
        assertEquals("Ada", current.data().get("firstName").asText());
        assertEquals("Lovelace", current.data().get("lastName").asText());
        assertTrue(schemas.validate("Renamed", 2, current.data()).isEmpty());
        assertEquals("Ada Lovelace", v1.data().get("name").asText(), "the stored event is never rewritten");
    }

    @Test
    void EVT2_theFingerprintOfWhatEventsReadAsChangesWithAVersionOrAnUpcaster() {
        EventSchemas schemas = EventSchemas.load("/test-contract/events/");
        Upcaster splitName = upcaster("Renamed", 1, data -> data);
        String without = new Upcasters(schemas, List.of()).fingerprint();
        assertEquals(without, new Upcasters(schemas, List.of()).fingerprint(), "the same contract, the same fingerprint");
        assertTrue(without.contains("Renamed v2"), without);
        assertTrue(!without.equals(new Upcasters(schemas, List.of(splitName)).fingerprint()), "a new upcaster");
        assertTrue(!without.equals(new Upcasters(EventSchemas.INSTANCE, List.of()).fingerprint()), "other versions");
    }

    @Test
    void EVT2_aVersionWithoutUpcasterOrNewerThanKnownIsRefused() throws Exception {
        EventSchemas schemas = EventSchemas.load("/test-contract/events/");
        EventEnvelope v1 = new EventEnvelope(UUID.randomUUID(), "Renamed", 1, UUID.randomUUID(), "s", 1, 1, Instant.now(),
                "system", "c", "c", json("{\"name\":\"x y\"}"));
        assertThrows(MalformedEventException.class, () -> new Upcasters(schemas, List.of()).upcast(v1));
        assertThrows(MalformedEventException.class, () -> new Upcasters(schemas, List.of()).upcast(v1.withData(3, v1.data())));
    }

    @Test
    void EVT2_schemasNameWhatIsWrong() throws Exception {
        List<String> problems = EventSchemas.INSTANCE.validate("UserAdded", 1, json(
                "{\"memberId\":\"nope\",\"name\":\"\",\"email\":\"no-at\",\"role\":\"KING\",\"extra\":1}"));
        assertTrue(problems.contains("data.memberId: does not match the uuid pattern must be a valid RFC 4122 UUID"), problems.toString());
        assertTrue(problems.contains("data.name: must be at least 1 characters long"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("data.email: does not match the email pattern")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("data.role: does not have a value in the enumeration")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("data: property 'extra' is not defined in the schema")), problems.toString());
        assertTrue(problems.contains("data: required property 'loginId' not found"), problems.toString());
        assertThrows(MalformedEventException.class, () -> EventSchemas.INSTANCE.validate("NoSuchEvent", 1, json("{}")));
    }

    /** What an outside consumer does with our schema files: a standard 2020-12 validator, nothing of ours. */
    private static List<Error> standardErrors(String file, JsonNode data) throws Exception {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        try (var in = EventContractTest.class.getResourceAsStream("/contract/events/" + file)) {
            return registry.getSchema(in, InputFormat.JSON).validate(data);
        }
    }

    @Test
    void EVT2_aRealFirstUserAddedWithoutLanguageValidatesUnderAStandardValidator() throws Exception {
        // the first member of every account, as account-service writes it: no language chosen yet
        ObjectNode firstMember = json("""
                {"memberId":"%s","loginId":"6f1c2a9e-5b7d-4c3e-9a1f-2d8e7b6c5a40","name":"Ada Admin","email":"ada@example.com",
                 "role":"ADMIN","companyAccess":{"all":true,"companies":[]},"supportFeatures":[],"loginCreated":false,
                 "language":null}""".formatted(UUID.randomUUID()));

        assertEquals(List.of(), standardErrors("UserAdded.v1.json", firstMember), "a standard JSON Schema 2020-12 validator");
        assertEquals(List.of(), EventSchemas.INSTANCE.validate("UserAdded", 1, firstMember), "the store's validator");
        firstMember.put("language", "xx");
        assertEquals(1, standardErrors("UserAdded.v1.json", firstMember).size(), "a language that is not one of the list");
    }

    @Test
    void EVT2_anyAddressTheServicesAcceptIsAValidEmailOfTheContractAndGarbageIsNot() throws Exception {
        ObjectNode member = json("""
                {"memberId":"%s","loginId":"6f1c2a9e-5b7d-4c3e-9a1f-2d8e7b6c5a40","name":"Ada","email":"ada@demo.example",
                 "role":"ADMIN","companyAccess":{"all":true,"companies":[]},"supportFeatures":[],"loginCreated":false,
                 "language":null}""".formatted(UUID.randomUUID()));
        for (String address : List.of("ada@demo.example", "qa@lab.test", "ops@team.accounts.local", "zoe@shop.newtopleveldomain")) {
            member.put("email", address);
            assertEquals(List.of(), EventSchemas.INSTANCE.validate("UserAdded", 1, member), address + ": reserved and new top-level domains are domains");
        }
        for (String garbage : List.of("no-at-sign", "two@@example.com", "spa ce@example.com", "nodot@localhost", "a@" + "b".repeat(260) + ".com")) {
            member.put("email", garbage);
            assertFalse(EventSchemas.INSTANCE.validate("UserAdded", 1, member).isEmpty(), garbage);
        }
    }

    @Test
    void EVT2_aPublishedEventIsOfACatalogTypeAtItsCurrentVersionWithValidData() throws Exception {
        EventSchemas schemas = EventSchemas.load("/test-contract/events/");
        EventEnvelope current = new EventEnvelope(UUID.randomUUID(), "Renamed", 2, UUID.randomUUID(), "s", 1, 1, Instant.now(),
                "system", "c", "c", json("{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"}"));
        assertEquals(List.of(), schemas.validatePublished(current));

        List<String> old = schemas.validatePublished(current.withData(1, json("{\"name\":\"Ada Lovelace\"}")));
        assertEquals(1, old.size(), old.toString());
        assertTrue(old.get(0).endsWith("was written at v1, the catalog's current version is v2"), old.toString());
        assertEquals(1, schemas.validatePublished(current.withData(2, json("{\"firstName\":\"Ada\"}"))).size(), "lastName is required");
        assertEquals(1, schemas.validatePublished(new EventEnvelope(UUID.randomUUID(), "NoSuchEvent", 1, UUID.randomUUID(), "s", 1, 1,
                Instant.now(), "system", "c", "c", json("{}"))).size(), "an unknown type");
    }

    /** The keywords of JSON Schema 2020-12 (core, applicator, validation, format, meta-data); nothing else may appear. */
    private static final Set<String> KEYWORDS_2020_12 = Set.of("$schema", "$id", "$ref", "$defs", "$comment", "$anchor",
            "type", "enum", "const", "properties", "required", "additionalProperties", "items", "prefixItems", "allOf", "anyOf",
            "oneOf", "not", "if", "then", "else", "minLength", "maxLength", "pattern", "format", "minimum", "maximum",
            "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems", "uniqueItems", "title", "description", "default",
            "examples", "deprecated", "readOnly", "writeOnly");

    @Test
    void EVT2_everySchemaIsJsonSchema2020_12AndUsesOnlyItsKeywords() throws Exception {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        var metaSchema = registry.getSchema(com.networknt.schema.SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        List<String> problems = new ArrayList<>();
        for (String type : EventSchemas.INSTANCE.types()) {
            for (int version = 1; version <= EventSchemas.INSTANCE.currentVersion(type); version++) {
                String file = type + ".v" + version + ".json";
                JsonNode schema = EventSchemas.INSTANCE.schema(type, version);
                if (!schema.path("$schema").asText().equals("https://json-schema.org/draft/2020-12/schema")) {
                    problems.add(file + " does not say it is JSON Schema 2020-12");
                }
                metaSchema.validate(schema).forEach(error -> problems.add(file + " breaks the 2020-12 meta-schema: " + error));
                unknownKeywords(schema, file, problems);
            }
        }
        assertEquals(List.of(), problems);
    }

    private static void unknownKeywords(JsonNode schema, String at, List<String> problems) {
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> keyword = it.next();
            if (!KEYWORDS_2020_12.contains(keyword.getKey())) {
                problems.add(at + ": " + keyword.getKey() + " is no keyword of JSON Schema 2020-12");
            }
        }
        schema.path("properties").fields().forEachRemaining(p -> unknownKeywords(p.getValue(), at + "." + p.getKey(), problems));
        if (schema.path("items").isObject()) {
            unknownKeywords(schema.get("items"), at + "[]", problems);
        }
        if (schema.path("additionalProperties").isObject()) {
            unknownKeywords(schema.get("additionalProperties"), at + ".*", problems);
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(combinator).forEach(sub -> unknownKeywords(sub, at + "/" + combinator, problems));
        }
    }

    @Test
    void PRM4_consistencyTokensParseAndRefuseGarbage() {
        UUID account = UUID.randomUUID();
        assertEquals(new ConsistencyToken(Topics.SESSION_EVENTS, account, 7), ConsistencyToken.parse("session-events." + account + ".7"));
        assertThrows(IllegalArgumentException.class, () -> ConsistencyToken.parse("nope"));
        assertThrows(IllegalArgumentException.class, () -> ConsistencyToken.parse("other-topic." + account + ".7"));
        assertThrows(IllegalArgumentException.class, () -> ConsistencyToken.parse("account-events." + account + ".0"));
    }

    /** An upcaster of {@code type} from {@code fromVersion} to the next version. */
    private static Upcaster upcaster(String type, int fromVersion, UnaryOperator<ObjectNode> upcast) {
        return new Upcaster() {
            public String type() {
                return type;
            }

            public int fromVersion() {
                return fromVersion;
            }

            public ObjectNode upcast(ObjectNode data) {
                return upcast.apply(data);
            }
        };
    }
}
